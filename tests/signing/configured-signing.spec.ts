/**
 * The deployment's signing settings as an operator writes them: SIGNING_TRUSTED_ROOTS (a PEM bundle
 * file) and SIGNING_TSA_URL, read by the app's own configuration loader; then the whole road — a key
 * from that CA uploaded, the leader's and the organisation's signatures time-stamped (PAdES B-T).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfigFromEnv, ConfigError } from '../../backend/src/config/app-config';
import { createDemoCa, issueDemoCertificate } from '../../backend/src/signing';
import { planContent, send } from '../support/plans';
import { startTestApp, type TestApp } from '../support/test-app';
import { binary, pdfsig, startTestTsa, workDir, type TestTsa } from './support';

const dir = workDir();
const ca = createDemoCa();
const masterKey = Buffer.alloc(32, 0x5a).toString('base64');
/** Only the signing settings are read from here: a real-server environment, so nothing is generated into a data folder. */
const signingEnv = (extra: Record<string, string>) => loadConfigFromEnv({ DATABASE_URL: 'postgres://unused', JWT_SECRET: 'x'.repeat(40), SIGNING_MASTER_KEY: masterKey, ...extra }).signing;

describe('SIGNING_TRUSTED_ROOTS and SIGNING_TSA_URL from the environment', () => {
  let tsa: TestTsa;
  let t: TestApp;
  beforeAll(async () => {
    tsa = await startTestTsa(dir);
    const bundle = join(dir, 'roots.pem');
    writeFileSync(bundle, `# the CA of the signers, then the TSA's root\n${ca.certificatePem}\n${tsa.rootPem}`);
    t = await startTestApp({ signing: signingEnv({ SIGNING_TRUSTED_ROOTS: bundle, SIGNING_TSA_URL: tsa.url }) });
    await t.login('admin', 'pct.tinh', 'bpt.tinh', 'tb.tinh', 'vt.tinh');
  });
  afterAll(async () => {
    await t?.close();
    await tsa?.close();
  });

  it('a key of the configured CA is accepted, and every signature carries a trusted time-stamp (B-T)', async () => {
    const users = (await t.as('admin').get(`/api/users?filter=${JSON.stringify({ q: 'pct.tinh' })}`).expect(200)).body as { id: string; username: string }[];
    const pkcs12 = issueDemoCertificate(ca, {
      commonName: 'Nguyễn Thị Thu Hà', organisation: 'Ủy ban MTTQ Việt Nam tỉnh Sơn La', kind: 'person', pin: '2468',
      validFrom: new Date(Date.now() - 3600e3), validTo: new Date(Date.now() + 365 * 24 * 3600e3),
    }).pkcs12;
    await t.as('admin').put(`/api/users/${users.find((u) => u.username === 'pct.tinh')!.id}/signing/credential`).field('pin', '2468').attach('file', pkcs12, 'key.p12').expect(200);

    const orgId = (await t.as('pct.tinh').get('/api/me').expect(200)).body.organisation.id;
    const { body: plan } = await t.as('bpt.tinh').post('/api/plans').send(planContent(orgId)).expect(201);
    await send(t, 'bpt.tinh', plan.id, 'SUBMIT');
    await send(t, 'tb.tinh', plan.id, 'FORWARD');
    await t.as('pct.tinh').post(`/api/plans/${plan.id}/events`).send({ type: 'APPROVE', pin: '2468' }).expect(200);
    await send(t, 'vt.tinh', plan.id, 'ISSUE');

    const verified = (await t.as('bpt.tinh').get(`/api/plans/${plan.id}/signatures/verify`).expect(200)).body.signatures;
    expect(verified).toHaveLength(2);
    for (const signature of verified) {
      expect(signature).toMatchObject({ valid: true, problems: [], timestamp: { valid: true, authority: 'Test TSA' } });
    }
    const pdf = (await binary(t.as('bpt.tinh').get(`/api/plans/${plan.id}/document.pdf`)).expect(200)).body as Buffer;
    writeFileSync(join(dir, 'b-t.pdf'), pdf);
    const report = pdfsig(join(dir, 'b-t.pdf'));
    expect(report.match(/Signature is Valid/g)).toHaveLength(2);
    expect(report.match(/Signature Type: ETSI\.CAdES\.detached/g)).toHaveLength(2);
  });
});

describe('SIGNING_TRUSTED_ROOTS that cannot be used stops the start with a message naming it', () => {
  it('a missing file, and a file without any certificate', () => {
    expect(() => signingEnv({ SIGNING_TRUSTED_ROOTS: join(dir, 'missing.pem') })).toThrow(ConfigError);
    expect(() => signingEnv({ SIGNING_TRUSTED_ROOTS: join(dir, 'missing.pem') })).toThrow(/SIGNING_TRUSTED_ROOTS: không đọc được tệp/);
    writeFileSync(join(dir, 'empty.pem'), 'not a certificate\n');
    expect(() => signingEnv({ SIGNING_TRUSTED_ROOTS: join(dir, 'empty.pem') })).toThrow(/không chứa chứng thư gốc hợp lệ nào/);
    writeFileSync(join(dir, 'broken.pem'), '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n');
    expect(() => signingEnv({ SIGNING_TRUSTED_ROOTS: join(dir, 'broken.pem') })).toThrow(/không chứa chứng thư gốc hợp lệ nào/);
  });
});
