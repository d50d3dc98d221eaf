/**
 * `npm start` builds only what changed since the last build: building the API (nest build, tsc with
 * the Swagger plugin) and the admin UI (vite) takes minutes on a small machine, starting the built app
 * seconds. A part is rebuilt when its output is missing or older than any of its sources.
 */
const { execFileSync } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..', '..');
const shared = ['package-lock.json', 'tsconfig.json'];
const parts = [
  {
    name: 'API',
    output: 'dist/main.js',
    sources: ['backend/src', 'tsconfig.build.json', 'nest-cli.json', ...shared],
    build: ['npx', ['nest', 'build']],
  },
  {
    name: 'admin UI',
    output: 'admin/dist/index.html',
    // The UI imports shared code from backend/src (`@backend/…`).
    sources: ['admin/src', 'admin/index.html', 'admin/vite.config.ts', 'admin/tsconfig.json', 'admin/package.json', 'backend/src', ...shared],
    build: ['npm', ['run', 'build', '-w', 'admin']],
  },
];

/** The newest modification time under a file or folder, in ms. */
function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, entry) => Math.max(max, newest(join(path, entry))), stat.mtimeMs);
}

for (const part of parts) {
  const output = join(root, part.output);
  const builtAt = existsSync(output) ? statSync(output).mtimeMs : -Infinity;
  const changedAt = Math.max(...part.sources.map((source) => join(root, source)).filter(existsSync).map(newest));
  if (changedAt <= builtAt) continue;
  console.log(`${part.name}: ${builtAt === -Infinity ? 'not built yet' : 'sources changed'}, building…`);
  const [command, args] = part.build;
  execFileSync(command, args, { cwd: root, stdio: 'inherit' });
}
