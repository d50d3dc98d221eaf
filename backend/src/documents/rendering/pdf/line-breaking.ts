/**
 * Breaks a paragraph's runs into lines as LibreOffice does for these documents: greedy, at spaces,
 * after a hyphen between letters ("HND-ĐTNCSHCM"), and at forced line breaks ("\n"); a word wider
 * than the line is cut where it overflows. Widths come from the Tinos metrics, so a line breaks
 * where Times New Roman would break it.
 */
import { lineHeight } from './styles';
import type { TinosFonts, TinosStyle } from '../../../typesetting/tinos';

/** A piece of text in one face; `blank` reserves room (a form field) instead of text. */
export interface TextRun {
  text: string;
  style: TinosStyle;
  blank?: { name: string; width: number };
}

export interface Line {
  /** the line's runs, trailing spaces left out */
  runs: TextRun[];
  /** natural width of `runs` */
  width: number;
  /** spaces inside the line: justification widens them */
  spaces: number;
  /** the paragraph's last line or one ended by "\n": never justified */
  ends: boolean;
}

interface Atom {
  runs: TextRun[];
  width: number;
  /** spaces after the atom: dropped at a line's end */
  trailing: TextRun[];
  trailingWidth: number;
  forcedBreak: boolean;
}

const EPSILON = 0.01;

/**
 * LibreOffice keeps room for the slant of italic text at the end of a line: a twelfth of the
 * font's height (sw/source/core/text/guess.cxx, "italic correction").
 */
function italicReserve(atom: Atom, size: number): number {
  const last = atom.runs[atom.runs.length - 1];
  if (!last || last.blank || (last.style !== 'italic' && last.style !== 'boldItalic')) return 0;
  return Math.floor((lineHeight(size, 1) * 20) / 12) / 20;
}
/** Spaces (tabs count as one), forced line breaks, and the text between them. */
const TOKENS = /(\n|[ \t]+)/;
/** After a hyphen or dash between two letters: "HND-|ĐTNCSHCM" (not "10-CT", not "- x"). */
const HYPHEN_BREAK = /(?<=\p{L}[-\u2010\u2013\u2014])(?=\p{L})/u;

function appendRun(runs: TextRun[], text: string, style: TinosStyle): void {
  const last = runs[runs.length - 1];
  if (last && last.style === style && !last.blank) last.text += text;
  else runs.push({ text, style });
}

/** The paragraph's unbreakable pieces, each with the spaces that follow it. */
function atomsOf(runs: TextRun[], fonts: TinosFonts, size: number): Atom[] {
  const atoms: Atom[] = [];
  let atom: Atom = newAtom();
  const close = (forcedBreak = false) => {
    atom.forcedBreak = forcedBreak;
    atoms.push(atom);
    atom = newAtom();
  };
  const addText = (text: string, style: TinosStyle) => {
    if (atom.trailing.length) close();
    appendRun(atom.runs, text, style);
    atom.width += fonts.widthOf(text, style, size);
  };
  for (const run of runs) {
    if (run.blank) {
      if (atom.trailing.length) close();
      atom.runs.push(run);
      atom.width += run.blank.width;
      continue;
    }
    for (const token of run.text.split(TOKENS)) {
      if (token === '\n') {
        close(true);
      } else if (token[0] === ' ' || token[0] === '\t') {
        const spaces = ' '.repeat(token.length);
        appendRun(atom.trailing, spaces, run.style);
        atom.trailingWidth += fonts.widthOf(spaces, run.style, size);
      } else if (token) {
        token.split(HYPHEN_BREAK).forEach((piece, i) => {
          if (i > 0) close();
          addText(piece, run.style);
        });
      }
    }
  }
  if (atom.runs.length || atom.trailing.length || atoms.length === 0) close();
  return atoms;
}

function newAtom(): Atom {
  return { runs: [], width: 0, trailing: [], trailingWidth: 0, forcedBreak: false };
}

function countSpaces(runs: TextRun[]): number {
  return runs.reduce((count, run) => count + (run.blank ? 0 : run.text.split(' ').length - 1), 0);
}

function lineOf(atoms: Atom[], ends: boolean): Line {
  const runs: TextRun[] = [];
  let width = 0;
  atoms.forEach((atom, i) => {
    for (const run of atom.runs) {
      if (run.blank) runs.push(run);
      else appendRun(runs, run.text, run.style);
    }
    width += atom.width;
    if (i < atoms.length - 1) {
      for (const run of atom.trailing) appendRun(runs, run.text, run.style);
      width += atom.trailingWidth;
    }
  });
  return { runs, width, spaces: countSpaces(runs), ends };
}

/** Cuts an atom wider than a whole line into pieces that fit, character by character. */
function splitWideAtom(atom: Atom, available: number, fonts: TinosFonts, size: number): Atom[] {
  const pieces: Atom[] = [];
  let piece = newAtom();
  for (const run of atom.runs) {
    if (run.blank) {
      piece.runs.push(run);
      piece.width += run.blank.width;
      continue;
    }
    for (const char of run.text) {
      const width = fonts.widthOf(char, run.style, size);
      if (piece.width + width > available + EPSILON && piece.runs.length) {
        pieces.push(piece);
        piece = newAtom();
      }
      appendRun(piece.runs, char, run.style);
      piece.width += width;
    }
  }
  Object.assign(piece, { trailing: atom.trailing, trailingWidth: atom.trailingWidth, forcedBreak: atom.forcedBreak });
  pieces.push(piece);
  return pieces;
}

/**
 * The lines of a paragraph; `widthOf(i)` is the room on line i (the first line may be indented).
 */
export function breakLines(runs: TextRun[], fonts: TinosFonts, size: number, widthOf: (line: number) => number): Line[] {
  const lines: Line[] = [];
  let current: Atom[] = [];
  let used = 0;
  const pending = atomsOf(runs, fonts, size);
  for (let i = 0; i < pending.length; i++) {
    const atom = pending[i];
    const available = widthOf(lines.length);
    if (current.length && used + atom.width + italicReserve(atom, size) > available + EPSILON) {
      lines.push(lineOf(current, false));
      current = [];
      used = 0;
    }
    if (!current.length && atom.width > available + EPSILON) {
      const [first, ...rest] = splitWideAtom(atom, available, fonts, size);
      pending.splice(i + 1, 0, ...rest);
      current.push(first);
      if (rest.length) {
        lines.push(lineOf(current, false));
        current = [];
        used = 0;
      }
      continue;
    }
    current.push(atom);
    used += atom.width + atom.trailingWidth;
    if (atom.forcedBreak) {
      lines.push(lineOf(current, true));
      current = [];
      used = 0;
    }
  }
  if (current.length || !lines.length) lines.push(lineOf(current, true));
  else lines[lines.length - 1].ends = true;
  return lines;
}
