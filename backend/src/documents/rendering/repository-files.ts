import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Finds a file of the repository (templates/…) from compiled or source code
 * alike: walks up from `startDirectory` until `relativePath` exists. Works from backend/src
 * (ts-node, jest) and from dist/ (the built app) without configuration.
 */
export function findInAncestors(relativePath: string, startDirectory: string = __dirname): string {
  for (let directory = startDirectory; ; directory = dirname(directory)) {
    const candidate = join(directory, relativePath);
    if (existsSync(candidate)) return candidate;
    if (dirname(directory) === directory) {
      throw new Error(`Không tìm thấy "${relativePath}" trong thư mục ${startDirectory} hay các thư mục cha.`);
    }
  }
}
