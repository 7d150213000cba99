/**
 * The contract between ingest and the site (src/contract.ts): what ingest writes reads back
 * through the same schema the site reads with, and a file outside it is refused in one line that
 * names the file and the field.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import matter from 'gray-matter';
import { ContractError, loadOfficials, loadPlaces, readArticleFrontMatter, readAuditReport, readOfficials } from '../src/contract.ts';

const ARTICLES = 'content/articles';
const REPORTS = 'content/reports';
const articleFiles = readdirSync(ARTICLES).filter((name) => name.endsWith('.md')).sort();
const fieldsOf = (name: string) => matter(readFileSync(`${ARTICLES}/${name}`, 'utf8')).data as Record<string, unknown>;
const sample = () => fieldsOf(articleFiles[0]!);

/** The message a reader throws for `read()`, checked to be one line naming the file. */
function refusal(read: () => unknown, file: string): string {
  let error: unknown;
  try {
    read();
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(ContractError);
  const { message } = error as ContractError;
  expect(message.startsWith(`${file}: `), message).toBe(true);
  expect(message).not.toContain('\n');
  return message;
}

describe('what ingest writes', () => {
  it('reads back as articles and audit reports of the contract, every field of the seeds kept', () => {
    expect(articleFiles.length).toBeGreaterThan(0);
    for (const name of articleFiles) {
      const fields = fieldsOf(name);
      const front = readArticleFrontMatter(fields, name);
      // Nothing ingest wrote is dropped or changed by reading it (Dates aside: the seeds quote them).
      expect(JSON.parse(JSON.stringify(front)), name).toEqual(fields);
      const report = readAuditReport(JSON.parse(readFileSync(`${REPORTS}/${front.slug}.json`, 'utf8')), front.slug);
      expect(report.captures.map((capture) => capture.rawSha256)).toEqual(front.captures.map((capture) => capture.rawSha256));
    }
  });

  it('reads the archive’s own officials and places', () => {
    const officials = loadOfficials('content/data/officials.yaml');
    expect(officials.find((official) => official.name === '许达哲')?.province).toBe('湖南');
    expect(officials.filter((official) => official.roles.length === 0)).toEqual([]);
    expect(loadPlaces('content/data/places.yaml').find((place) => place.name === '祁阳县')).toMatchObject({ level: 'county', parent: '永州' });
  });
});

describe('an article file outside the contract', () => {
  it('is refused naming the file and the field that is missing or malformed', () => {
    const { slug, ...withoutSlug } = sample();
    expect(slug).toBeDefined();
    expect(refusal(() => readArticleFrontMatter(withoutSlug, 'a.md'), 'a.md')).toContain('`slug`');
    expect(refusal(() => readArticleFrontMatter({ ...sample(), date: '2021/07/28' }, 'b.md'), 'b.md')).toContain('`date`');
    expect(refusal(() => readArticleFrontMatter({ ...sample(), date: '2021-02-30' }, 'c.md'), 'c.md')).toContain('`date`');
    expect(refusal(() => readArticleFrontMatter({ ...sample(), slug: '许达哲' }, 'd.md'), 'd.md')).toContain('`slug`');
    expect(refusal(() => readArticleFrontMatter({ ...sample(), people: undefined }, 'e.md'), 'e.md')).toContain('`people`');
    expect(refusal(() => readArticleFrontMatter({ ...sample(), captures: [] }, 'f.md'), 'f.md')).toContain('`captures`');
    expect(refusal(() => readArticleFrontMatter({ ...sample(), captures: [{ raw: 'x' }] }, 'g.md'), 'g.md')).toContain('`captures[0].rawSha256`');
  });

  it('is refused when a string holds a lone UTF-16 surrogate, which no page can carry', () => {
    expect(refusal(() => readArticleFrontMatter({ ...sample(), title: 'a\uD800b' }, 'h.md'), 'h.md')).toContain('`title`');
    expect(refusal(() => readArticleFrontMatter({ ...sample(), people: ['许达哲', '\uDC00'] }, 'i.md'), 'i.md')).toContain('`people[1]`');
  });

  it('keeps only web URLs as source URLs, and reads an unquoted date as the day it names', () => {
    expect(readArticleFrontMatter({ ...sample(), sourceUrl: 'javascript:alert(1)' }, 'j.md').sourceUrl).toBeUndefined();
    expect(readArticleFrontMatter({ ...sample(), sourceUrl: 'https://finance.sina.com.cn/x.shtml' }, 'k.md').sourceUrl).toBe('https://finance.sina.com.cn/x.shtml');
    expect(readArticleFrontMatter({ ...sample(), date: new Date('2021-07-28T00:00:00Z') }, 'l.md').date).toBe('2021-07-28');
  });
});

describe('officials.yaml outside the contract', () => {
  const read = (roles: unknown[]) => () => readOfficials([{ name: '甲某', province: '湖南', roles }], 'officials.yaml');

  it('is refused naming the file, the entry and the field', () => {
    const cases: [unknown[], string][] = [
      [[{ title: '职务', since: '2020-13' }], '`roles[0].since`'],
      [[{ title: '职务', since: '2021', until: '2020' }], '`roles[0].since`'],
      [[{ title: '职务', sources: [{ capture: 'content/raw/a.txt', words: '甲某' }] }], '`roles[0].sources[0]`'],
      [[{ title: '职务', until: '2019-06', sources: [{ capture: 'content/raw/a.txt', day: '2020-01-01', words: '甲某' }] }], '`roles[0].sources[0].day`'],
      [[{ since: '2019' }], '`roles[0].title`'],
    ];
    for (const [roles, field] of cases) {
      const message = refusal(read(roles), 'officials.yaml');
      expect(message).toContain('entry 1 (甲某)');
      expect(message).toContain(field);
    }
    expect(refusal(() => readOfficials([{ name: '乙某' }], 'officials.yaml'), 'officials.yaml')).toContain('`province`');
    expect(refusal(() => readOfficials({ name: '乙某' }, 'officials.yaml'), 'officials.yaml')).toBeTruthy();
  });

  it('reads a year written as a number, and names without their surrounding spaces', () => {
    const [official] = read([{ title: ' 职务 ', since: 2019 }])();
    expect(official!.roles[0]).toMatchObject({ title: '职务', since: '2019', sources: [] });
    expect(official!.aliases).toEqual([]);
    expect(official!.boundary).toBe(false);
  });
});
