/**
 * The rendering worker's entry when the app runs from its TypeScript sources (jest, which compiles
 * them in its own module system, not in worker threads): compiles each .ts file with swc as it is
 * required, then loads render-worker.ts. The built app runs dist/documents/render-worker.js instead
 * (render-pool.ts chooses); this file is not compiled into dist/.
 */
const { readFileSync } = require('node:fs');
const { transformSync } = require('@swc/core');

const SWC_OPTIONS = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), { ...SWC_OPTIONS, filename });
  module._compile(code, filename);
};

module.exports = require('./render-worker.ts');
