/**
 * Every DOCX rendering runs here, in a pool of worker threads, each bounded in time and memory: a
 * template or a plan that makes docxtemplater work for minutes or fill gigabytes fails alone, and
 * the main thread keeps answering requests meanwhile.
 */
import { HttpStatus, Logger, OnModuleDestroy } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import Piscina from 'piscina';
import { AppError } from '../common/app-error';
import { TemplateRenderError, type NumberRegisterInput, type PlanTemplates, type RenderInput, type ReportSummaryInput } from './rendering';
import type { PlanPdfFields, RenderedPlanPdf } from './rendering/pdf/render-plan-pdf';
import type { TemplateKind } from '../core/template-kinds';
import { SigningError, type SignatureRequest } from '../signing';
import { asBuffer, type RenderResult, type RenderTask, type SigningKey } from './render-worker';

export interface RenderLimits {
  /** from the call, waiting for a free worker included */
  timeMs: number;
  /** the worker's V8 heap; past it the worker is ended and a new one started */
  memoryMb: number;
}

/** A 160-block plan renders in about 0.1 s with a few tens of MB of heap: a hundred times that is no plan. */
const RENDER_LIMITS: RenderLimits = { timeMs: 10_000, memoryMb: 256 };

/**
 * The built app runs dist/documents/render-worker.js. Run from the TypeScript sources (jest), the
 * worker starts from render-worker.source.js, which compiles the sources with swc as they load.
 */
function workerFile(): string {
  const compiled = join(__dirname, 'render-worker.js');
  return existsSync(compiled) ? compiled : join(__dirname, 'render-worker.source.js');
}

/** Why a task was stopped, for messages: "quá 10 giây". */
function limitExceeded(error: unknown, limits: RenderLimits): string | undefined {
  const { name, code } = error as { name?: string; code?: string };
  if (name === 'AbortError') return `quá ${String(limits.timeMs / 1000).replace('.', ',')} giây`;
  if (code === 'ERR_WORKER_OUT_OF_MEMORY') return `cần quá ${limits.memoryMb} MB bộ nhớ`;
  return undefined;
}

export class RenderPool implements OnModuleDestroy {
  private readonly logger = new Logger('RenderPool');
  private readonly pool: Piscina<RenderTask, RenderResult>;

  constructor(private readonly limits: RenderLimits = RENDER_LIMITS) {
    this.pool = new Piscina({
      filename: workerFile(),
      // Started by the first rendering and kept while busy: an instance that never renders (an
      // API-only instance, most test apps) never starts one.
      minThreads: 0,
      idleTimeout: 60_000,
      // Two at least, so one heavy rendering does not hold up every other one.
      maxThreads: Math.max(2, availableParallelism()),
      resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb },
    });
    // A worker that dies between tasks is replaced; unheard, the event would end the process.
    this.pool.on('error', (error) => this.logger.error(error));
  }

  /** The plan's DOCX; throws TemplateRenderError for the template's own mistakes, a 422 past the limits. */
  async renderPlan(input: RenderInput, templates: PlanTemplates): Promise<Buffer> {
    return bytesOf(await this.run({ kind: 'plan', input, templates }));
  }

  /**
   * The plan as PDF and where its signature blocks and fields are; with `issueFields` the number
   * and date are blanks under form fields, with `titleFields` the co-issuers' titles are form fields
   * (rendered before signing), else printed. A 422 past the limits, as for the DOCX.
   */
  async renderPlanPdf(input: RenderInput, options: PlanPdfFields): Promise<RenderedPlanPdf> {
    const result = await this.run({ kind: 'planPdf', input, ...options });
    if ('limit' in result) throw renderLimitError(result.limit);
    if (!('pdf' in result)) throw new Error(`PDF render task answered ${Object.keys(result).join()}`);
    return result;
  }

  /**
   * A PDF signature made in a worker: with a key, the signed PDF; without, the PDF prepared for a
   * device's signature with the digest it signs. The library's refusals come back as SigningError.
   */
  async signPdf(pdf: Buffer, request: SignatureRequest, key: SigningKey | null, tsaUrl: string | null): Promise<Extract<RenderResult, { signed: Uint8Array } | { prepared: Uint8Array }>> {
    const result = await this.run({ kind: 'signPdf', pdf, request, key, tsaUrl });
    if ('limit' in result) throw renderLimitError(result.limit);
    if ('signingError' in result) throw new SigningError(result.signingError.code, result.signingError.message);
    if (!('signed' in result) && !('prepared' in result)) throw new Error(`PDF signing task answered ${Object.keys(result).join()}`);
    return result;
  }

  async renderReportSummary(input: ReportSummaryInput): Promise<Buffer> {
    return bytesOf(await this.run({ kind: 'reportSummary', input }));
  }

  async renderNumberRegister(input: NumberRegisterInput): Promise<Buffer> {
    return bytesOf(await this.run({ kind: 'numberRegister', input }));
  }

  /** checkTemplate's problems; a template that makes the trial renderings exceed the limits is one. */
  async checkTemplate(template: Buffer, templateKind: TemplateKind): Promise<string[]> {
    const result = await this.run({ kind: 'checkTemplate', template, templateKind });
    if ('limit' in result) return [`Dựng thử các kế hoạch mẫu bằng mẫu này ${result.limit}: mẫu quá nặng (quá nhiều nội dung hoặc thẻ).`];
    if ('problems' in result) return result.problems;
    if ('templateErrors' in result) return result.templateErrors;
    throw new Error('template check answered a document');
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool.destroy();
  }

  /** The worker's answer, or which limit stopped it. */
  private async run(task: RenderTask): Promise<RenderResult | { limit: string }> {
    try {
      return await this.pool.run(task, { signal: AbortSignal.timeout(this.limits.timeMs) });
    } catch (error) {
      const limit = limitExceeded(error, this.limits);
      if (limit === undefined) throw error;
      this.logger.warn(`${task.kind}: ${limit}`);
      return { limit };
    }
  }
}

function renderLimitError(limit: string): AppError {
  return new AppError(
    HttpStatus.UNPROCESSABLE_ENTITY,
    'DOCUMENT.RENDER_LIMIT',
    `Không dựng được văn bản: việc dựng ${limit}, vượt giới hạn để máy chủ không bị treo. Văn bản hoặc mẫu văn bản quá nặng; quản trị cần kiểm tra lại mẫu của tổ chức.`,
  );
}

function bytesOf(result: RenderResult | { limit: string }): Buffer {
  if ('limit' in result) throw renderLimitError(result.limit);
  if ('templateErrors' in result) throw new TemplateRenderError(result.templateErrors);
  if (!('bytes' in result)) throw new Error(`render task answered ${Object.keys(result).join()}, not bytes`);
  return asBuffer(result.bytes);
}
