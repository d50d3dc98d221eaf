/**
 * Seeds the template database for jest's global setup, in a process of its own: the app's MikroORM
 * keeps its metadata in process-wide storage, and left in jest's main process it breaks the app of a
 * spec that jest runs in that same process (a single spec file runs in band). Compiles the TypeScript
 * sources with the specs' own swc options; prints the template's environment as JSON on its last line.
 */
require('./require-ts');

require('reflect-metadata');
const { createApp } = require('../../backend/src/app.factory.ts');
const { createSeededTemplate } = require('./seeded-database.ts');
const { testConfig } = require('./test-app.ts');

/** Starting the app migrates and seeds; closing it ends every connection, as a template needs. */
async function seed(location) {
  const app = await createApp(testConfig(location));
  await app.init();
  await app.close();
}

createSeededTemplate(seed).then(
  (environment) => {
    process.stdout.write(`\n${JSON.stringify(environment)}\n`);
    process.exit(0);
  },
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
