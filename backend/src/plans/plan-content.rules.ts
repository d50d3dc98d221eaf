import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { invalid } from '../common/app-error';
import { Organisation } from '../organisations/organisation.entity';
import type { PlanContent } from './plan-content';
import { Plan } from './plan.entity';

/** What class-validator cannot know: the organisations and plans the content names must exist and fit. */
@Injectable()
export class PlanContentRules {
  /** `keptParentId`: the parent the plan already cites, which stays valid even if it was recalled since. */
  async check(em: EntityManager, content: PlanContent, keptParentId: string | null = null): Promise<void> {
    const errors: Record<string, string> = {};
    const named = [content.issuerId, ...content.coIssuerIds, ...content.recipients.flatMap((r) => r.orgIds ?? [])];
    const known = new Set((await em.find(Organisation, { id: { $in: [...new Set(named)] } }, { fields: ['id'] })).map((o) => o.id));

    if (!known.has(content.issuerId)) errors.issuerId = 'tổ chức ban hành không tồn tại';
    this.checkCoIssuers(content, known, errors);
    content.recipients.forEach((recipient, i) =>
      (recipient.orgIds ?? []).forEach((id, j) => {
        if (!known.has(id)) errors[`recipients.${i}.orgIds.${j}`] = 'tổ chức nhận không tồn tại';
      }),
    );
    const codes = content.form?.indicators.map((indicator) => indicator.code) ?? [];
    codes.forEach((code, i) => {
      if (codes.indexOf(code) !== i) errors[`form.indicators.${i}.code`] = `mã chỉ tiêu "${code}" bị trùng`;
    });
    if (content.parentPlanId && content.parentPlanId !== keptParentId && !(await this.isReceivedBy(em, content.parentPlanId, content.issuerId))) {
      // The same answer for a plan that does not exist and one the issuer cannot see: ids reveal nothing.
      errors.parentPlanId = 'phải là kế hoạch đã ban hành mà cơ quan ban hành nhận được (dùng "Xây dựng kế hoạch thực hiện")';
    }
    if (Object.keys(errors).length) throw invalid(errors);
  }

  /** A plan implements only a plan its issuer received: roll-ups and reports trust that link. */
  private async isReceivedBy(em: EntityManager, parentId: string, issuerId: string): Promise<boolean> {
    return (await em.count(Plan, { id: parentId, recipientOrgIds: { $contains: [issuerId] } })) > 0;
  }

  private checkCoIssuers(content: PlanContent, known: Set<string>, errors: Record<string, string>): void {
    if (content.kind === 'plan' && content.coIssuerIds.length) {
      errors.coIssuerIds = 'kế hoạch của một cơ quan không có cơ quan phối hợp (chọn loại "kế hoạch phối hợp")';
      return;
    }
    if (content.kind === 'joint_plan' && !content.coIssuerIds.length) {
      errors.coIssuerIds = 'kế hoạch phối hợp cần ít nhất một cơ quan phối hợp';
      return;
    }
    content.coIssuerIds.forEach((id, i) => {
      if (!known.has(id)) errors[`coIssuerIds.${i}`] = 'cơ quan phối hợp không tồn tại';
      else if (id === content.issuerId) errors[`coIssuerIds.${i}`] = 'cơ quan chủ trì không đồng thời là cơ quan phối hợp';
      else if (content.coIssuerIds.indexOf(id) !== i) errors[`coIssuerIds.${i}`] = 'cơ quan phối hợp bị trùng';
    });
  }
}
