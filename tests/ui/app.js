'use strict';
/** Starts the built app (`node dist/main.js`) on a free port with its own embedded database. */
const { spawn } = require('node:child_process');
const net = require('node:net');
const path = require('node:path');

const START_TIMEOUT_MS = 90_000;
/** How much of the app's output a failure to start shows: its end, where the error is. */
const OUTPUT_TAIL = 4_000;

const tail = (output) => output.join('').slice(-OUTPUT_TAIL);

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(baseUrl, child, output) {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app exited with code ${child.exitCode}:\n${tail(output)}`);
    const healthy = await fetch(`${baseUrl}/api/health`).then((r) => r.ok, () => false);
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`the app did not answer /api/health within ${START_TIMEOUT_MS / 1000} s:\n${tail(output)}`);
}

/** `env`: settings a test adds, e.g. the roots its certificates chain to; `port`: to come back where the browser is. */
async function startApp({ root, dataDir, env = {}, port: wanted }) {
  const port = wanted ?? (await freePort());
  const output = [];
  const child = spawn(process.execPath, [path.join(root, 'dist/main.js')], {
    cwd: root,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk) => output.push(String(chunk)));
  child.stderr.on('data', (chunk) => output.push(String(chunk)));
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', resolve);
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
    });
  try {
    await waitForHealth(baseUrl, child, output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, port, stop };
}

/**
 * Days passing, for the reports that fall due and overdue: the app has no clock to move, so — as the
 * API specs do — the due dates of a plan's reporting rounds move back instead. The app is stopped, its
 * embedded database changed directly, and the app started again on the same port (same origin: the
 * browser's session stays). Answers the restarted app.
 */
async function daysPass(app, options, planId, days) {
  await app.stop();
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { unaccent } = await import('@electric-sql/pglite/contrib/unaccent');
  const db = await PGlite.create(`${options.dataDir}/pglite`, { extensions: { pg_trgm, unaccent } });
  try {
    await db.query('update reporting_round set due_date = due_date - $1::int where plan_id = $2', [days, planId]);
  } finally {
    await db.close();
  }
  return startApp({ ...options, port: app.port });
}

module.exports = { daysPass, startApp };
