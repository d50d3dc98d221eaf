/**
 * LibreOffice for the specs that open rendered documents in a real word processor: soffice
 * converts them to PDF and pdftotext reads the pages back. Without the tools the specs are skipped
 * with the reason printed, except in CI, where they must be installed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { normaliseSpaces } from './support';

export const CONVERSION_TIMEOUT_MS = 180_000;

function installed(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}

const missing = ['soffice', 'pdftotext'].filter((command) => !installed(command));

/** Converts every file to `format` in one LibreOffice run (start-up dominates), in its own profile. */
export function convert(files: string[], format: string, directory: string): void {
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
