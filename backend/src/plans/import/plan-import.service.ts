import { EntityManager } from '@mikro-orm/postgresql';
import { HttpStatus, Injectable } from '@nestjs/common';
import { AbilityFactory } from '../../access/ability.factory';
import type { AuthUser } from '../../access/auth-user';
import { AppError, forbidden } from '../../common/app-error';
import { DocxPackageError } from '../../common/safe-zip';
import { calendarDateInVietnam } from '../../core/vietnamese-date';
import { Organisation } from '../../organisations/organisation.entity';
import { newPlanSubject } from '../plan-access';
import type { PlanContent } from '../../core/plan-content';
import { matchIssuer, OrganisationIndex } from './organisation-match';
import { parsePlan, type ParsedPlan } from './parse-plan';
import { readDocx } from './read-docx';
import { readText, type SourceItem } from './source';
import { importWarnings as say } from './warnings';

export interface ImportResult {
  /** in the shape POST /api/plans takes; nothing is saved */
  content: PlanContent;
  warnings: string[];
}

/** What the content model accepts (dto/plan-content.dto.ts) and a source could exceed. */
const MAX_BODY_BLOCKS = 2000;
const DEFAULT_ARCHIVE = 'Lưu: VT.';

/** 400 naming what is wrong with the uploaded file or text, under `field`. */
export function badSource(field: 'file' | 'text', problems: string[]): AppError {
  const errors = Object.fromEntries(problems.map((problem, i) => [i ? `${field}.${i}` : field, problem]));
  return new AppError(HttpStatus.BAD_REQUEST, 'IMPORT.BAD_SOURCE', problems.join(' '), errors);
}

/**
 * A plan read from a Word file or text, as a draft of the caller's organisation for the editor:
 * the issuer is the caller's organisation, the source's own issuer, number and date only warnings.
 */
@Injectable()
export class PlanImportService {
  constructor(
    private readonly em: EntityManager,
    private readonly abilities: AbilityFactory,
  ) {}

  async fromDocx(user: AuthUser, bytes: Buffer): Promise<ImportResult> {
    let items: SourceItem[];
    try {
      items = await readDocx(bytes);
    } catch (error) {
      if (error instanceof DocxPackageError) throw badSource('file', error.problems);
      throw error;
    }
    return this.fromItems(user, items, 'file');
  }

  fromText(user: AuthUser, text: string, field: 'file' | 'text'): Promise<ImportResult> {
    return this.fromItems(user, readText(text), field);
  }

  private async fromItems(user: AuthUser, items: SourceItem[], field: 'file' | 'text'): Promise<ImportResult> {
    if (!this.abilities.createForUser(user).can('create', newPlanSubject(user.organisationId))) {
      throw forbidden('Chỉ chuyên viên soạn thảo mới nhập được kế hoạch');
    }
    if (!items.length) throw badSource(field, [say.noBody]);
    const parsed = parsePlan(items, { currentYear: calendarDateInVietnam(new Date()).year });
    if (!parsed.body.length) throw badSource(field, [say.noBody]);
    if (parsed.body.length > MAX_BODY_BLOCKS) {
      throw badSource(field, [`Văn bản có ${parsed.body.length} đoạn nội dung, quá giới hạn ${MAX_BODY_BLOCKS} đoạn của một kế hoạch.`]);
    }
    const organisations = await OrganisationIndex.load(this.em, user.organisationPath);
    return this.toContent(parsed, organisations, organisations.byId(user.organisationId));
  }

  private toContent(parsed: ParsedPlan, organisations: OrganisationIndex, issuer: Organisation): ImportResult {
    const warnings = [...parsed.warnings];
    const sourceIssuer = matchIssuer(parsed.header.issuerLines, organisations);
    if (parsed.header.issuerLines.length && sourceIssuer?.id !== issuer.id) {
      warnings.unshift(say.otherIssuer(parsed.header.issuerLines, sourceIssuer?.name ?? null));
    }
    const { lead, coIssuerIds } = organisations.signatories(parsed.signature.blocks, issuer, warnings);
    const joint = parsed.joint && coIssuerIds.length > 0;
    if (parsed.joint && !joint) warnings.push(say.jointWithoutCoIssuers);
    if (!lead?.authority) warnings.push(say.signerDefault('dòng thẩm quyền ký (TM. …)'));
    if (!lead?.title) warnings.push(say.signerDefault('chức danh người ký'));
    if (!parsed.signature.archive) warnings.push(say.archiveDefault);
    const content: PlanContent = {
      kind: joint ? 'joint_plan' : 'plan',
      issuerId: issuer.id,
      coIssuerIds: joint ? coIssuerIds : [],
      heading: parsed.heading,
      title: parsed.title,
      place: parsed.header.place ?? issuer.place,
      preamble: parsed.preamble,
      body: parsed.body,
      closing: parsed.closing,
      signer: { authority: lead?.authority ?? issuer.signatureAuthority, deputy: lead?.deputy ?? null, title: lead?.title ?? issuer.signerTitle },
      recipients: parsed.signature.recipients.map((recipient) => organisations.withOrganisations(recipient)),
      archive: parsed.signature.archive ?? DEFAULT_ARCHIVE,
      reporting: parsed.reporting,
      form: parsed.form,
      parentPlanId: null,
    };
    if (parsed.preambleKinds.length) content.preambleKinds = parsed.preambleKinds;
    return { content, warnings };
  }
}
