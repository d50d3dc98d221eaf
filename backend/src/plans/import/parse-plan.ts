/**
 * A plan read from its source items, part by part in the order a plan is written (FORMAT.md):
 * header → "KẾ HOẠCH [PHỐI HỢP]" → title → preamble → body (I./1./1.1./-/+) → closing ("Trên đây
 * là …") → signatures and "Nơi nhận:" → appendix (the reporting form). A line that fits nowhere
 * becomes a body paragraph with a warning: no text of the source is lost.
 */
import type { BodyBlock, PreambleKind, ReportingDeadline, ReportingForm } from '../../core/plan-content';
import { parseInline } from '../../core/inline-markup';
import { inlineText, numberedLine, preambleKind, toBodyBlock, typedBodyLine, type BodyLine } from '../../core/text-blocks/blocks';
import { classifyLine, isRuleLine, normaliseRuns, numberedLevel, runsText, type Run } from '../../core/text-blocks/classify';
import { findDeadlines } from './deadlines';
import { emptyHeader, isUpperCaseLine, readHeaderLine, type HeaderFacts } from './header';
import { readReportingForm } from './reporting-form';
import { emptySignatureArea, readSignatureArea, type SignatureArea } from './signature-area';
import type { SourceItem, SourceLine } from './source';
import { importWarnings as say } from './warnings';

export interface ParsedPlan {
  /** "KẾ HOẠCH" or "KẾ HOẠCH PHỐI HỢP" as typed; null when the source has no such line */
  heading: string | null;
  joint: boolean;
  title: string;
  preamble: string[];
  preambleKinds: PreambleKind[];
  body: BodyBlock[];
  closing: string[];
  signature: SignatureArea;
  reporting: ReportingDeadline[];
  form: ReportingForm | null;
  header: HeaderFacts;
  warnings: string[];
}

const PLAN_HEADING = /^KẾ\s*HOẠCH(\s+PHỐI\s+HỢP)?$/iu;
const CLOSING_START = /^Trên\s+đây\s+là(?![\p{L}\p{N}])/iu;
const SIGNATURE_START = /^([-–]?\s*Nơi\s+nhận\s*:?|(TM|KT|Q|TL|TUQ)\.\s*\p{Lu}.*)$/u;
const APPENDIX_START = /^(BIỂU|PHỤ\s+LỤC|MẪU\s+BIỂU)(?![\p{L}\p{N}])/u;

/** The parts of a plan in the order they are written; reading only ever moves forward. */
const PARTS = ['header', 'title', 'preamble', 'body', 'closing', 'signature', 'appendix'] as const;
type Part = (typeof PARTS)[number];
const before = (part: Part, later: Part) => PARTS.indexOf(part) < PARTS.indexOf(later);

const isBodyStart = (line: SourceLine) => Boolean(line.list?.ordered) || numberedLevel(classifyLine(runsText(line.runs)).marker) !== null;
const isSignatureStart = (text: string) => SIGNATURE_START.test(text) && (/Nơi\s+nhận/iu.test(text) || isUpperCaseLine(text));
const isAppendixStart = (text: string) => APPENDIX_START.test(text) && isUpperCaseLine(text);

/** The part `line` begins, if it begins one after `part`. The header ends only at "KẾ HOẠCH". */
function nextPart(part: Part, line: SourceLine): Part | null {
  if (part === 'header') return null;
  const text = runsText(line.runs);
  if (before(part, 'appendix') && isAppendixStart(text)) return 'appendix';
  if (before(part, 'signature') && isSignatureStart(text)) return 'signature';
  if (before(part, 'closing') && CLOSING_START.test(text)) return 'closing';
  if (part === 'preamble' && isBodyStart(line)) return 'body';
  return null;
}

/** A row of a layout table (header, signatures) is read column by column where layout matters. */
function layoutLines(item: SourceItem): SourceLine[] {
  if (!item.columns || item.lines.length !== 1) return item.lines;
  return item.columns.filter(Boolean).map((cell) => ({ runs: normaliseRuns(parseInline(cell)) }));
}

/** Index of the "KẾ HOẠCH" line, when it comes before the body. */
function headingIndex(items: readonly SourceItem[]): number {
  for (const [index, item] of items.entries()) {
    const [first] = item.lines;
    if (PLAN_HEADING.test(runsText(first.runs))) return index;
    if (item.lines.some(isBodyStart)) return -1;
  }
  return -1;
}

/** Word's list numbering: an ordered list counts from the level typed above it ("I." typed, list items → 1.). */
class BodyReader {
  readonly lines: BodyLine[] = [];
  private typedLevel = 0;
  private listBase: number | null = null;

  constructor(private readonly warnings: string[]) {}

  add(line: SourceLine): void {
    if (!line.list) {
      this.listBase = null;
      const typed = typedBodyLine(line.runs);
      if (typed.role === 'numbered') this.typedLevel = typed.level;
      this.lines.push(typed);
      return;
    }
    this.listBase ??= this.typedLevel;
    const { ordered, depth, underBullet } = line.list;
    if (!ordered) {
      this.lines.push({ role: underBullet ? 'subbullet' : 'bullet', runs: line.runs });
      return;
    }
    const level = this.listBase + depth;
    if (level <= 3) {
      this.lines.push(numberedLine(level as 1 | 2 | 3, line.runs));
      return;
    }
    this.warnings.push(say.listTooDeep(runsText(line.runs)));
    this.lines.push({ role: 'paragraph', runs: line.runs });
  }
}

class PlanParser {
  part: Part;
  heading: string | null = null;
  readonly header = emptyHeader();
  readonly title: string[] = [];
  readonly preamble: Run[][] = [];
  readonly closing: Run[][] = [];
  readonly signatureLines: string[] = [];
  readonly appendix: SourceItem[] = [];
  /** lines that fit nowhere, before and after the body */
  readonly strayBefore: Run[][] = [];
  readonly warnings: string[] = [];
  readonly body = new BodyReader(this.warnings);

  constructor(private readonly headingAt: number) {
    this.part = headingAt >= 0 ? 'header' : 'preamble';
  }

  item(item: SourceItem, index: number): void {
    if (index === this.headingAt) {
      this.heading = runsText(item.lines[0].runs).toLocaleUpperCase('vi').replace(/\s+/gu, ' ');
      this.part = 'title';
      return;
    }
    if (this.part === 'appendix') {
      this.appendix.push(item);
      return;
    }
    // A two-column row ("Nơi nhận:      TM. BAN THƯỜNG TRỰC") starts a part by its first column.
    const entering = nextPart(this.part, layoutLines(item)[0]) ?? this.part;
    const lines = entering === 'header' || entering === 'signature' ? layoutLines(item) : item.lines;
    for (const [position, line] of lines.entries()) {
      this.part = nextPart(this.part, line) ?? this.part;
      if (this.part === 'appendix') {
        this.appendix.push(position === 0 ? item : { lines: lines.slice(position) });
        return;
      }
      this.line(line);
    }
  }

  private line(line: SourceLine): void {
    const text = runsText(line.runs);
    switch (this.part) {
      case 'header':
        if (!readHeaderLine(text, this.header)) this.strayBefore.push(line.runs);
        return;
      case 'title':
        if (this.titleGoesOn(text)) this.title.push(text);
        else if (!isRuleLine(text)) this.startPreamble(line);
        return;
      case 'preamble':
        if (!isRuleLine(text)) this.preamble.push(line.runs);
        return;
      case 'body':
        this.body.add(line);
        return;
      case 'closing':
        this.closing.push(line.runs);
        return;
      default:
        this.signatureLines.push(text);
    }
  }

  /** The title's first line, and lines that carry on its sentence ("đô thị văn minh” gắn với …"). */
  private titleGoesOn(text: string): boolean {
    if (isRuleLine(text)) return false;
    return !this.title.length || (/^[\p{Ll}“"(]/u.test(text) && !classifyLine(text).marker);
  }

  /** The first line after the title: a preamble line, or already the body ("I. …"). */
  private startPreamble(line: SourceLine): void {
    this.part = nextPart('preamble', line) ?? 'preamble';
    this.line(line);
  }
}

export interface ParseOptions {
  /** for a deadline without a year when neither header nor title names the plan's year */
  currentYear: number;
}

export function parsePlan(items: readonly SourceItem[], { currentYear }: ParseOptions): ParsedPlan {
  const parser = new PlanParser(headingIndex(items));
  items.forEach((item, index) => parser.item(item, index));
  const { warnings } = parser;

  const title = parser.title.join(' ').replace(/\s+(?=[”’])/gu, '').replace(/(?<=[“‘])\s+/gu, '');
  if (!title) warnings.push(say.noTitle);
  const { preamble, bodyLines } = splitWhenUnnumbered(parser);
  const formRead = parser.appendix.length ? readReportingForm(parser.appendix) : { form: null, unplaced: [], guessed: 0 };
  const signature = parser.signatureLines.length ? readSignatureArea(parser.signatureLines) : emptySignatureArea();

  const body = [
    ...parser.strayBefore.map((runs) => stray(runs, warnings, say.strayBeforeBody)),
    ...bodyLines.map(toBodyBlock),
    ...signature.unplaced.map((text) => stray([{ text }], warnings, say.strayInSignature)),
    ...formRead.unplaced.map((runs) => stray(runs, warnings, say.strayInAppendix)),
  ];
  const closing = parser.closing.map(inlineText);
  const planYear = parser.header.year ?? yearIn(title) ?? currentYear;
  const deadlines = findDeadlines([...closing, ...body.map((block) => block.text)], planYear);

  if (parser.header.number || parser.header.date) warnings.push(say.citation(parser.header));
  signature.names.forEach((name) => warnings.push(say.signerName(name)));
  deadlines.invalid.forEach((typed) => warnings.push(say.invalidDeadline(typed)));
  if (formRead.guessed) warnings.push(say.guessedUnits(formRead.guessed));

  return {
    heading: parser.heading,
    joint: /PHỐI\s+HỢP/u.test(parser.heading ?? '') || signature.blocks.filter((block) => block.authority).length > 1,
    title,
    preamble: preamble.map(inlineText),
    preambleKinds: preamble.map((runs) => preambleKind(runsText(runs))),
    body,
    closing,
    signature,
    reporting: deadlines.deadlines,
    form: formRead.form,
    header: parser.header,
    // Six signature blocks with one name each are one thing to check.
    warnings: [...new Set(warnings)],
  };
}

/**
 * A source without any numbered item has no line where the body visibly starts: the preamble keeps
 * its leading "Căn cứ / Thực hiện" lines (and the statement closing them with ":"), the rest is body.
 */
function splitWhenUnnumbered(parser: PlanParser): { preamble: Run[][]; bodyLines: BodyLine[] } {
  if (parser.body.lines.length) return { preamble: parser.preamble, bodyLines: parser.body.lines };
  let kept = 0;
  while (kept < parser.preamble.length && preambleKind(runsText(parser.preamble[kept])) === 'basis') kept++;
  if (kept < parser.preamble.length && kept > 0 && runsText(parser.preamble[kept]).endsWith(':')) kept++;
  return { preamble: parser.preamble.slice(0, kept), bodyLines: parser.preamble.slice(kept).map(typedBodyLine) };
}

function stray(runs: Run[], warnings: string[], where: (excerpt: string) => string): BodyBlock {
  warnings.push(where(runsText(runs)));
  return { type: 'paragraph', text: inlineText(runs) };
}

const yearIn = (title: string): number | null => {
  const match = /năm\s+(\d{4})\b/u.exec(title);
  return match ? Number(match[1]) : null;
};
