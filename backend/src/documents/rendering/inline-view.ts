/**
 * A markup text (plans/inline-markup.ts) as the templates print it: a list of runs, each in one of
 * four variants so that a template holds one Word run per emphasis — `{#runs}{#plain}{text}{/plain}
 * {#italic}…{/italic}{#bold}…{/bold}{#boldItalic}…{/boldItalic}{/runs}` — and never raw XML.
 */
import { parseInline, plainText } from '../../plans/inline-markup';

export interface RunView {
  text: string;
  plain: boolean;
  italic: boolean;
  bold: boolean;
  boldItalic: boolean;
}

/** A paragraph of markup: its runs, and its plain text for templates made before emphasis existed. */
export interface MarkupView {
  runs: RunView[];
  text: string;
}

export function runsOf(markup: string): RunView[] {
  return parseInline(markup).map(({ text, italic = false, bold = false }) => ({
    text,
    plain: !italic && !bold,
    italic: italic && !bold,
    bold: bold && !italic,
    boldItalic: italic && bold,
  }));
}

export function markupView(markup: string): MarkupView {
  return { runs: runsOf(markup), text: plainText(markup) };
}
