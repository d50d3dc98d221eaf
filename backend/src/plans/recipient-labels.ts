import type { EntityManager } from '@mikro-orm/postgresql';
import { recipientLabelOf, type PlanContent } from '../core/plan-content';
import { Organisation } from '../organisations/organisation.entity';

/**
 * A "Nơi nhận" line naming organisations without a label of its own gets one naming them all
 * (`recipientLabelOf`), so the document never prints a line shorter than what it delivers to.
 * Changes `content` in place, before its hash is taken; the organisations were checked to exist.
 */
export async function labelRecipients(em: EntityManager, content: PlanContent): Promise<void> {
  const unlabelled = content.recipients.filter((line) => !line.label && line.orgIds?.length);
  if (!unlabelled.length) return;
  const ids = [...new Set(unlabelled.flatMap((line) => line.orgIds!))];
  const names = new Map((await em.find(Organisation, { id: { $in: ids } }, { fields: ['id', 'name'] })).map((o) => [o.id, o.name]));
  for (const line of unlabelled) line.label = recipientLabelOf(line.orgIds!.flatMap((id) => names.get(id) ?? []));
}
