import type { EntityManager } from '@mikro-orm/postgresql';
import { toAuthUser } from '../../auth/jwt-auth.guard';
import { addDays, vietnamDay } from '../../core/reporting-calendar';
import { Organisation } from '../../organisations/organisation.entity';
import type { PlanContent } from '../../core/plan-content';
import type { PlansService } from '../../plans/plans.service';
import { User } from '../../users/user.entity';
import type { WorkflowService } from '../../workflow/workflow.service';
import type { DemoDataSet, DemoPlan } from './demo-data-set';
import { DEMO_PASSWORD } from './organisations.seeder';

/**
 * Demo plans in several states (DESIGN §11), made by driving the real services as the demo users,
 * so every demo plan went through the same checks, signatures, numbering and audit as a real one.
 */
export class DemoPlansSeeder {
  constructor(
    private readonly plans: PlansService,
    private readonly workflow: WorkflowService,
    private readonly data: Pick<DemoDataSet, 'organisations' | 'plans'>,
  ) {}

  async run(em: EntityManager): Promise<void> {
    const orgIdByKey = await this.organisationIds(em);
    const asUser = async (username: string) => toAuthUser(await em.findOneOrFail(User, { username }, { populate: ['organisation', 'capacities.organisation'] }));
    for (const demo of this.data.plans) {
      const plan = await this.plans.create(await asUser(demo.drafter), toContent(demo.content, orgIdByKey));
      for (const [username, event] of demo.road) {
        // Every demo key's PIN is the demo password.
        await this.workflow.send(await asUser(username), plan.id, event, undefined, { pin: DEMO_PASSWORD, address: 'demo-data' });
      }
    }
  }

  /** Keys of the organisations data file → ids, matched by the organisations' unique names. */
  private async organisationIds(em: EntityManager): Promise<Map<string, string>> {
    const byName = new Map((await em.find(Organisation, {})).map((o) => [o.name, o.id]));
    return new Map(this.data.organisations.map((o) => [o.key, byName.get(o.name)!]));
  }
}

/**
 * The data file's content with organisations named by key, and deadlines as days from the seeding day:
 * a demo plan goes through SUBMIT and ISSUE now, which refuse a deadline already past.
 */
function toContent(demo: DemoPlan['content'], ids: Map<string, string>): PlanContent {
  const { issuer, coIssuers, recipients, reporting, ...rest } = demo;
  const id = (key: string) => ids.get(key)!;
  const today = vietnamDay(new Date());
  return {
    ...(rest as Omit<PlanContent, 'issuerId' | 'coIssuerIds' | 'recipients' | 'parentPlanId' | 'heading' | 'reporting'>),
    reporting: reporting.map(({ name, dueInDays }) => ({ name, dueDate: addDays(today, dueInDays) })),
    heading: rest.heading ?? null,
    issuerId: id(issuer),
    coIssuerIds: coIssuers.map(id),
    recipients: recipients.map(({ orgs, ...line }) => ({ ...line, orgIds: (orgs ?? []).map(id) })),
    parentPlanId: null,
  };
}
