import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../access/auth-user';
import { AuditService } from '../audit/audit.service';
import { conflict } from '../common/app-error';
import { formatDocumentNumber } from '../core/document-number';
import { planNumberAndDate } from '../core/plan-citation';
import { NotificationsService } from '../notifications/notifications.service';
import { Plan } from '../plans/plan.entity';
import { ReportingRoundRepository } from '../reports/reporting-round.repository';
import { User } from '../users/user.entity';
import type { PlanRow } from './plan-event.repository';

/**
 * Điều 18: what the ISSUE of a replacement does to the plan it replaces, inside that ISSUE's
 * transaction (workflow.service.ts). The replaced plan keeps its state and its issued document: it is
 * marked replaced (a link, and a REPLACED record in its own audit chain), its pending rounds move to
 * the replacement, and its recipients are told.
 */
@Injectable()
export class ReplacementService {
  constructor(
    private readonly audit: AuditService,
    private readonly rounds: ReportingRoundRepository,
    private readonly notifications: NotificationsService,
  ) {}

  /** After the replacement took its number; answers the facts its own ISSUE record seals. */
  async complete(em: EntityManager, replacement: PlanRow, actor: AuthUser): Promise<Record<string, unknown>> {
    // Locked after the replacement's row, as every ISSUE of a replacement does: no lock-order cycle.
    const replaced = await em.findOneOrFail(Plan, replacement.replaces!.id, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (replaced.replacedBy) {
      throw conflict('ALREADY_REPLACED', 'Kế hoạch được thay thế đã bị một kế hoạch khác thay thế', { replacedBy: replaced.replacedBy.id });
    }
    const number = formatDocumentNumber(replacement.number!, replacement.symbol);
    replaced.replacedBy = em.getReference(Plan, replacement.id);
    replaced.replacedAt = replacement.issuedAt;
    this.audit.append(em, replaced, em.getReference(User, actor.id), {
      event: 'REPLACED',
      fromState: replaced.status,
      toState: replaced.status,
      details: { replacedBy: replacement.id, number },
    });
    const movedRounds = await this.rounds.moveToReplacement(em, replaced.id, replacement.id, replacement.content.reporting, actor.id);
    await this.notifications.onPlanReplaced(em, {
      replaced,
      replacement: { id: replacement.id, title: replacement.title, numberAndDate: planNumberAndDate({ number: replacement.number!, symbol: replacement.symbol, issuedAt: replacement.issuedAt! }) },
      issuerName: replacement.issuer.name,
      actor,
    });
    return { replaces: replaced.id, replacesNumber: formatDocumentNumber(replaced.number!, replaced.symbol), movedRounds };
  }
}
