/**
 * LibreOffice for the specs that open rendered documents in a real word processor: soffice
 * converts them to PDF and pdftotext reads the pages back. Without the tools the specs are skipped
 * with the reason printed, except in CI, where they must be installed.
 *
 * LibreOffice's first start in a new profile is most of a conversion's time, and on a busy machine
 * long enough to time a spec out: jest's global setup makes one profile (`prepareLibreOffice`), and
 * each conversion starts from a copy of it. A copy, not the profile itself: a second soffice on a
 * profile in use hands its files to the running one, which then quits.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { normaliseSpaces } from './support';

export const CONVERSION_TIMEOUT_MS = 180_000;

function installed(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}

const missing = ['soffice', 'pdftotext'].filter((command) => !installed(command));

const PROFILE = 'KEHOACH_TEST_LIBREOFFICE_PROFILE';

/** Starts LibreOffice once in a new profile (converting a line of text), kept for `convert` to copy. */
export function prepareLibreOffice(): void {
  if (missing.length) return;
  const directory = mkdtempSync(join(tmpdir(), 'kehoach-lo-profile-'));
  const file = join(directory, 'warm-up.txt');
  writeFileSync(file, 'Kế hoạch');
  convert([file], 'pdf', directory);
  process.env[PROFILE] = join(directory, 'profile');
}

export function releaseLibreOffice(): void {
  const profile = process.env[PROFILE];
  if (profile) rmSync(join(profile, '..'), { recursive: true, force: true });
}

/** Converts every file to `format` in one LibreOffice run (start-up dominates), in its own profile. */
export function convert(files: string[], format: string, directory: string): void {
  const prepared = process.env[PROFILE];
  if (prepared) cpSync(prepared, join(directory, 'profile'), { recursive: true });
  execFileSync(
    'soffice',
    [`-env:UserInstallation=file://${join(directory, 'profile')}`, '--headless', '--convert-to', format, '--outdir', directory, ...files],
    { timeout: CONVERSION_TIMEOUT_MS, stdio: 'pipe' },
  );
}

/** The PDF's pages as text, whitespace normalised. */
export function pdfPages(pdf: string): string[] {
  return execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).split('\f').map(normaliseSpaces);
}

/** One page's text (pdftotext -f/-l), whitespace normalised. */
export function pdfPage(pdf: string, page: number): string {
  return normaliseSpaces(execFileSync('pdftotext', ['-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' }));
}

/**
 * Text compared without whitespace or hyphens: pdftotext splits justified Vietnamese words at
 * random ("t ỉnh") and joins a word hyphenated at a line end ("HND-" + "ĐTNCSHCM" → "HNDĐTNCSHCM").
 */
export const withoutSpaces = (text: string) => text.normalize('NFC').replace(/[\s-]+/g, '');

/**
 * The expected paragraphs that the pages' text does not hold in order (empty: all found in order),
 * read past the page number at the top of every page but the first. pdftotext reads the two cells
 * of a table row line by line side by side ("TM. … HND TỈNH TM. … HLHPN TỈNH CHỦ TỊCH CHỦ TỊCH"), so
 * a paragraph may also start before the previous one, after the one before that.
 */
export function missingInPdfOrder(pages: string[], expected: string[]): string[] {
  const text = withoutSpaces(pages.map((page, i) => (i === 0 ? page : page.replace(new RegExp(`^${i + 1} `), ''))).join(''));
  const starts = [0, 0];
  return expected.filter((paragraph) => {
    const found = text.indexOf(withoutSpaces(paragraph), starts[0]);
    if (found >= 0) starts.splice(0, 2, starts[1], Math.max(found, starts[1]));
    return found < 0;
  });
}

/** `describe(name, body)` where LibreOffice is installed; the skip rule above elsewhere. */
export function describeWithLibreOffice(name: string, body: () => void): void {
  if (missing.length && process.env.CI) {
    describe(name, () => {
      it('needs LibreOffice (required in CI)', () => {
        throw new Error(`${missing.join(', ')} not found: install libreoffice-writer-nogui and poppler-utils`);
      });
    });
  } else if (missing.length) {
    console.warn(`${name}: skipped, ${missing.join(', ')} not installed (apt-get install libreoffice-writer-nogui poppler-utils)`);
    describe.skip(name, () => it('opens rendered documents', () => undefined));
  } else {
    describe(name, body);
  }
}
