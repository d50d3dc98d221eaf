/**
 * Text with its inline emphasis as WordprocessingML runs, for the `{~inline}` tag
 * (docx/inline-runs-module.ts): one run per emphasis change, formatted exactly as the shipped
 * templates' run variants were (no properties, italic, bold, bold italic), "\n" as a line break
 * as docxtemplater's `linebreaks` option writes it. The only place user text becomes raw XML, so
 * every character goes through escapeXmlText.
 */

export interface EmphasisRun {
  text: string;
  italic: boolean;
  bold: boolean;
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text as XML character data (and attribute values): the five characters docxtemplater escapes. */
export function escapeXmlText(text: string): string {
  return text.replace(/[&<>"']/g, (char) => XML_ESCAPES[char]);
}

/** The run properties of the templates' emphasis variants (build-templates.js EMPHASIS_RUNS). */
function runProperties({ italic, bold }: EmphasisRun): string {
  const properties = (bold ? '<w:b/><w:bCs/>' : '') + (italic ? '<w:i/><w:iCs/>' : '');
  return properties ? `<w:rPr>${properties}</w:rPr>` : '';
}

const LINE_BREAK_RUN = '<w:r><w:br/></w:r>';

/** The runs, in order; empty texts give no run. `text` must already be clean (vietnamese-text.ts cleanText). */
export function emphasisRunsXml(runs: readonly EmphasisRun[]): string {
  let xml = '';
  for (const run of runs) {
    const properties = runProperties(run);
    run.text.split('\n').forEach((line, i) => {
      if (i > 0) xml += LINE_BREAK_RUN;
      if (line) xml += `<w:r>${properties}<w:t xml:space="preserve">${escapeXmlText(line)}</w:t></w:r>`;
    });
  }
  return xml;
}
