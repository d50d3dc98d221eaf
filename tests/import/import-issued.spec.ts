/**
 * The app's own issued documents read back: each example rendered as issued (header and signature
 * tables, the appendix's form table) and imported gives its content again — what an office does
 * when it takes last year's plan as the start of this year's.
 */
import { readDocx } from '../../backend/src/plans/import/read-docx';
import { parsePlan } from '../../backend/src/plans/import/parse-plan';
import { renderPlanDocx } from '../../backend/src/documents/rendering/render-plan';
import { EXAMPLES, issuedInput, loadExample, SIGNER_NAMES } from '../documents/support';

describe('an issued plan imported again', () => {
  it.each(EXAMPLES)('%s: title, preamble, body, closing, signature blocks, recipients and form come back', async (name) => {
    const content = loadExample(name);
    const parsed = parsePlan(await readDocx(renderPlanDocx(issuedInput(content))), { currentYear: 2026 });

    expect(parsed).toMatchObject({
      heading: content.heading,
      title: content.title,
      preamble: content.preamble,
      preambleKinds: content.preambleKinds,
      body: content.body,
      closing: content.closing,
      header: { issuerLines: ['ỦY BAN MTTQ VIỆT NAM TỈNH SƠN LA', 'BAN THƯỜNG TRỰC'], number: '227/KH-MTTQ-BTT', place: 'Sơn La', date: { year: 2022, month: 4, day: 15 } },
    });
    expect(parsed.signature.recipients).toEqual(content.recipients.map(({ label, note }) => (note ? { label, note } : { label })));
    expect(parsed.signature.archive).toBe(content.archive);
    expect(parsed.signature.blocks.find((block) => block.authority === content.signer.authority)?.title).toBe(content.signer.title);
    // Names are not content (the approving leaders' are printed): found, and left to a warning each.
    expect(new Set(parsed.signature.names)).toEqual(new Set([content.issuerId, ...content.coIssuerIds].map((id) => SIGNER_NAMES[id])));
    // Codes are data keys the document does not print: everything printed comes back.
    const printed = (form: typeof content.form) => form && { ...form, indicators: form.indicators.map(({ code: _code, ...rest }) => rest) };
    expect(printed(parsed.form)).toEqual(printed(content.form));
  });
});
