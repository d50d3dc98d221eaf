import { EntityManager, FilterQuery, LockMode } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { AbilityFactory } from '../access/ability.factory';
import type { AuthUser } from '../access/auth-user';
import { conflict, notFound } from '../common/app-error';
import { IssuedDocument } from '../documents/issued-document.entity';
import { IncomingRepository } from '../incoming/incoming.repository';
import type { RecallMark } from '../documents/plan-pdf.service';
import { Organisation } from '../organisations/organisation.entity';
import { OrganisationRepository } from '../organisations/organisation.repository';
import { deliveryLabels } from '../core/plan-content';
import { formatDocumentNumber, PLAN_TYPE_CODE } from '../core/document-number';
import { vietnamDay } from '../core/reporting-calendar';
import { calendarDateInVietnam } from '../core/vietnamese-date';
import { planSubject } from '../plans/plan-access';
import { Plan } from '../plans/plan.entity';
import { PlansService } from '../plans/plans.service';
import { ReportingRound } from '../plans/reporting-round.entity';
import { User } from '../users/user.entity';
import { Delivery } from './delivery.entity';

/** What DISTRIBUTE reads of the plan it delivers. */
type DistributedPlan = Pick<Plan, 'id' | 'content' | 'recipientOrgIds' | 'title' | 'number' | 'symbol' | 'issuedAt'> & { issuer: { name: string } };

/** DESIGN §8: deliveries to the internal "Nơi nhận", acknowledgement, and recall notices. */
@Injectable()
export class DistributionService {
  constructor(
    private readonly em: EntityManager,
    private readonly abilities: AbilityFactory,
    private readonly plans: PlansService,
    private readonly incoming: IncomingRepository,
  ) {}

  /**
   * At DISTRIBUTE (inside its transaction): one delivery per internal organisation named by the
   * recipient lines (`deliveryLabels`: each once, under the first line naming it; one ended since ISSUE
   * replaced by its successor, `activeRecipients`), the plan's entry in
   * each one's incoming register (one statement), and the reporting rounds, but those `made` already (a
   * replacement's rounds moved from the plan it replaces).
   */
  async deliver(em: EntityManager, plan: DistributedPlan, made: readonly number[] = []): Promise<string[]> {
    const labelByOrg = await activeRecipients(em, deliveryLabels(plan.content.recipients));
    for (const [orgId, label] of labelByOrg) em.create(Delivery, { plan: em.getReference(Plan, plan.id), organisation: em.getReference(Organisation, orgId), label });
    plan.recipientOrgIds = [...labelByOrg.keys()];
    const now = new Date();
    await this.incoming.land(em, {
      planId: plan.id,
      sender: plan.issuer.name,
      documentNumber: formatDocumentNumber(plan.number!, plan.symbol),
      documentDate: vietnamDay(plan.issuedAt!),
      documentType: PLAN_TYPE_CODE,
      summary: plan.title,
    }, plan.recipientOrgIds, calendarDateInVietnam(now).year, now);
    this.openRounds(em, plan, made);
    return plan.recipientOrgIds;
  }

  /** The content's deadlines, final once issued, become the rounds reports are made to. */
  private openRounds(em: EntityManager, plan: Pick<Plan, 'id' | 'content'>, made: readonly number[]): void {
    plan.content.reporting.forEach(({ name, dueDate, parentRoundId }, position) => {
      if (made.includes(position)) return;
      em.create(ReportingRound, {
        plan: em.getReference(Plan, plan.id),
        position,
        name,
        dueDate,
        parentRound: parentRoundId ? em.getReference(ReportingRound, parentRoundId) : null,
      });
    });
  }

  /** At RECALL: the stored document is marked recalled, with the reason, for every reader. */
  async markRecalled(em: EntityManager, plan: Pick<Plan, 'id'>, { recalledAt, reason }: RecallMark): Promise<void> {
    await em.nativeUpdate(IssuedDocument, { plan: plan.id }, { recalledAt, recallReason: reason });
  }

  /** Any member of a recipient organisation acknowledges receipt, once; for a recalled plan, the recall notice. */
  async acknowledge(user: AuthUser, planId: string): Promise<Delivery> {
    return this.em.transactional(async (em) => {
      const plan = await this.plans.findReadable(em, user, planId);
      if (!this.abilities.createForUser(user).can('ACKNOWLEDGE', planSubject(plan))) throw notFound('Kế hoạch này không gửi đến đơn vị của bạn');
      const delivery = await em.findOneOrFail(Delivery, { plan, organisation: user.organisationId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (plan.status === 'recalled') {
        delivery.recallSeenAt ??= new Date();
      } else if (delivery.acknowledgedAt) {
        throw conflict('ALREADY_ACKNOWLEDGED', 'Đơn vị của bạn đã xác nhận đã nhận kế hoạch này', { acknowledgedAt: delivery.acknowledgedAt });
      } else {
        delivery.acknowledgedAt = new Date();
        delivery.acknowledgedBy = em.getReference(User, user.id);
        await this.incoming.acknowledge(em, { planId: plan.id, documentNumber: formatDocumentNumber(plan.number!, plan.symbol) }, user.organisationId, user.id, delivery.acknowledgedAt, vietnamDay(delivery.acknowledgedAt));
      }
      await em.populate(delivery, ['organisation', 'acknowledgedBy']);
      return delivery;
    });
  }

  /** The issuer's view (and a recipient's own line): deliveries, outside recipients and the archive line. */
  async distribution(user: AuthUser, planId: string) {
    const plan = await this.plans.findReadable(this.em, user, planId);
    const deliveries = await this.em.find(Delivery, { plan }, { populate: ['organisation', 'acknowledgedBy'], orderBy: { organisation: { name: 'ASC' } } });
    const isIssuerSide = plan.issuerLineage.includes(user.organisationId);
    const document = await this.em.findOne(IssuedDocument, { plan }, { fields: ['recalledAt', 'recallReason'] });
    return {
      status: plan.status,
      recalledAt: document?.recalledAt ?? null,
      recallReason: document?.recallReason ?? null,
      deliveries: deliveries.filter((d) => isIssuerSide || d.organisation.id === user.organisationId).map(presentDelivery),
      external: plan.content.recipients.filter((r) => !r.orgIds?.length).map((r) => ({ label: r.label, note: r.note ?? null })),
      archive: plan.content.archive,
    };
  }

  /** Recipient-side inbox items, newest first: deliveries not yet acknowledged, and recalls not yet seen. */
  async inbox(user: AuthUser, offset: number, limit: number) {
    if (limit <= 0) return [];
    const deliveries = await this.em.find(Delivery, pendingFor(user), {
      populate: ['plan'],
      orderBy: { deliveredAt: 'DESC', id: 'ASC' },
      offset,
      limit,
      exclude: ['plan.content', 'plan.machineState'] as never,
    });
    return deliveries.map((d) => ({
      type: d.plan.status === 'recalled' ? ('recalled' as const) : ('acknowledge' as const),
      planId: d.plan.id,
      title: d.plan.title,
      kind: d.plan.kind,
      status: d.plan.status,
      actions: d.plan.status === 'recalled' ? [] : ['ACKNOWLEDGE'],
      updatedAt: d.deliveredAt,
    }));
  }

  countInbox(user: AuthUser): Promise<number> {
    return this.em.count(Delivery, pendingFor(user));
  }
}

/**
 * The recipients with each organisation merged or dissolved since the document was issued replaced by
 * the active one doing its work now, under the label of the line that named it; each once. What the
 * document printed ("Nơi nhận") stays as issued.
 */
async function activeRecipients(em: EntityManager, labelByOrg: Map<string, string>): Promise<Map<string, string>> {
  const successors = await new OrganisationRepository(em).activeSuccessors([...labelByOrg.keys()]);
  const delivered = new Map<string, string>();
  for (const [orgId, label] of labelByOrg) {
    const recipient = successors.get(orgId) ?? orgId;
    if (!delivered.has(recipient)) delivered.set(recipient, label);
  }
  return delivered;
}

/** The caller's organisation's deliveries that still ask something of it (read by the organisation index). */
const pendingFor = (user: AuthUser): FilterQuery<Delivery> => ({
  organisation: user.organisationId,
  $or: [{ acknowledgedAt: null, plan: { status: { $ne: 'recalled' } } }, { recallSeenAt: null, plan: { status: 'recalled' } }],
});

export function presentDelivery(d: Delivery) {
  return {
    id: d.id,
    organisationId: d.organisation.id,
    organisationName: d.organisation.name,
    label: d.label,
    deliveredAt: d.deliveredAt,
    acknowledgedAt: d.acknowledgedAt,
    acknowledgedBy: d.acknowledgedBy ? { id: d.acknowledgedBy.id, fullName: d.acknowledgedBy.fullName } : null,
    recallSeenAt: d.recallSeenAt,
  };
}
