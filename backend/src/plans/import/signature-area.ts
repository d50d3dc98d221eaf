/**
 * What follows the closing (FORMAT.md "Signature and recipients"): signature blocks ("TM. BAN THƯỜNG
 * TRỰC", an optional "KT. CHỦ TỊCH", the title, the name), "Nơi nhận:" with one recipient a line
 * and notes in parentheses, and the archive line. A two-column table arrives cell after cell, so the
 * two columns' lines may interleave: each line is recognised by itself.
 */
import type { Recipient } from '../../core/plan-content';
import { isUpperCaseLine } from './header';

export interface SignatureBlock {
  authority: string | null;
  deputy: string | null;
  title: string | null;
}

export interface SignatureArea {
  blocks: SignatureBlock[];
  recipients: Recipient[];
  archive: string | null;
  /** signers' names as printed: not content (the approving leader's name is printed) */
  names: string[];
  /** lines none of the above: they become paragraphs, with a warning */
  unplaced: string[];
}

export const emptySignatureArea = (): SignatureArea => ({ blocks: [], recipients: [], archive: null, names: [], unplaced: [] });

const RECIPIENTS_HEADING = /^[-–]?\s*Nơi\s+nhận\s*:?$/iu;
const AUTHORITY = /^(TM|KT|Q|TL|TUQ)\.\s*(.+)$/u;
/** "Đã ký", "(đã ký)", "(Ký, ghi rõ họ tên, đóng dấu)": marks of the original's signing. */
const SIGNATURE_MARK = /^\(?\s*(đã\s+ký|ký(?:\s+tên)?(?:[,\s]+(?:ghi rõ họ tên|đóng dấu|và)+)*)\s*\)?\.?$/iu;
const LIST_MARK = /^[-–+•]\s*/u;
const NOTE = /^(.*?)\s*\(([^()]+)\)\s*[;.,]?$/u;
const WRAPPED_NOTE = /^\(([^()]+)\)\s*[;.,]?$/u;
const ARCHIVE = /^Lưu\s*:?\s*(.*?)\s*$/iu;
/** A person's name: two to six capitalised words, nothing else. */
const NAME = /^(\p{Lu}\p{Ll}*)(\s+\p{Lu}\p{Ll}*){1,5}$/u;

/**
 * Reads the area's lines in order. After "Nơi nhận:" every "- …" line is a recipient, even with the
 * signature column's lines read in between; a "(…)" line right under a recipient is its wrapped note.
 */
export function readSignatureArea(lines: readonly string[]): SignatureArea {
  const area = emptySignatureArea();
  let recipientsStarted = false;
  let underRecipient = false;
  for (const text of lines) {
    if (RECIPIENTS_HEADING.test(text)) {
      recipientsStarted = true;
      underRecipient = false;
      continue;
    }
    const wrappedNote = underRecipient && !SIGNATURE_MARK.test(text) ? WRAPPED_NOTE.exec(text) : null;
    const previous = area.recipients[area.recipients.length - 1];
    if (wrappedNote && previous && !previous.note) {
      previous.note = wrappedNote[1].trim();
      underRecipient = false;
    } else if (recipientsStarted && LIST_MARK.test(text)) {
      underRecipient = readListLine(text.replace(LIST_MARK, ''), area);
    } else {
      underRecipient = false;
      readSignerLine(text, area);
    }
  }
  return area;
}

/** A recipient, or the archive line; answers whether it was a recipient. */
function readListLine(line: string, area: SignatureArea): boolean {
  const archive = ARCHIVE.exec(line);
  if (archive) {
    area.archive = archiveLine(archive[1]);
    return false;
  }
  area.recipients.push(recipient(line));
  return true;
}

/** "Lưu VT, BPT." → "Lưu: VT, BPT." (FORMAT.md); "Lưu." stays. */
function archiveLine(units: string): string {
  const named = units.replace(/[.;,]+$/u, '');
  return named ? `Lưu: ${named}.` : 'Lưu.';
}

function recipient(line: string): Recipient {
  const trimmed = line.replace(/\s*[;,]\s*$/u, '');
  const note = NOTE.exec(trimmed);
  return note && note[1] ? { label: note[1], note: note[2].trim() } : { label: trimmed };
}

function readSignerLine(text: string, area: SignatureArea): void {
  if (SIGNATURE_MARK.test(text)) return;
  const authority = AUTHORITY.exec(text);
  const last = area.blocks[area.blocks.length - 1];
  if (authority && isUpperCaseLine(text)) {
    const line = `${authority[1]}. ${authority[2].trim()}`;
    // "KT. CHỦ TỊCH" under "TM. BAN THƯỜNG TRỰC": the deputy line of the same block.
    if (authority[1] === 'KT' && last?.authority?.startsWith('TM.') && !last.deputy && !last.title) last.deputy = line;
    else area.blocks.push({ authority: line, deputy: null, title: null });
  } else if (isUpperCaseLine(text) && text.length <= 80) {
    const untitled = area.blocks.find((block) => !block.title);
    if (untitled) untitled.title = text;
    else area.blocks.push({ authority: null, deputy: null, title: text });
  } else if (NAME.test(text)) {
    area.names.push(text);
  } else {
    area.unplaced.push(text);
  }
}
