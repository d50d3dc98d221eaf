import type { Organisation, OrganisationKind, OrganisationLevel } from './organisation.entity';

/** What the rule reads of an organisation: its place in the tree. */
export interface TreePlace {
  id: string;
  kind: OrganisationKind;
  level: OrganisationLevel;
  parentId: string | null;
}

/**
 * Who may co-issue a joint plan with `issuer` (Kế hoạch phối hợp between a Front committee and its
 * member organisations), as the tree says: for a committee, its member organisations — the
 * `member_org` children of its own level — never the committees below it; for a member organisation,
 * the committee it belongs to and the member organisations beside it. Never the issuer itself.
 */
export function mayCoIssue(issuer: TreePlace, candidate: TreePlace): boolean {
  if (candidate.id === issuer.id || candidate.level !== issuer.level) return false;
  if (issuer.kind === 'committee') return candidate.kind === 'member_org' && candidate.parentId === issuer.id;
  if (issuer.parentId === null) return false;
  return candidate.id === issuer.parentId || (candidate.kind === 'member_org' && candidate.parentId === issuer.parentId);
}

export const treePlace = (organisation: Pick<Organisation, 'id' | 'kind' | 'level' | 'parent'>): TreePlace => ({
  id: organisation.id,
  kind: organisation.kind,
  level: organisation.level,
  parentId: organisation.parent?.id ?? null,
});
