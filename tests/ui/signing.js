'use strict';
/**
 * The administrator's signing keys and images: a leader's certificate and signature image, an
 * organisation's seal. Certificates are made here by the backend's own demo CA code (built into
 * dist/ by `npm run test:ui`), with a CA the app is told to trust (SIGNING_TRUSTED_ROOTS).
 */
const fs = require('node:fs');
const path = require('node:path');
const { assert } = require('./checks');
const { ui } = require('./ui');
const { createDemoCa, demoSealImage, demoSignatureImage, issueDemoCertificate } = require('../../dist/signing');

const LEADER = { username: 'pct.maison', fullName: 'Lê Thị Quyên' };
const ORGANISATION = 'Ủy ban MTTQ Việt Nam huyện Mai Sơn';
const PIN = '2468';
const HOUR = 3600e3;

/** A CA for this run: its certificate in a PEM file, and the app's setting that trusts it. */
function testSigningCa(dir) {
  const ca = createDemoCa();
  const file = path.join(dir, 'trusted-roots.pem');
  fs.writeFileSync(file, ca.certificatePem);
  return { ca, env: { SIGNING_TRUSTED_ROOTS: file } };
}

/** The leader's certificate as their .p12, issued by `ca`. */
function leaderCertificate(ca) {
  return issueDemoCertificate(ca, {
    commonName: LEADER.fullName,
    organisation: ORGANISATION,
    kind: 'person',
    pin: PIN,
    validFrom: new Date(Date.now() - HOUR),
    validTo: new Date(Date.now() + 365 * 24 * HOUR),
  });
}

async function signingChecks(context) {
  const u = ui(context);
  const { checks } = context;
  await checks.step('admin sees a leader\'s test certificate; a wrong PIN and an untrusted CA are refused in Vietnamese; a good .p12 replaces it', () =>
    leaderCredential(u, context.signingCa.ca),
  );
  await checks.step('admin uploads a leader\'s signature image (not a PNG is refused) and sees it on white', () => leaderImage(u));
  await checks.step('admin sees an organisation\'s certificate and uploads its seal with a new diameter', () => organisationSeal(u));
}

const panelOf = (u) => u.page.getByTestId('signing-panel');

/** Chooses `file` in the file input named `name`, as a person picking a file would. */
const pick = (u, name, file) => u.page.locator(`input[name="${name}"]`).setInputFiles(file);

async function refusal(u, expected) {
  const alert = panelOf(u).getByTestId('signing-refused');
  await alert.getByText(expected, { exact: false }).waitFor();
  return alert;
}

async function leaderCredential(u, ca) {
  await u.loginAs('admin');
  await u.go('/users');
  await u.page.getByPlaceholder('Tìm kiếm').fill(LEADER.username);
  await u.page.getByRole('cell', { name: LEADER.username, exact: true }).click();
  const panel = panelOf(u);
  await panel.getByTestId('signing-holder').getByText(LEADER.fullName, { exact: false }).waitFor();
  await panel.getByTestId('signing-test-certificate').waitFor();
  const seededSerial = await u.textOf(panel.getByTestId('signing-serial'));

  const good = leaderCertificate(ca);
  await u.page.locator('input[name="signing-pin"]').fill('1111');
  await pick(u, 'signing-credential', { name: 'chu-ky-so.p12', mimeType: 'application/x-pkcs12', buffer: good.pkcs12 });
  await refusal(u, 'Mã PIN của chứng thư số không đúng');

  const untrusted = leaderCertificate(createDemoCa());
  await u.page.locator('input[name="signing-pin"]').fill(PIN);
  await pick(u, 'signing-credential', { name: 'ca-la.p12', mimeType: 'application/x-pkcs12', buffer: untrusted.pkcs12 });
  await refusal(u, 'không do tổ chức cung cấp dịch vụ chứng thực tin cậy cấp');
  assert((await u.textOf(panel.getByTestId('signing-serial'))) === seededSerial, 'a refused upload changed the certificate shown');

  await pick(u, 'signing-credential', { name: 'chu-ky-so.p12', mimeType: 'application/x-pkcs12', buffer: good.pkcs12 });
  await panel.getByTestId('signing-serial').getByText(good.certificate.serialNumber, { exact: true }).waitFor();
  await panel.getByTestId('signing-refused').waitFor({ state: 'detached' });
  assert((await u.page.locator('input[name="signing-pin"]').inputValue()) === '', 'the PIN stays in its field after the upload');
}

/** The preview's bytes, as the browser loaded them, once it shows something other than `before`. */
async function previewAfter(u, before) {
  const image = panelOf(u).getByTestId('signing-image');
  await u.page.waitForFunction(
    ({ before }) => {
      const img = document.querySelector('[data-testid="signing-panel"] [data-testid="signing-image"]');
      return img && img.getAttribute('src') !== before && img.complete && img.naturalWidth > 0;
    },
    { before },
  );
  const src = await image.getAttribute('src');
  const base64 = await u.page.evaluate(async (url) => {
    const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
    return btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(''));
  }, src);
  return { src, bytes: Buffer.from(base64, 'base64') };
}

async function leaderImage(u) {
  const panel = panelOf(u);
  const before = await panel.getByTestId('signing-image').getAttribute('src');
  await pick(u, 'signing-image', { name: 'chu-ky.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('not a png') });
  await refusal(u, 'phải là tệp PNG');
  const png = demoSignatureImage('Quyên');
  await pick(u, 'signing-image', { name: 'chu-ky.png', mimeType: 'image/png', buffer: png });
  const preview = await previewAfter(u, before);
  assert(preview.bytes.equals(png), 'the preview is not the uploaded signature image');
  const background = await panel.getByTestId('signing-image').locator('xpath=..').evaluate((box) => getComputedStyle(box).backgroundColor);
  assert(background === 'rgb(255, 255, 255)', `the signature image is shown on ${background}, not on white`);
  await u.screenshot('28-user-signing');
}

async function organisationSeal(u) {
  await u.go('/organisations');
  await u.page.getByRole('cell', { name: ORGANISATION, exact: true }).click();
  const panel = panelOf(u);
  await panel.getByTestId('signing-holder').getByText(ORGANISATION, { exact: true }).waitFor();
  await panel.getByTestId('signing-seal-diameter').getByText('Đường kính 36 mm').waitFor();
  const before = await panel.getByTestId('signing-image').getAttribute('src');
  const diameter = u.page.locator('input[name="signing-seal-diameter"]');
  assert((await diameter.inputValue()) === '36', 'the diameter field does not start at the stored seal\'s');
  await diameter.fill('40');
  const seal = demoSealImage('Mai Sơn');
  await pick(u, 'signing-seal', { name: 'con-dau.png', mimeType: 'image/png', buffer: seal });
  await panel.getByTestId('signing-seal-diameter').getByText('Đường kính 40 mm').waitFor();
  const preview = await previewAfter(u, before);
  assert(preview.bytes.equals(seal), 'the preview is not the uploaded seal');
  await u.screenshot('29-organisation-signing');
}

module.exports = { signingChecks, testSigningCa };
