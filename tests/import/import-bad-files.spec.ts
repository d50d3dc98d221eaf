/**
 * What cannot be imported gets a 400 that names the problem — not a Word file, encrypted, empty, a
 * zip bomb, not UTF-8 — and a file over 10 MB a 413 naming the limit; random bytes never a 500.
 */
import fc from 'fast-check';
import PizZip from 'pizzip';
import { useDemoApp } from '../support/plans';
import { zeros, zipOf, deflated } from '../documents/hostile-docx';
import { docxFromText, makeDocx, textParagraph } from './make-docx';
import { exampleText } from './support';

const MB = 1024 * 1024;

describe('importing bad files', () => {
  const demo = useDemoApp();
  const upload = (bytes: Buffer, fileName: string) => demo.t.as('bpt.tinh').post('/api/plans/import').attach('file', bytes, fileName);

  it.each([
    ['a PDF named .docx', Buffer.from('%PDF-1.7\n…'), 'kh.docx', /^Tệp không phải văn bản Word \(\.docx\)/],
    ['a password-protected Word file (an OLE compound file)', Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(512)]), 'kh.docx', /^Tệp được đặt mật khẩu \(mã hóa\) hoặc là tệp Word cũ \(\.doc\)/],
    ['an empty file', Buffer.alloc(0), 'kh.docx', /^Tệp “kh\.docx” rỗng\.$/],
    ['a zip without a Word document in it', new PizZip().file('a.txt', 'x').generate({ type: 'nodebuffer' }), 'kh.docx', /^Tệp nén không có phần nội dung “word\/document\.xml”/],
    ['a .txt that is not UTF-8', Buffer.from([0x4b, 0xea, 0x20, 0x68, 0x6f, 0xff]), 'kh.txt', /không phải văn bản UTF-8/],
    ['a Word file with no text', makeDocx([textParagraph('')]), 'kh.docx', /^Văn bản không có nội dung để nhập\.$/],
  ])('%s: 400 naming the problem', async (_case, bytes, fileName, message) => {
    const { body } = await upload(bytes, fileName).expect(400);
    expect(body).toMatchObject({ statusCode: 400, code: 'IMPORT.BAD_SOURCE', errors: { file: expect.stringMatching(message) } });
  });

  it('a zip entry encrypted: 400', async () => {
    const docx = zipOf([deflated('word/document.xml', Buffer.from('<w:document/>'))]);
    docx.writeUInt16LE(0x1, 6); // the local header's encryption flag
    const central = docx.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    docx.writeUInt16LE(0x1, central + 8);
    const { body } = await upload(docx, 'kh.docx').expect(400);
    expect(body.errors.file).toBe('Phần “word/document.xml” của tệp nén được mã hóa.');
  });

  it('a zip bomb (a few hundred kB that inflate to 200 MB): 400 before anything is inflated', async () => {
    const bomb = zipOf([await zeros('word/document.xml', 200 * MB)]);
    const { body } = await upload(bomb, 'bom.docx').expect(400);
    expect(body.errors.file).toMatch(/tệp có dấu hiệu “bom nén”/);
  });

  it('20 MB: 413 naming the limit', async () => {
    const response = await upload(Buffer.alloc(20 * MB, 0x41), 'lon.txt');
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: 'Tệp quá lớn: tối đa 10 MB.' });
  });

  it('neither a file nor text: 400; a caller who cannot draft: 403', async () => {
    expect((await demo.t.as('bpt.tinh').post('/api/plans/import').send({}).expect(400)).body.errors.file).toBe('Chưa chọn tệp (.docx, .txt) hoặc dán văn bản.');
    await demo.t.as('vt.tinh').post('/api/plans/import').send({ text: exampleText('003') }).expect(403);
  });

  it('random bytes, and a real Word file cut or flipped anywhere: 200 or 400, never a 500', async () => {
    const real = docxFromText(exampleText('003'));
    const damaged = fc.oneof(
      fc.uint8Array({ maxLength: 2000 }).map((bytes) => Buffer.from(bytes)),
      fc.nat({ max: real.length - 1 }).map((at) => real.subarray(0, at)),
      fc.tuple(fc.nat({ max: real.length - 1 }), fc.integer({ min: 1, max: 255 })).map(([at, xor]) => {
        const copy = Buffer.from(real);
        copy[at] ^= xor;
        return copy;
      }),
    );
    for (const bytes of fc.sample(damaged, { seed: 7, numRuns: 60 })) {
      const { status } = await upload(bytes, 'kh.docx');
      expect([200, 400]).toContain(status);
    }
  });
});
