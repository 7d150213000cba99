import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { garbledRuns } from '../../src/ingest/mojibake/evidence.ts';
import { CaptureError } from '../../src/ingest/types.ts';
import { ingest, RAW } from './helpers.ts';
import { asGbk, asLatin1, asWindows1252, utf8 } from './mojibake/misreadings.ts';

/**
 * Whole captures that an earlier tool decoded wrongly and saved again, as an archivist receives
 * them: a page of our own in the shape of a provincial government portal, and the seeds.
 */
const PAGE = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'mojibake', 'portal-page.html'), 'utf8');
const SEEDS = ['000_f95efc7f774b1d36.txt', '001_3fa034dd496bf0e7.txt', '002_fa9ed41a6c031e20.txt', '003_1f2945b8a6910abd.txt', '004_801534141de1b9ab.txt'];

const FIELDS = ['title', 'subtitle', 'date', 'published', 'province', 'people', 'places', 'dateline', 'authors', 'editors', 'publisher', 'site'] as const;
const metadata = (result: ReturnType<typeof ingest>) => Object.fromEntries(FIELDS.map((field) => [field, result.meta[field]]));

describe('a page read in the wrong encoding and saved again', () => {
  const clean = ingest(PAGE, 'content/raw/portal.html');

  it('UTF-8 read as GBK (湖南省联防联控… arriving as 婀栧崡鐪佽仈…): a clean title, every surviving character, each loss marked and counted', () => {
    const misread = asGbk(utf8(PAGE));
    expect(misread).toContain('婀栧崡鐪佽仈');
    const result = ingest(misread, 'content/raw/portal.html');
    expect(result.meta.title).toBe(clean.meta.title);
    expect(garbledRuns(result.body)).toEqual([]);
    // Each paragraph is the page's, but for U+FFFD where the misreading lost a character.
    const paragraphs = result.body.split('\n');
    const originals = clean.body.split('\n');
    expect(paragraphs).toHaveLength(originals.length);
    paragraphs.forEach((paragraph, index) => expect(originals[index]).toMatch(asPattern(paragraph)));
    const lost = result.body.split('\uFFFD').length - 1;
    expect(lost).toBeGreaterThan(0);
    expect(result.state.fidelity.join('\n')).toMatch(/UTF-8 的字节被当作 GBK 读取.*\n.*个字无法恢复，未作补写，每处以一个 � 标出/u);
    expect(result.state.ledger.filter((entry) => entry.step === 'redecode').length).toBeGreaterThan(0);
  });

  it('UTF-8 read as Windows-1252 (æ¹–å—çœ…): the same article as the page itself', () => {
    const result = ingest(asWindows1252(utf8(PAGE)), 'content/raw/portal.html');
    expect(result.body).toBe(clean.body);
    expect(metadata(result)).toEqual(metadata(clean));
  });

  it('a GBK page read as Latin-1 (ÎÒÏØ×éÖ¯…): the same article as the page itself', () => {
    const result = ingest(asLatin1(iconv.encode(PAGE.replace('charset=utf-8', 'charset=gbk'), 'gbk')), 'content/raw/portal.html');
    expect(result.body).toBe(clean.body);
    expect(metadata(result)).toEqual(metadata(clean));
  });
});

describe.each(SEEDS)('seed %s misread and saved again', (name) => {
  const raw = readFileSync(join(RAW, name), 'utf8');
  const seed = ingest(raw, `content/raw/${name}`);

  it.each([
    ['UTF-8 read as Windows-1252', asWindows1252(utf8(raw))],
    ['GB18030 read as Latin-1', asLatin1(iconv.encode(raw, 'gb18030'))],
  ])('%s: the same body and metadata as the seed', (_, misread) => {
    const result = ingest(misread, `content/raw/${name}`);
    expect(result.body).toBe(seed.body);
    expect(metadata(result)).toEqual(metadata(seed));
  });
});

describe('never publishing garbage', () => {
  // Mojibake that no wrong reading undoes: rare characters and pieces of a damaged conversion.
  const GARBAGE = '倍偶液撩銊钇髽鼷齉靐';

  it('refuses, in one line naming the file, a capture that still reads as mojibake after repair', () => {
    const capture = `${GARBAGE}\n2021-08-09 10:00\n\n${GARBAGE}，${GARBAGE}。\n${GARBAGE}${GARBAGE}。\n`;
    let error: unknown;
    try {
      ingest(capture, 'content/raw/garbled.txt');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CaptureError);
    expect((error as CaptureError).message).toMatch(/^content\/raw\/garbled\.txt: still reads as mojibake after repair/u);
  });

  it('keeps an article whose title alone is garbage, with the opening words of the body as its title and a note first', () => {
    const lead = '8月9日下午，湖南省联防联控机制召开全省电视电话会议，调度部署疫情防控工作。';
    const result = ingest(`${GARBAGE}\n2021-08-09 10:00\n\n${lead}\n`, 'content/raw/garbled-title.txt');
    expect(result.meta.title).toBe(`${[...lead].slice(0, 24).join('')}…`);
    expect(result.state.fidelity[0]).toMatch(/^⚠ 采集页面的标题是无法修复的乱码/u);
  });
});

/** A paragraph with U+FFFD markers as a pattern: each marker stands for one or two lost characters. */
function asPattern(paragraph: string): RegExp {
  const escaped = [...paragraph].map((char) => (char === '\uFFFD' ? '.{1,2}' : char.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'))).join('');
  return new RegExp(`^${escaped}$`, 'u');
}
