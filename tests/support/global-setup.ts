import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { prepareLibreOffice, releaseLibreOffice } from '../documents/libreoffice';

/** Once per `npm test`, before any spec: the seeded database every spec copies, and LibreOffice's profile. */
export default async function globalSetup(): Promise<void> {
  prepareLibreOffice();
  try {
    const output = execFileSync(process.execPath, [join(__dirname, 'seed-template.js')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    Object.assign(process.env, JSON.parse(output.trim().split('\n').at(-1)!));
  } catch (error) {
    // jest skips the global teardown when the setup fails.
    releaseLibreOffice();
    throw error;
  }
}
