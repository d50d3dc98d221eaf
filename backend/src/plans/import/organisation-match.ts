/**
 * Names in a source matched against the organisation tree of the caller's province: the header's
 * issuer ("ỦY BAN MTTQ VIỆT NAM TỈNH SƠN LA"), the co-issuers' signature blocks ("TM. BAN THƯỜNG VỤ
 * LĐLĐ TỈNH") and recipient lines. Names are compared folded: without case, diacritics or
 * punctuation, "Mặt trận Tổ quốc" as "MTTQ", so "Uỷ"/"Ủy" and "TM.BAN"/"TM. BAN" meet.
 */
import { EntityManager } from '@mikro-orm/postgresql';
import { lineageOf } from '../../access/ability.factory';
import { Organisation } from '../../organisations/organisation.entity';
import type { Recipient } from '../../core/plan-content';
import type { SignatureBlock } from './signature-area';
import { importWarnings as say } from './warnings';

function foldName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/gu, 'D')
    .toUpperCase()
    .replace(/MAT TRAN TO QUOC/gu, 'MTTQ')
    .replace(/[^A-Z0-9]+/gu, ' ')
    .trim();
}

export class OrganisationIndex {
  private constructor(private readonly organisations: Organisation[]) {}

  /** The province's whole tree: the root of the caller's path and everything below it. */
  static async load(em: EntityManager, callerPath: string): Promise<OrganisationIndex> {
    const rootPath = `/${lineageOf(callerPath)[0]}/`;
    return new OrganisationIndex(await em.find(Organisation, { path: { $like: `${rootPath}%` } }, { orderBy: { path: 'asc' } }));
  }

  byId(id: string): Organisation {
    const found = this.organisations.find((organisation) => organisation.id === id);
    if (!found) throw new Error(`organisation ${id} is not in its own tree`);
    return found;
  }

  /** Organisations whose `field`, folded, is `name` folded; the issuer's children first. */
  named(name: string, field: 'name' | 'shortName' | 'signatureAuthority', near?: Organisation): Organisation[] {
    const folded = foldName(name);
    const found = this.organisations.filter((organisation) => foldName(organisation[field]) === folded);
    return near ? [...found.filter((o) => o.path.startsWith(near.path)), ...found.filter((o) => !o.path.startsWith(near.path))] : found;
  }

  /**
   * The issuer's own block (its authority line, or the first block) and the co-issuers: each other
   * block matched by its authority line, a child of the issuer preferred.
   */
  signatories(blocks: SignatureBlock[], issuer: Organisation, warnings: string[]): { lead: SignatureBlock | undefined; coIssuerIds: string[] } {
    const own = foldName(issuer.signatureAuthority);
    const lead = blocks.find((block) => block.authority && foldName(block.authority) === own) ?? blocks[0];
    const coIssuerIds: string[] = [];
    for (const block of blocks) {
      if (block === lead || !block.authority) continue;
      const match = this.named(block.authority, 'signatureAuthority', issuer).find((o) => o.id !== issuer.id && !coIssuerIds.includes(o.id));
      if (match) coIssuerIds.push(match.id);
      else warnings.push(say.coIssuerUnknown(block.authority));
    }
    return { lead, coIssuerIds };
  }

  /** A recipient line that names one organisation of the tree exactly (full or short name) gets its id. */
  withOrganisations(recipient: Recipient): Recipient {
    const [match] = [...this.named(recipient.label, 'name'), ...this.named(recipient.label, 'shortName')];
    return match ? { ...recipient, orgIds: [match.id] } : recipient;
  }
}

/** The organisation the header names: one line, or lines read together ("ỦY BAN MTTQ VIỆT NAM" / "TỈNH SƠN LA"). */
export function matchIssuer(lines: string[], organisations: OrganisationIndex): Organisation | null {
  for (let start = 0; start < lines.length; start++) {
    for (let end = start + 1; end <= lines.length; end++) {
      const [match] = organisations.named(lines.slice(start, end).join(' '), 'name');
      if (match) return match;
    }
  }
  return null;
}
