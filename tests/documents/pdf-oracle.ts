/**
 * LibreOffice as the oracle of the PDF renderer: it converts the plan's DOCX to PDF with Times New
 * Roman set in Tinos, the same metrics the renderer uses, and poppler reads both back.
 *
 * The oracle needs a full Tinos (Debian's fonts-croscore): the system's Liberation Serif 1.07 has no
 * Vietnamese letters, so LibreOffice would set "ệ", "ữ"… in DejaVu Serif, whose widths break lines
 * elsewhere than Times New Roman in Word. Fontsource's Tinos (what the renderer embeds) is split by
 * script into several fonts, which LibreOffice cannot combine. A private fontconfig file gives
 * LibreOffice that Tinos for "Times New Roman" without changing the machine's font setup.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONVERSION_TIMEOUT_MS, describeWithLibreOffice, withoutSpaces } from './libreoffice';

const TINOS_DIRECTORIES = [process.env.KEHOACH_TINOS_FONTS, '/usr/share/fonts/truetype/croscore'];
const tinosDirectory = TINOS_DIRECTORIES.find((dir): dir is string => Boolean(dir) && existsSync(join(dir!, 'Tinos-Regular.ttf')));

/** `describe` where LibreOffice and a full Tinos are installed; required in CI, skipped elsewhere. */
export function describeWithTinosOracle(name: string, body: () => void): void {
  if (tinosDirectory) {
    describeWithLibreOffice(name, body);
  } else if (process.env.CI) {
    describe(name, () => {
      it('needs Tinos (required in CI)', () => {
        throw new Error('Tinos-Regular.ttf not found: install fonts-croscore (or set KEHOACH_TINOS_FONTS to a folder holding it)');
      });
    });
  } else {
    console.warn(`${name}: skipped, Tinos not installed (apt-get install fonts-croscore, or KEHOACH_TINOS_FONTS=<folder>)`);
    describe.skip(name, () => it('compares with LibreOffice', () => undefined));
  }
}

/** A fontconfig file: the system's fonts, plus Tinos, preferred for "Times New Roman". */
function tinosFontConfig(directory: string): string {
  const file = join(directory, 'fonts.conf');
  writeFileSync(
    file,
    `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>
<include ignore_missing="yes">/etc/fonts/fonts.conf</include>
<dir>${tinosDirectory}</dir><cachedir>${join(directory, 'fontconfig-cache')}</cachedir>
<match target="pattern"><test qual="any" name="family"><string>Times New Roman</string></test>
<edit name="family" mode="prepend" binding="strong"><string>Tinos</string></edit></match>
</fontconfig>`,
  );
  return file;
}

/**
 * Converts the files to PDF in one LibreOffice run with Times New Roman set in Tinos. As
 * libreoffice.ts `convert`, from a copy of the profile jest's global setup prepared; with its
 * own fontconfig file in the environment, which `convert` does not take.
 */
export function convertWithTinos(files: string[], directory: string): void {
  const prepared = process.env.KEHOACH_TEST_LIBREOFFICE_PROFILE;
  const profile = join(directory, 'profile');
  if (prepared) cpSync(prepared, profile, { recursive: true });
  mkdirSync(join(directory, 'fontconfig-cache'), { recursive: true });
  execFileSync(
    'soffice',
    [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', directory, ...files],
    { timeout: CONVERSION_TIMEOUT_MS, stdio: 'pipe', env: { ...process.env, FONTCONFIG_FILE: tinosFontConfig(directory) } },
  );
}

/**
 * Each page's non-empty lines, compared without whitespace and hyphens (libreoffice.ts
 * withoutSpaces): pdftotext splits LibreOffice's justified words at random ("t ỉnh"), but a line
 * holds the same letters in both PDFs only if both broke the paragraph at the same word.
 */
export function pageLines(pdf: string): string[][] {
  const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
  return text
    .split('\f')
    .map((page) => page.split('\n').map(withoutSpaces).filter(Boolean))
    .filter((lines, i, pages) => lines.length > 0 || i < pages.length - 1);
}

export interface WordBox {
  text: string;
  page: number;
  /** from the page's top, as poppler gives them */
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word of the PDF with its box (pdftotext -bbox), pages 0-based. */
export function wordBoxes(pdf: string): WordBox[] {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
  return html.split('<page ').slice(1).flatMap((page, index) =>
    [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
      text: m[5].normalize('NFC'),
      page: index,
      xMin: Number(m[1]),
      yMin: Number(m[2]),
      xMax: Number(m[3]),
      yMax: Number(m[4]),
    })),
  );
}
