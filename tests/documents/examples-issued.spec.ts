/**
 * The three real plans of shared/examples, entered on the demo data and driven through the real
 * workflow to ISSUE as the demo users; the issued DOCX must say what the original says, in order,
 * with the number, the date and the real signers, and open in LibreOffice.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkDocxFormat } from '../../backend/src/documents/rendering';
import { formatLongDate, formatShortDate } from '../../backend/src/core/vietnamese-date';
import { readWordDocument, type WordTable } from '../../backend/src/documents/rendering/docx/word-document';
import { useDemoApp } from '../support/plans';
import { downloadDocument, exampleOnDemoData, issueAsDemoUsers, leaderOf, PLACEHOLDERS } from './api';
import { convert, CONVERSION_TIMEOUT_MS, describeWithLibreOffice, pdfPages } from './libreoffice';
import {
  EXAMPLES,
  expectedParagraphs,
  loadExample,
  missingInOrder,
  normaliseSpaces,
  ORGANISATIONS,
  paragraphTexts,
  SIGNER_NAMES,
  type Example,
} from './support';

interface IssuedExample {
  plan: { id: string; number: string; issuedAt: string; title: string; documentHash: string };
  bytes: Buffer;
}

function tables(docx: Buffer): WordTable[] {
  return readWordDocument(docx).blocks.flatMap((block) => (block.kind === 'table' ? [block.table] : []));
}

/** Each cell's non-empty lines, row by row. */
function cellTexts(table: WordTable): string[][][] {
  return table.rows.map((cells) => cells.map((paragraphs) => paragraphs.map((p) => normaliseSpaces(p.text)).filter(Boolean)));
}

describe('the example plans, issued through the workflow by the demo users', () => {
  const demo = useDemoApp();
  const issued = {} as Record<Example, IssuedExample>;
  /** placeholder ("ORG:LDLD") → the full name of the demo leader who signs for it */
  const realNames: Record<string, string> = {};

  beforeAll(async () => {
    for (const placeholder of PLACEHOLDERS) {
      realNames[placeholder] = (await demo.t.as(leaderOf(placeholder)).get('/api/me').expect(200)).body.user.fullName;
    }
    for (const name of EXAMPLES) {
      const coIssuerLeaders = loadExample(name).coIssuerIds.map(leaderOf);
      const plan = await issueAsDemoUsers(demo.t, exampleOnDemoData(name, demo.orgs), coIssuerLeaders);
      issued[name] = { plan, bytes: (await downloadDocument(demo.t, 'vt.tinh', plan.id)).bytes };
    }
  });

  it.each(EXAMPLES)('%s: passes the format check with its number, date, signature blocks and appendix', (name) => {
    const content = loadExample(name);
    const { plan, bytes } = issued[name];
    expect(plan.number).toMatch(/^\d{2,}\/KH-MTTQ-BTT$/);
    const expectations = {
      draft: false,
      number: plan.number,
      date: formatLongDate(new Date(plan.issuedAt)),
      signatureBlocks: 1 + content.coIssuerIds.length,
      appendix: content.form !== null,
    };
    expect(checkDocxFormat(bytes, expectations)).toEqual([]);
  });

  it.each(EXAMPLES)('%s: holds every paragraph of the example, in order, signed by the real leaders', (name) => {
    // The expected paragraphs name the fixtures' signers; the demo leaders signed here.
    const fixtureSigner = new Map(Object.entries(SIGNER_NAMES).map(([placeholder, fullName]) => [fullName, placeholder]));
    const expected = expectedParagraphs(name).map((line) => {
      const placeholder = fixtureSigner.get(line);
      return placeholder ? realNames[placeholder] : line;
    });
    expect(missingInOrder(paragraphTexts(issued[name].bytes), expected)).toEqual([]);
  });

  it('002: six signature blocks, two per row, each with its authority, title, "Đã ký" and its leader’s name', () => {
    const content = loadExample('002');
    const block = (placeholder: string) => {
      const lead = placeholder === content.issuerId;
      const { signatureAuthority, signerTitle } = ORGANISATIONS[placeholder];
      return [lead ? content.signer.authority : signatureAuthority, lead ? content.signer.title : signerTitle, 'Đã ký', realNames[placeholder]];
    };
    const [first, ...others] = content.coIssuerIds;
    const cells = [first, content.issuerId, ...others].map(block);
    const rows = tables(issued['002'].bytes).map(cellTexts).find((table) => table.flat(2).includes(realNames['ORG:LDLD']))!;
    // Each pair of blocks spans two rows (lines, then "Đã ký" and the name), so that they line up.
    const pairs = [0, 2, 4].map((i) => rows[i].map((lines, column) => [...lines, ...rows[i + 1][column]]));
    expect(pairs).toEqual([cells.slice(0, 2), cells.slice(2, 4), cells.slice(4, 6)]);
  });

  it('000: the recipients beside the signature, and the reporting form citing the number and date', () => {
    const content = loadExample('000');
    const { plan, bytes } = issued['000'];
    const [recipientsAndSignature] = tables(bytes).map(cellTexts).filter((rows) => rows.flat(2).includes('Nơi nhận:'));
    const [[recipients, signature]] = recipientsAndSignature;
    expect(recipients).toEqual([
      'Nơi nhận:',
      ...content.recipients.map(({ label, note }) => `- ${label}${note ? ` (${note})` : ''};`),
      `- ${content.archive}`,
    ]);
    expect(signature).toEqual(['TM. BAN THƯỜNG TRỰC', 'PHÓ CHỦ TỊCH', 'Đã ký', realNames['ORG:MTTQ']]);

    const issuedOn = formatShortDate(new Date(plan.issuedAt));
    expect(paragraphTexts(bytes)).toContain(
      `(Kèm theo Kế hoạch số ${plan.number} ngày ${issuedOn} của Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Sơn La)`,
    );
    // Indicator rows under their section and group rows, numbered within them.
    const form = cellTexts(tables(bytes).at(-1)!).map((cells) => cells.map((lines) => lines.join(' ')));
    expect(form.slice(1).map(([, label]) => label)).toEqual(
      content.form!.indicators.flatMap((i) => [i.section, i.group, i.label].filter((text): text is string => Boolean(text)).map(normaliseSpaces)),
    );
    expect(form.slice(1, 3).map(([number]) => number)).toEqual(['I', '1']);
  });

  describeWithLibreOffice('converted to PDF by LibreOffice', () => {
    const directory = mkdtempSync(join(tmpdir(), 'kehoach-issued-'));
    const pages = {} as Record<Example, string>;

    beforeAll(() => {
      const files = EXAMPLES.map((name) => {
        const file = join(directory, `${name}.docx`);
        writeFileSync(file, issued[name].bytes);
        return file;
      });
      convert(files, 'pdf', directory);
      for (const name of EXAMPLES) pages[name] = pdfPages(join(directory, `${name}.pdf`)).join(' ');
    }, CONVERSION_TIMEOUT_MS);

    afterAll(() => rmSync(directory, { recursive: true, force: true }));

    it.each(EXAMPLES)('%s: pdftotext finds the title and the number', (name) => {
      const { plan } = issued[name];
      expect(pages[name]).toContain(normaliseSpaces(plan.title));
      expect(pages[name]).toContain(`Số: ${plan.number}`);
    });
  });
});
