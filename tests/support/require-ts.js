'use strict';
/**
 * Lets plain-JS test processes (the template seeder, the browser tests) require the TypeScript sources
 * and test helpers, compiled with the specs' own swc options.
 */
const { readFileSync } = require('node:fs');
const { transformSync } = require('@swc/core');

const swcOptions = require('../jest.config.js').transform['^.+\\.ts$'][1];
require.extensions['.ts'] = (module, filename) => {
  module._compile(transformSync(readFileSync(filename, 'utf8'), { ...swcOptions, filename }).code, filename);
};
