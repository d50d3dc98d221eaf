/**
 * The task a rendering worker thread runs (render-pool.ts): it only calls the pure rendering code.
 * A template's own errors come back as a result, because an Error crossing threads loses its
 * class and details; anything else is thrown and fails the task.
 */
import {
  checkTemplate,
  renderNumberRegisterDocx,
  renderPlanDocx,
  renderReportSummaryDocx,
  TemplateRenderError,
  type NumberRegisterInput,
  type PlanTemplates,
  type RenderInput,
  type ReportSummaryInput,
} from './rendering';
import { renderPlanPdfFromInput, type PlanPdfFields, type RenderedPlanPdf } from './rendering/pdf/render-plan-pdf';
import type { TemplateKind } from '../core/template-kinds';
import type { KeyObject } from 'node:crypto';
import { addSignatureTimestamp, embedSignature, prepareSignature, SigningError, signWithKey, type SignatureRequest, type SigningErrorCode } from '../signing';

/** A key opened for one signature, sent to the worker (a KeyObject crosses threads as such). */
export interface SigningKey {
  privateKey: KeyObject;
  certificatePem: string;
  chainPem: string[];
}

export type RenderTask =
  | { kind: 'plan'; input: RenderInput; templates: PlanTemplates }
  | { kind: 'signPdf'; pdf: Uint8Array; request: SignatureRequest; key: SigningKey | null; tsaUrl: string | null }
  | ({ kind: 'planPdf'; input: RenderInput } & PlanPdfFields)
  | { kind: 'reportSummary'; input: ReportSummaryInput }
  | { kind: 'numberRegister'; input: NumberRegisterInput }
  | { kind: 'checkTemplate'; template: Uint8Array; templateKind: TemplateKind };

export type RenderResult =
  | { bytes: Uint8Array }
  | { problems: string[] }
  | { templateErrors: string[] }
  | RenderedPlanPdf
  | SignedPdf
  | { signingError: { code: SigningErrorCode; message: string } };

/** With a key: the signed PDF; without: the PDF prepared for a device's signature and the digest it signs. */
export type SignedPdf = { signed: Uint8Array } | { prepared: Uint8Array; documentDigest: Uint8Array };

export default function runRenderTask(task: RenderTask): RenderResult | Promise<RenderResult> {
  try {
    switch (task.kind) {
      case 'plan':
        return { bytes: renderPlanDocx(task.input, buffers(task.templates)) };
      case 'planPdf':
        return renderPlanPdfFromInput(task.input, { issueFields: task.issueFields, titleFields: task.titleFields });
      case 'signPdf':
        return signPdf(task).catch((error: unknown) => {
          if (error instanceof SigningError) return { signingError: { code: error.code, message: error.message } };
          throw error;
        });
      case 'reportSummary':
        return { bytes: renderReportSummaryDocx(task.input) };
      case 'numberRegister':
        return { bytes: renderNumberRegisterDocx(task.input) };
      case 'checkTemplate':
        return { problems: checkTemplate(asBuffer(task.template), task.templateKind) };
    }
  } catch (error) {
    if (error instanceof TemplateRenderError) return { templateErrors: error.details };
    throw error;
  }
}

/**
 * The PDF signature's heavy part — pdf-lib reading the whole file, the appearance, the incremental
 * update — off the event loop; with a key also the CMS and its time-stamp.
 */
async function signPdf({ pdf, request, key, tsaUrl }: Extract<RenderTask, { kind: 'signPdf' }>): Promise<SignedPdf> {
  const { appearance } = request;
  const withBuffers = { ...request, appearance: 'image' in appearance ? { ...appearance, image: asBuffer(appearance.image) } : appearance };
  const prepared = await prepareSignature(asBuffer(pdf), withBuffers);
  if (!key) return prepared;
  let cms = signWithKey(prepared.documentDigest, { privateKey: key.privateKey, certificate: key.certificatePem, chain: key.chainPem });
  if (tsaUrl) cms = await addSignatureTimestamp(cms, tsaUrl);
  return { signed: embedSignature(prepared.prepared, cms) };
}

/** Buffers arrive as plain Uint8Arrays: a structured clone keeps the bytes, not the class. */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function buffers(templates: PlanTemplates): PlanTemplates {
  return Object.fromEntries(Object.entries(templates).map(([kind, bytes]) => [kind, asBuffer(bytes)]));
}
