import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { Organisation } from '../organisations/organisation.entity';
import { toDocumentOrganisation } from './documents.service';
import { RenderPool } from './render-pool';
import type { ReportSummaryInput } from './rendering';

/** What the document needs of ReportsService.summary(): its answer fits as it is. */
export type ReportSummaryData = Omit<ReportSummaryInput, 'issuer' | 'deadlineName' | 'generatedAt'> & {
  issuerId: string;
  /** index of the deadline in the plan's reporting list */
  deadline: number;
  /** the deadline's name */
  name: string;
};

export interface ReportSummaryFile {
  bytes: Buffer;
  fileName: string;
}

/** The issuer's summary of one reporting deadline as a DOCX (templates/tong-hop-bao-cao.docx), made on demand. */
@Injectable()
export class ReportSummaryDocumentService {
  constructor(
    private readonly em: EntityManager,
    private readonly renderPool: RenderPool,
  ) {}

  async render(summary: ReportSummaryData, generatedAt: Date): Promise<ReportSummaryFile> {
    const issuer = await this.em.findOneOrFail(Organisation, summary.issuerId);
    const bytes = await this.renderPool.renderReportSummary({
      issuer: toDocumentOrganisation(issuer),
      planNumber: summary.planNumber,
      planIssuedAt: summary.planIssuedAt,
      planTitle: summary.planTitle,
      deadlineName: summary.name,
      dueDate: summary.dueDate,
      generatedAt,
      indicators: summary.indicators,
      totals: summary.totals,
      rolledUpTotals: summary.rolledUpTotals,
      counts: summary.counts,
      rows: summary.rows,
    });
    return { bytes, fileName: `tong-hop-bao-cao-${summary.deadline + 1}.docx` };
  }
}
