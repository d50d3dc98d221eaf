/**
 * A markup text (plans/inline-markup.ts) as the templates print it: `{~inline}`, the Word runs
 * built here from escaped text (docx/word-runs.ts), one tag per paragraph. Templates made before
 * that tag loop over `runs`, each in one of four variants so that a template holds one Word run per
 * emphasis — `{#runs}{#plain}{text}{/plain}{#italic}…{/italic}{#bold}…{/bold}{#boldItalic}…
 * {/boldItalic}{/runs}` — and still render the same.
 */
import { type InlineRun, parseInline } from '../../core/inline-markup';
import { emphasisRunsXml } from './docx/word-runs';
import { cleanText } from '../../core/vietnamese-text';

export interface RunView {
  text: string;
  plain: boolean;
  italic: boolean;
  bold: boolean;
  boldItalic: boolean;
}

/**
 * A paragraph of markup: as Word runs (`{~inline}`), as a list of runs (`{#runs}`, templates made
 * before `{~inline}`), and as plain text (templates made before emphasis existed).
 */
export interface MarkupView {
  inline: string;
  runs: RunView[];
  text: string;
}

function runViews(parsed: InlineRun[]): RunView[] {
  return parsed.map(({ text, italic = false, bold = false }) => ({
    text,
    plain: !italic && !bold,
    italic: italic && !bold,
    bold: bold && !italic,
    boldItalic: italic && bold,
  }));
}

export function markupView(markup: string): MarkupView {
  const parsed = parseInline(markup);
  const runs = runViews(parsed);
  // Cleaned here, not only by the view's cleanAllText: that would see the XML, where a line break
  // must already be a <w:br/> and a stray control character already gone.
  const inline = emphasisRunsXml(parsed.map(({ text, italic = false, bold = false }) => ({ text: cleanText(text), italic, bold })));
  // plans/inline-markup.ts plainText, without parsing a second time
  return { inline, runs, text: parsed.map((run) => run.text).join('') };
}
