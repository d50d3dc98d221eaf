/**
 * Templates made to exhaust the server (security issue 3): a zip bomb and zips that lie about
 * their sizes are refused from their central directory before anything inflates; tag structures
 * that multiply the document are refused before any trial rendering; and a template that passes
 * every static check yet takes minutes to render is stopped by the render pool's limits while
 * the app keeps answering.
 */
import { createHash, randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { RenderPool } from '../../backend/src/documents/render-pool';
import { defaultTemplate } from '../../backend/src/documents/rendering/template-files';
import { planContent, useDemoApp } from '../support/plans';
import { sql, type TestApp } from '../support/test-app';
import { deflated, entriesOf, heavyDocumentXml, type RawEntry, zeros, zipOf } from './hostile-docx';
import { editPart } from './support';

const MB = 1024 * 1024;

function upload(t: TestApp, organisationId: string, file: Buffer) {
  return t.as('admin').post(`/api/organisations/${organisationId}/templates`).field('kind', 'single').attach('file', file, 'mau.docx');
}

/** Samples the process's resident memory until stopped; answers the peak growth. */
function rssGrowth(): () => number {
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  return () => {
    clearInterval(timer);
    return Math.max(peak, process.memoryUsage().rss) - start;
  };
}

/** Calls GET /api/health back to back until stopped; answers each call's duration. */
function probeHealth(t: TestApp): () => Promise<number[]> {
  const durations: number[] = [];
  let probing = true;
  const probes = (async () => {
    while (probing) {
      const started = performance.now();
      await t.http().get('/api/health').expect(200);
      durations.push(performance.now() - started);
      await delay(100);
    }
  })();
  return async () => {
    probing = false;
    await probes;
    return durations;
  };
}

/** The shipped template with `entry` in place of its part of that name. */
const withEntry = (entry: RawEntry) => zipOf([...entriesOf(defaultTemplate('single')).filter((e) => e.name !== entry.name), entry]);
const withDocument = (edit: (xml: string) => string) => editPart(defaultTemplate('single'), 'word/document.xml', edit);

describe('hostile templates', () => {
  const demo = useDemoApp();

  it('refuses a zip bomb from its central directory, at once and without inflating it', async () => {
    const bomb = withEntry(await zeros('word/document.xml', 200 * MB));
    expect(bomb.length).toBeLessThan(MB);
    const growth = rssGrowth();
    const started = performance.now();
    const response = await upload(demo.t, demo.orgs.province, bomb).expect(400);
    const elapsed = performance.now() - started;
    const grown = growth();
    expect(response.body.errors).toEqual({
      file: 'Mẫu văn bản không đạt thể thức, chưa được lưu (2 lỗi)',
      'file.0': expect.stringMatching(
        /^Phần “word\/document\.xml” của tệp nén có tỷ lệ nén \d+:1 \(giải nén ra 200,0 MB\), quá giới hạn 100:1: tệp có dấu hiệu “bom nén”\.$/,
      ),
      'file.1': expect.stringMatching(/^Nội dung giải nén 200,0 MB, quá giới hạn 20,0 MB của một mẫu văn bản\.$/),
    });
    console.info(`zip bomb (${(bomb.length / 1024).toFixed(0)} kB → 200 MB): refused in ${elapsed.toFixed(0)} ms, RSS +${(grown / MB).toFixed(1)} MB`);
    expect(elapsed).toBeLessThan(3000);
    expect(grown).toBeLessThan(300 * MB);
  });

  it('refuses a zip of too many parts, and a part that inflates past the size it states', async () => {
    const parts = Array.from({ length: 600 }, (_, i) => deflated(`customXml/item${i}.xml`, Buffer.from('<a/>')));
    const many = await upload(demo.t, demo.orgs.province, zipOf([...entriesOf(defaultTemplate('single')), ...parts])).expect(400);
    expect(many.body.errors['file.0']).toBe('Tệp nén có 609 phần, quá giới hạn 500 phần của một văn bản Word.');

    // 100 MB of zeros stated as 1 kB: the central directory looks innocent, inflating stops at 1 kB.
    const liar = { ...(await zeros('word/document.xml', 100 * MB)), size: 1024 };
    const growth = rssGrowth();
    const lying = await upload(demo.t, demo.orgs.province, withEntry(liar)).expect(400);
    expect(lying.body.errors['file.0']).toBe(
      'Phần “word/document.xml” của tệp nén giải nén ra nhiều hơn kích thước đã khai (1024 byte): tệp nén bị làm giả.',
    );
    expect(growth()).toBeLessThan(300 * MB);
  });

  it('refuses loops that repeat a whole list for every item of another, listing each', async () => {
    const nested = withDocument((xml) => xml.replace('{#body}', '{#body}{#body}{#body}').replace('{/body}', '{/body}{/body}{/body}'));
    const response = await upload(demo.t, demo.orgs.province, nested).expect(400);
    expect(response.body.errors).toEqual({
      file: 'Mẫu văn bản không đạt thể thức, chưa được lưu (1 lỗi)',
      'file.0':
        'Thẻ {body} trong {#body} lặp lại cả một danh sách cho mỗi mục của khối bao ngoài, làm văn bản phình lên theo cấp số nhân; ' +
        'mẫu chuẩn không lồng danh sách như vậy (templates/README.md).',
    });
    const recipientsPerBlock = withDocument((xml) => xml.replace('{/body}', '{#recipients}{label}{/recipients}{#form}{formTitle}{/form}{/body}'));
    const both = await upload(demo.t, demo.orgs.province, recipientsPerBlock).expect(400);
    expect(Object.values(both.body.errors).slice(1)).toEqual([
      expect.stringMatching(/^Thẻ \{recipients\} trong \{#body\} lặp lại cả một danh sách/),
      expect.stringMatching(/^Thẻ \{form\} trong \{#body\} lặp lại cả một danh sách/),
    ]);
    const manyTags = withDocument((xml) => xml.replace('{title}', '{title}'.repeat(700)));
    const tags = await upload(demo.t, demo.orgs.province, manyTags).expect(400);
    expect(tags.body.errors['file.0']).toMatch(/^Mẫu có 7\d\d thẻ, quá giới hạn 600/);
  });

  it('stops a template too heavy to render (refused at upload, 422 once stored) while /api/health keeps answering', async () => {
    const { province } = demo.orgs;
    // Passes every static check: right tags, compresses 5:1, 8 MB inflated; docxtemplater needs minutes for it.
    const heavy = withDocument((xml) => heavyDocumentXml(xml, 8));
    const { body: plan } = await demo.t.as('bpt.tinh').post('/api/plans').send(planContent(province)).expect(201);
    await storeActiveTemplate(demo.t, province, heavy);
    const stopProbing = probeHealth(demo.t);
    const started = performance.now();
    try {
      const [refused, draft] = await Promise.all([
        upload(demo.t, province, heavy).expect(400),
        demo.t.as('bpt.tinh').get(`/api/plans/${plan.id}/document`).expect(422),
      ]);
      const elapsed = performance.now() - started;
      const health = await stopProbing();
      expect(refused.body.errors['file.0']).toMatch(/^Dựng thử các kế hoạch mẫu bằng mẫu này (quá 10 giây|cần quá 256 MB bộ nhớ): mẫu quá nặng/);
      expect(draft.body).toMatchObject({ statusCode: 422, code: 'DOCUMENT.RENDER_LIMIT', message: expect.stringMatching(/^Không dựng được văn bản: việc dựng (quá 10 giây|cần quá 256 MB bộ nhớ)/) });
      console.info(`heavy template: stopped after ${elapsed.toFixed(0)} ms; /api/health ${health.length} calls, slowest ${Math.max(...health).toFixed(0)} ms`);
      expect(elapsed).toBeLessThan(15_000);
      expect(health.length).toBeGreaterThan(3);
      expect(Math.max(...health)).toBeLessThan(1000);
    } finally {
      await demo.t.as('admin').delete(`/api/organisations/${province}/templates/active?kind=single`).expect(204);
    }
  });

  it('pool: a rendering past the memory limit ends its worker, and the next one renders', async () => {
    const pool = new RenderPool({ timeMs: 60_000, memoryMb: 32 });
    try {
      const heavy = withDocument((xml) => heavyDocumentXml(xml, 8));
      expect(await pool.checkTemplate(heavy, 'single')).toEqual([
        'Dựng thử các kế hoạch mẫu bằng mẫu này cần quá 32 MB bộ nhớ: mẫu quá nặng (quá nhiều nội dung hoặc thẻ).',
      ]);
      expect(await pool.checkTemplate(defaultTemplate('single'), 'single')).toEqual([]);
    } finally {
      await pool.onModuleDestroy();
    }
  });
});

/** A template stored before the limits existed: it slipped past the upload check, so insert it directly. */
async function storeActiveTemplate(t: TestApp, organisationId: string, bytes: Buffer): Promise<void> {
  const [admin] = await sql<{ id: string }>(t, `select id from "user" where username = 'admin'`);
  await t.as('admin').delete(`/api/organisations/${organisationId}/templates/active?kind=single`).expect(204);
  await sql(
    t,
    `insert into organisation_template (id, organisation_id, kind, version, file_name, size, sha256, bytes, uploaded_by_id, uploaded_at, active)
     values (?, ?, 'single', 99, 'nang.docx', ?, ?, ?, ?, now(), true)`,
    [randomUUID(), organisationId, bytes.length, createHash('sha256').update(bytes).digest('hex'), bytes, admin.id],
  );
}
