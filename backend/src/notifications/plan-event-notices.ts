import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { AbilityFactory } from '../access/ability.factory';
import type { AuthUser } from '../access/auth-user';
import { toAuthUser } from '../auth/jwt-auth.guard';
import { EVENT_LABELS, STATUS_LABELS } from '../core/labels';
import type { PlanEvent, PlanStatus } from '../core/plan-lifecycle';
import { availableActions } from '../plans/available-actions';
import { planSubject } from '../plans/plan-access';
import { User } from '../users/user.entity';
import type { PlanRow, SignatureRow } from '../workflow/plan-event.repository';
import { formatMoment, type Notice, SUBJECT_PREFIX } from './messages';
import type { Addressed } from './outbox.service';

/** A plan event as the workflow has just written it (inside its transaction). */
export interface PlanEventFacts {
  plan: PlanRow;
  signatures: SignatureRow[];
  type: PlanEvent;
  fromState: PlanStatus;
  comment: string | null;
  actor: AuthUser;
}

/**
 * The events that are a person's task, and how a message names it ("Chờ anh/chị phê duyệt"). SUBMIT is
 * not here: a plan comes back to its drafter by RETURN or REQUEST_CHANGES, which has its own message.
 */
const TASKS: Partial<Record<PlanEvent | 'ACKNOWLEDGE', string>> = {
  FORWARD: 'xem xét',
  SIGN: 'ký phối hợp',
  APPROVE: 'phê duyệt',
  ISSUE: 'ban hành',
  DISTRIBUTE: 'gửi',
  ACKNOWLEDGE: 'xác nhận đã nhận',
};

export type Recipient = User & { email: string };

/**
 * Who is told of a plan event, and what: those who now have a task on the plan (by the same rules that
 * give them the action: CASL and the machine), the drafter of a plan sent back with its comment, the
 * recipients of a plan distributed or recalled. Never the actor.
 */
@Injectable()
export class PlanEventNotices {
  constructor(private readonly abilities: AbilityFactory) {}

  async for(em: EntityManager, facts: PlanEventFacts): Promise<Addressed[]> {
    const { type, plan } = facts;
    if (type === 'RETURN' || type === 'REQUEST_CHANGES') return this.returned(em, facts);
    if (type === 'RECALL') return this.recalled(em, facts);
    if (type === 'DISTRIBUTE') return this.toAcknowledge(em, facts);
    // Within one state (a co-issuer's signature among several) nobody has a new task.
    if (facts.fromState === plan.status) return [];
    return this.newTasks(em, facts);
  }

  private async newTasks(em: EntityManager, facts: PlanEventFacts): Promise<Addressed[]> {
    const { plan, signatures } = facts;
    const candidates = await usersOf(em, [plan.issuer.id, ...plan.coIssuerIds], facts.actor, { withCapacities: true });
    return candidates.flatMap((user) => {
      const task = availableActions(plan, signatures, toAuthUser(user), this.abilities).find((action) => TASKS[action]);
      return task ? [addressed(user, 'new_task', facts, taskNotice(facts, TASKS[task]!))] : [];
    });
  }

  private async toAcknowledge(em: EntityManager, facts: PlanEventFacts): Promise<Addressed[]> {
    const plan = planSubject(facts.plan);
    const candidates = await usersOf(em, facts.plan.recipientOrgIds, facts.actor);
    const notice = taskNotice(facts, TASKS.ACKNOWLEDGE!, `${facts.plan.issuer.name} đã gửi kế hoạch đến đơn vị của anh/chị.`);
    return candidates.filter((user) => this.abilities.createForUser(toAuthUser(user)).can('ACKNOWLEDGE', plan)).map((user) => addressed(user, 'new_task', facts, notice));
  }

  private async returned(em: EntityManager, { plan, actor, type, comment }: PlanEventFacts): Promise<Addressed[]> {
    const drafter = await em.findOne(User, { id: plan.createdBy.id, active: true, email: { $ne: null } });
    if (!drafter || drafter.id === actor.id) return [];
    const what = type === 'RETURN' ? 'trả lại' : 'đề nghị sửa';
    const notice: Notice = {
      subject: `${SUBJECT_PREFIX} Kế hoạch bị ${what}: ${plan.title}`,
      lines: [
        `${actor.fullName} đã ${what} kế hoạch "${plan.title}" lúc ${formatMoment(new Date())}.`,
        `Kế hoạch trở về trạng thái "${STATUS_LABELS[plan.status]}" để anh/chị sửa theo ý kiến dưới đây rồi trình lại.`,
      ],
      quote: { label: 'Ý kiến', text: comment ?? '' },
      planId: plan.id,
    };
    return [addressed(drafter as Recipient, 'returned', { plan, actor }, notice)];
  }

  private async recalled(em: EntityManager, { plan, actor, comment }: PlanEventFacts): Promise<Addressed[]> {
    const notice: Notice = {
      subject: `${SUBJECT_PREFIX} Thu hồi kế hoạch: ${plan.title}`,
      lines: [
        `${plan.issuer.name} đã thu hồi kế hoạch "${plan.title}" lúc ${formatMoment(new Date())} (người thực hiện: ${actor.fullName}).`,
        'Kế hoạch không còn hiệu lực; đơn vị của anh/chị không thực hiện và không báo cáo theo kế hoạch này nữa.',
      ],
      quote: { label: 'Lý do thu hồi', text: comment ?? '' },
      planId: plan.id,
    };
    const recipients = await usersOf(em, plan.recipientOrgIds, actor);
    return recipients.map((user) => addressed(user, 'recalled', { plan, actor }, notice));
  }
}

/** Điều 18 as the replaced plan's recipients hear of it: the replacement's number and where to read it. */
export interface ReplacementFacts {
  replaced: Pick<PlanRow, 'id' | 'title' | 'recipientOrgIds' | 'auditSeq'>;
  /** "Kế hoạch số 12/KH-MTTQ-BTT ngày 01/12/2026" */
  replacement: { id: string; numberAndDate: string; title: string };
  issuerName: string;
  actor: AuthUser;
}

/** A correction notice issued for a plan, as its recipients hear of it. */
export interface CorrectionFacts {
  plan: Pick<PlanRow, 'id' | 'title' | 'recipientOrgIds' | 'auditSeq'>;
  /** "Thông báo số 13/TB-MTTQ-BTT" */
  notice: string;
  summary: string;
  text: string;
  issuerName: string;
  actor: AuthUser;
}

/**
 * The notices of Điều 18 (replacement, correction) to the plan's recipients, under their "thu hồi"
 * setting: like a recall, each changes what they act on. One per plan event and person.
 */
export function replacementNotices(facts: ReplacementFacts, recipients: Recipient[]): Addressed[] {
  const { replaced, replacement, issuerName, actor } = facts;
  const notice: Notice = {
    subject: `${SUBJECT_PREFIX} Kế hoạch đã bị thay thế: ${replaced.title}`,
    lines: [
      `${issuerName} đã ban hành ${replacement.numberAndDate} "${replacement.title}" thay thế kế hoạch "${replaced.title}" lúc ${formatMoment(new Date())} (người thực hiện: ${actor.fullName}).`,
      'Kế hoạch cũ hết hiệu lực; đơn vị của anh/chị thực hiện và báo cáo theo kế hoạch thay thế khi nhận được.',
    ],
    planId: replacement.id,
  };
  return recipients.map((user) => ({ recipient: user, category: 'recalled', kind: 'replaced', dedupeKey: `plan:${replaced.id}:${replaced.auditSeq}:${user.id}`, notice }));
}

export function correctionNotices(facts: CorrectionFacts, recipients: Recipient[]): Addressed[] {
  const { plan, notice: number, summary, text, issuerName, actor } = facts;
  const notice: Notice = {
    subject: `${SUBJECT_PREFIX} ${summary}`,
    lines: [`${issuerName} đã ban hành ${number} ${summary.charAt(0).toLocaleLowerCase('vi')}${summary.slice(1)} "${plan.title}" lúc ${formatMoment(new Date())} (người thực hiện: ${actor.fullName}).`],
    quote: { label: 'Nội dung đính chính', text },
    planId: plan.id,
  };
  return recipients.map((user) => ({ recipient: user, category: 'recalled', kind: 'corrected', dedupeKey: `plan:${plan.id}:${plan.auditSeq}:${user.id}`, notice }));
}

/**
 * The active users with an address in these organisations, the actor aside, with their capacities;
 * `withCapacities`: also those who hold a role there besides their own organisation (kiêm nhiệm).
 */
export async function usersOf(em: EntityManager, organisationIds: string[], actor: AuthUser, { withCapacities = false } = {}): Promise<Recipient[]> {
  if (!organisationIds.length) return [];
  const inOrganisations = withCapacities
    ? { $or: [{ organisation: { $in: organisationIds } }, { capacities: { organisation: { $in: organisationIds } } }] }
    : { organisation: { $in: organisationIds } };
  const users = await em.find(User, { ...inOrganisations, active: true, email: { $ne: null }, id: { $ne: actor.id } }, { populate: ['organisation', 'capacities.organisation'] });
  return users as Recipient[];
}

function taskNotice({ plan, actor, type }: PlanEventFacts, task: string, lead?: string): Notice {
  return {
    subject: `${SUBJECT_PREFIX} Chờ anh/chị ${task}: ${plan.title}`,
    lines: [
      ...(lead ? [lead] : []),
      `Kế hoạch "${plan.title}" của ${plan.issuer.name} đang chờ anh/chị ${task}.`,
      `${actor.fullName} đã "${EVENT_LABELS[type]}" lúc ${formatMoment(new Date())}; trạng thái hiện nay: ${STATUS_LABELS[plan.status]}.`,
    ],
    planId: plan.id,
  };
}

/** One message per event and person: the audit sequence number names the event. */
function addressed(user: Recipient, category: Addressed['category'], { plan }: Pick<PlanEventFacts, 'plan' | 'actor'>, notice: Notice): Addressed {
  return { recipient: user, category, kind: category, dedupeKey: `plan:${plan.id}:${plan.auditSeq}:${user.id}`, notice };
}
