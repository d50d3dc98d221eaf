import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import PizZip from 'pizzip';
import { defaultTemplatesDirectory, NUMBER_REGISTER_TEMPLATE_FILE_NAME, REPORT_SUMMARY_TEMPLATE_FILE_NAME, TEMPLATE_FILE_NAMES } from '../../backend/src/documents/rendering';
import { parseXml } from '../../backend/src/documents/rendering/docx/xml-tree';
import { EXAMPLE_NAMES, exampleFixturesDirectory } from '../../backend/src/documents/rendering/example-fixtures';

const TEMPLATES = defaultTemplatesDirectory();
const BUILDER = join(TEMPLATES, 'build-templates.js');
const FILES = [...Object.values(TEMPLATE_FILE_NAMES), REPORT_SUMMARY_TEMPLATE_FILE_NAME, NUMBER_REGISTER_TEMPLATE_FILE_NAME];

describe('templates/', () => {
  let built: string;
  beforeAll(() => {
    built = mkdtempSync(join(tmpdir(), 'kehoach-templates-'));
    // Another time zone than the one that built the committed files: zip dates must not depend on it.
    execFileSync(process.execPath, [BUILDER, built], { env: { ...process.env, TZ: 'America/Los_Angeles' } });
  });
  afterAll(() => rmSync(built, { recursive: true, force: true }));

  it('builds exactly the shipped .docx files', () => {
    expect(readdirSync(built).sort()).toEqual([...FILES].sort());
    expect(readdirSync(TEMPLATES).filter((name) => name.endsWith('.docx')).sort()).toEqual([...FILES].sort());
  });

  it.each(FILES)('%s is exactly what build-templates.js produces', (file) => {
    expect(readFileSync(join(built, file)).equals(readFileSync(join(TEMPLATES, file)))).toBe(true);
  });

  it.each(FILES)('%s is a complete, well-formed Word package', (file) => {
    const zip = new PizZip(readFileSync(join(TEMPLATES, file)));
    const names = Object.keys(zip.files);
    expect(names).toEqual(
      expect.arrayContaining([
        '[Content_Types].xml',
        '_rels/.rels',
        'word/document.xml',
        'word/_rels/document.xml.rels',
        'word/styles.xml',
        'word/settings.xml',
        'word/fontTable.xml',
        'word/header1.xml',
        'word/header2.xml',
      ]),
    );
    for (const name of names) expect(() => parseXml(zip.file(name)!.asText())).not.toThrow();
    const contentTypes = zip.file('[Content_Types].xml')!.asText();
    for (const part of names.filter((n) => n.startsWith('word/') && n.endsWith('.xml'))) {
      expect(contentTypes).toContain(`PartName="/${part}"`);
    }
  });

  it('documents every tag the templates use in templates/README.md', () => {
    const readme = readFileSync(join(TEMPLATES, 'README.md'), 'utf8');
    const tags = new Set(
      FILES.flatMap((file) => {
        const xml = new PizZip(readFileSync(join(TEMPLATES, file))).file('word/document.xml')!.asText();
        return [...xml.matchAll(/\{[#^/]?([^{}#^/][^{}]*)\}/g)].map(([, name]) => name);
      }),
    );
    expect(tags.size).toBeGreaterThan(20);
    const undocumented = [...tags].filter((tag) => !readme.includes(`{${tag}}`) && !readme.includes(`{#${tag}}`));
    expect(undocumented).toEqual([]);
  });

  it('holds the example plans the app renders at run time, so a deployment without tests/ still checks uploads', () => {
    const directory = exampleFixturesDirectory();
    expect(relative(TEMPLATES, directory).split(sep)).toEqual(['fixtures', 'examples']);
    expect(readdirSync(directory).sort()).toEqual(expect.arrayContaining([...EXAMPLE_NAMES.map((name) => `${name}.json`), 'organisations.json']));
  });
});
