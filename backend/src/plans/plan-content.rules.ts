import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { invalid } from '../common/app-error';
import { Organisation } from '../organisations/organisation.entity';
import { mayCoIssue, treePlace, type TreePlace } from '../organisations/co-issuers';
import { NUMBERED_BLOCK_TYPES, type PlanContent, type ReportingDeadline } from '../core/plan-content';
import { formatDueDay, pastDeadlines, vietnamDay } from '../core/reporting-calendar';
import { Plan } from './plan.entity';
import { ReportingRound } from './reporting-round.entity';

/** A merged or dissolved organisation issues nothing more and is no one's partner or recipient. */
const ENDED = 'đã hợp nhất hoặc giải thể: chọn tổ chức kế tục';

const NOT_A_CO_ISSUER =
  'không phối hợp ban hành được với cơ quan chủ trì: chỉ chọn tổ chức thành viên của cơ quan chủ trì (với tổ chức thành viên: Ủy ban MTTQ của mình và các tổ chức thành viên cùng cấp)';

/** What class-validator cannot know: the organisations and plans the content names must exist and fit. */
@Injectable()
export class PlanContentRules {
  /** `keptParentId`: the parent the plan already cites, which stays valid even if it was recalled since. */
  async check(em: EntityManager, content: PlanContent, keptParentId: string | null = null): Promise<void> {
    const errors: Record<string, string> = {};
    const named = [content.issuerId, ...content.coIssuerIds, ...content.recipients.flatMap((r) => r.orgIds ?? [])];
    const found = await em.find(Organisation, { id: { $in: [...new Set(named)] } }, { fields: ['id', 'kind', 'level', 'parent', 'dissolvedOn'] });
    const places = new Map(found.map((o) => [o.id, treePlace(o)]));
    const known = new Set(places.keys());
    const ended = new Set(found.filter((o) => o.dissolvedOn !== null).map((o) => o.id));

    if (!known.has(content.issuerId)) errors.issuerId = 'tổ chức ban hành không tồn tại';
    else if (ended.has(content.issuerId)) errors.issuerId = ENDED;
    this.checkCoIssuers(content, places, errors);
    content.coIssuerIds.forEach((id, i) => {
      if (ended.has(id)) errors[`coIssuerIds.${i}`] = ENDED;
    });
    content.recipients.forEach((recipient, i) =>
      (recipient.orgIds ?? []).forEach((id, j) => {
        if (!known.has(id)) errors[`recipients.${i}.orgIds.${j}`] = 'tổ chức nhận không tồn tại';
        else if (ended.has(id)) errors[`recipients.${i}.orgIds.${j}`] = ENDED;
      }),
    );
    this.checkShape(content, errors);
    const codes = content.form?.indicators.map((indicator) => indicator.code) ?? [];
    codes.forEach((code, i) => {
      if (codes.indexOf(code) !== i) errors[`form.indicators.${i}.code`] = `mã chỉ tiêu "${code}" bị trùng`;
    });
    if (content.parentPlanId && content.parentPlanId !== keptParentId && !(await this.isReceivedBy(em, content.parentPlanId, content.issuerId))) {
      // The same answer for a plan that does not exist and one the issuer cannot see: ids reveal nothing.
      errors.parentPlanId = 'phải là kế hoạch đã ban hành mà cơ quan ban hành nhận được (dùng "Xây dựng kế hoạch thực hiện")';
    }
    await this.checkParentRounds(em, content, errors);
    if (Object.keys(errors).length) throw invalid(errors);
  }

  /** A deadline reports to a round of the plan it implements, never of another plan. */
  private async checkParentRounds(em: EntityManager, content: PlanContent, errors: Record<string, string>): Promise<void> {
    const named = content.reporting.flatMap((r) => (r.parentRoundId ? [r.parentRoundId] : []));
    if (!named.length) return;
    const ofParent = content.parentPlanId ? await em.find(ReportingRound, { id: { $in: named }, plan: content.parentPlanId }, { fields: ['id'] }) : [];
    const known = new Set(ofParent.map((round) => round.id));
    content.reporting.forEach((r, i) => {
      if (r.parentRoundId && !known.has(r.parentRoundId)) errors[`reporting.${i}.parentRoundId`] = 'phải là một kỳ báo cáo của kế hoạch cấp trên mà kế hoạch này thực hiện';
    });
  }

  /** A plan implements only a plan its issuer received: roll-ups and reports trust that link. */
  private async isReceivedBy(em: EntityManager, parentId: string, issuerId: string): Promise<boolean> {
    return (await em.count(Plan, { id: parentId, recipientOrgIds: { $contains: [issuerId] } })) > 0;
  }

  /** What a field alone cannot say: a numbered paragraph needs a number, a kind needs its line. */
  private checkShape(content: PlanContent, errors: Record<string, string>): void {
    content.body.forEach((block, i) => {
      if (block.asParagraph && !NUMBERED_BLOCK_TYPES.includes(block.type)) {
        errors[`body.${i}.asParagraph`] = 'chỉ mục có số (I., 1., 1.1.) mới viết thành đoạn văn có số';
      }
    });
    if (content.preambleKinds && content.preambleKinds.length !== content.preamble.length) {
      errors.preambleKinds = `phải có đúng ${content.preamble.length} phần tử, mỗi đoạn căn cứ một loại`;
    }
  }

  private checkCoIssuers(content: PlanContent, places: Map<string, TreePlace>, errors: Record<string, string>): void {
    if (content.kind === 'plan' && content.coIssuerIds.length) {
      errors.coIssuerIds = 'kế hoạch của một cơ quan không có cơ quan phối hợp (chọn loại "kế hoạch phối hợp")';
      return;
    }
    if (content.kind === 'joint_plan' && !content.coIssuerIds.length) {
      errors.coIssuerIds = 'kế hoạch phối hợp cần ít nhất một cơ quan phối hợp';
      return;
    }
    const issuer = places.get(content.issuerId);
    content.coIssuerIds.forEach((id, i) => {
      const place = places.get(id);
      if (!place) errors[`coIssuerIds.${i}`] = 'cơ quan phối hợp không tồn tại';
      else if (id === content.issuerId) errors[`coIssuerIds.${i}`] = 'cơ quan chủ trì không đồng thời là cơ quan phối hợp';
      else if (content.coIssuerIds.indexOf(id) !== i) errors[`coIssuerIds.${i}`] = 'cơ quan phối hợp bị trùng';
      else if (issuer && !mayCoIssue(issuer, place)) errors[`coIssuerIds.${i}`] = NOT_A_CO_ISSUER;
    });
  }
}

/**
 * Before a plan goes up for review (SUBMIT) and before it goes out (ISSUE), no reporting deadline may
 * have passed: recipients would receive a report already overdue. 400 naming each past deadline.
 */
export function assertDeadlinesAhead(reporting: readonly ReportingDeadline[], now: Date): void {
  const past = pastDeadlines(reporting, vietnamDay(now));
  if (!past.length) return;
  throw invalid(
    Object.fromEntries(
      past.map(({ name, dueDate, index }) => [
        `reporting.${index}.dueDate`,
        `Hạn báo cáo «${name}» (${formatDueDay(dueDate)}) đã qua: các nơi nhận sẽ nhận một báo cáo đã quá hạn — sửa hạn báo cáo trước khi trình hoặc ban hành`,
      ]),
    ),
  );
}
