/**
 * The search index and its query engine on small archives made here: what a researcher gets
 * for a query is every article whose title, deck or body has it, no other, whatever the length
 * of the query, its script, its case or its width.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { excerpt, facetCounts, normalizeText, passesFilters, planQuery, SearchEngine, searchableText, sortMatches } from '../../src/site/search/engine.js';
import { MERGE_MIN, writeSearchIndex, type SearchableArticle } from '../../src/site/search/write-index.ts';
import { toTraditional } from '../../src/site/editions.ts';
import { BuildCache } from '../../src/support/cache.ts';

const scratch = mkdtempSync(path.join(tmpdir(), 'search-index-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A stand-in for the build's conversion: only the characters these tests use. */
const HANT: Record<string, string> = { 许: '許', 达: '達', 会: '會', 议: '議', 机: '機', 着: '著', 长: '長', 湾: '灣', 发: '發', 显: '顯', 调: '調', 度: '度' };
const toHant = (text: string) => Array.from(text, (char) => HANT[char] ?? char).join('');
/** Traditional → Simplified counterparts, as the script map gives them (著 is written for 着 and for 著 itself). */
const VARIANTS: Record<string, string> = Object.fromEntries(Object.entries(HANT).filter(([s, t]) => s !== t).map(([s, t]) => [t, s]));
VARIANTS['著'] = '着';

let serial = 0;
function article(date: string, title: string, body: string, extra: Partial<SearchableArticle> = {}): SearchableArticle {
  serial += 1;
  return {
    url: `/${date.replaceAll('-', '/')}/a${serial}/`,
    date,
    title,
    province: '湖南',
    people: [],
    places: [],
    meetingType: [],
    body: { sourceSha256: `sha-${serial}-${body.length}`, plainText: body, traditionalText: toHant(body) },
    ...extra,
  };
}

const ARTICLES = [
  article('2020-02-14', '省领导分赴14市州督导检查疫情防控工作', '许达哲在长沙检查社区联防联控工作。\n\n会议强调，要完善联防联控机制，COVID-19 疫情防控不能松懈。', {
    people: ['许达哲'],
    places: ['长沙'],
    meetingType: ['督导检查'],
  }),
  article('2020-02-14', '长沙调度会议召开', '会议要求做好核酸检测。许达哲主持。', { people: ['许达哲'], places: ['长沙'], meetingType: ['调度会议'], subtitle: '部署冬春疫情防控' }),
  article('2021-07-28', '湖南调度疫情防控工作', '省委书记许达哲主持召开会议，显著加强核酸检测与流调溯源，ＣＯＶＩＤ防控。', { people: ['许达哲'], meetingType: ['调度会议'] }),
  article('2021-12-11', '我县召开疫情防控专题会议', '县委书记主持会议。接着，会议研究了防控工作，做好“四个口袋”工作。', { province: '河南', meetingType: ['专题会议'] }),
  article('2021-12-11', '台湾同胞座谈会', '座谈会上发言踊跃，大家谈着往事。', { province: '河南' }),
];

async function indexOf(articles: SearchableArticle[], siteDir = mkdtempSync(path.join(scratch, 'site-')), cache = new BuildCache(path.join(scratch, 'cache'))) {
  const result = writeSearchIndex(articles, { siteDir, cache, variants: VARIANTS });
  const read = async (file: string) => new Uint8Array(readFileSync(path.join(siteDir, 'search', 'data', file)));
  return { result, engine: new SearchEngine(read), traditional: new SearchEngine(read, 'zh-Hant'), siteDir, cache };
}

/** The articles (as their URLs) a query finds, candidates checked. */
async function found(engine: SearchEngine, query: string): Promise<string[]> {
  let state = await engine.search(query);
  while (state.verified < state.candidates.length) state = await engine.verify(state, 3);
  const urls = await Promise.all(state.matches.map(async (match) => (await engine.doc(match.id)).url));
  return urls.sort();
}

/** The articles whose normalised texts hold one of the term's forms: what the index must find. */
function expected(articles: SearchableArticle[], term: string): string[] {
  const forms = planQuery(`"${term}"`, VARIANTS).terms[0]?.forms.map((form) => form.form) ?? [];
  return articles
    .filter((candidate) => {
      const text = normalizeText(searchableText(candidate.title, candidate.subtitle, candidate.body.plainText)).text;
      return forms.some((form) => text.includes(form));
    })
    .map((candidate) => candidate.url)
    .sort();
}

describe('search index', async () => {
  const { engine, traditional, result } = await indexOf(ARTICLES);

  it('finds exactly the articles holding every run of one to eight characters of their texts', async () => {
    const texts = ARTICLES.map((candidate) => searchableText(candidate.title, candidate.subtitle, candidate.body.plainText));
    let queries = 0;
    for (const text of texts) {
      for (let length = 1; length <= 8; length++) {
        for (let start = 0; start + length <= text.length; start += 3) {
          const run = text.slice(start, start + length);
          if (/["“”\s]/.test(run) || !/[\p{L}\p{N}]/u.test(run)) continue;
          expect(await found(engine, `"${run}"`), run).toEqual(expected(ARTICLES, run));
          queries += 1;
        }
      }
    }
    expect(queries).toBeGreaterThan(300);
  });

  it('answers runs of up to six characters from the index alone, without reading any article', async () => {
    for (const query of ['联防联控机制', '疫情防控', '许达哲', '四个口袋', '显著加强核酸']) {
      const state = await engine.search(query);
      // Every article is settled by the index: none is left to check against its text.
      expect(state.candidates, query).toEqual([]);
      expect(state.matches.length, query).toBeGreaterThan(0);
      expect(await found(engine, query), query).toEqual(expected(ARTICLES, query));
    }
  });

  it('checks a longer run against the texts of the articles that have the runs of six covering it', async () => {
    for (const query of ['疫情防控不能松懈', '省委书记许达哲主持召开会议', '防控工作会议']) {
      const state = await engine.search(query);
      expect(state.matches, query).toEqual([]);
      expect(await found(engine, query), query).toEqual(expected(ARTICLES, query));
    }
    expect((await engine.search('疫情防控不能松懈')).candidates.length).toBeGreaterThan(0);
  });

  it('finds nothing for runs the texts do not have, even when each character is there', async () => {
    for (const query of ['达许', '长沙市长', '机制联防', '疫情防控工作会议召开了', 'covid-20']) expect(await found(engine, query), query).toEqual([]);
  });

  it('reads a Traditional query as the Simplified text it was converted from, in every form', async () => {
    expect(await found(engine, '許達哲')).toEqual(await found(engine, '许达哲'));
    expect((await found(engine, '許達哲')).length).toBe(3);
    // 著 is written for 着 and for 著: 顯著 finds 显著, 談著 finds 谈着.
    expect(await found(engine, '顯著')).toEqual(expected(ARTICLES, '显著'));
    expect(await found(engine, '谈著')).toEqual(expected(ARTICLES, '谈着'));
    expect((await found(engine, '顯著')).length).toBe(1);
  });

  it('matches Latin letters and digits whatever their case and width', async () => {
    const covid = await found(engine, 'covid');
    expect(covid.length).toBe(2);
    expect(await found(engine, 'ＣＯＶＩＤ')).toEqual(covid);
    expect(await found(engine, 'Covid-19')).toEqual([ARTICLES[0]!.url]);
    expect(await found(engine, '14')).toEqual([ARTICLES[0]!.url]);
  });

  it('needs every term, takes a quoted phrase as one term, and leaves out what follows a minus', async () => {
    expect(await found(engine, '许达哲 核酸')).toEqual([ARTICLES[1]!.url, ARTICLES[2]!.url].sort());
    expect(await found(engine, '许达哲 -核酸')).toEqual([ARTICLES[0]!.url]);
    expect(await found(engine, '"COVID-19 疫情"')).toEqual([ARTICLES[0]!.url]);
    expect(await found(engine, '"COVID 疫情"')).toEqual([]);
    expect(await found(engine, '会议 -"四个口袋"')).toEqual(expected(ARTICLES, '会议').filter((url) => url !== ARTICLES[3]!.url));
  });

  it('searches the deck too', async () => {
    expect(await found(engine, '冬春')).toEqual([ARTICLES[1]!.url]);
  });

  it('filters by tag and year and counts each value among the matches', async () => {
    const catalog = await engine.catalog();
    const state = await engine.search('会议');
    const ids = (filters: Parameters<typeof passesFilters>[2]) => state.matches.filter((match) => passesFilters(catalog, match.id, filters)).length;
    expect(ids({})).toBe(expected(ARTICLES, '会议').length);
    expect(ids({ province: '河南' })).toBe(1);
    expect(ids({ year: '2020' })).toBe(2);
    expect(ids({ province: '湖南', year: '2021' })).toBe(1);
    expect(ids({ person: '許達哲' })).toBe(3);
    const counts = facetCounts(catalog, state.matches, { province: '河南' });
    // A facet's counts leave its own filter out, so that another value can still be chosen.
    expect(counts.province).toEqual([
      { value: '湖南', label: '湖南', labelHant: '湖南', count: 3 },
      { value: '河南', label: '河南', labelHant: '河南', count: 1 },
    ]);
    expect(counts.year).toEqual([{ value: '2021', label: '2021', labelHant: '2021', count: 1 }]);
  });

  it('ranks title matches first, then frequency, and sorts by meeting date either way', async () => {
    const state = await engine.search('许达哲');
    const order = async (sort: Parameters<typeof sortMatches>[1]) => Promise.all(sortMatches(state.matches, sort).map(async (match) => (await engine.doc(match.id)).url));
    expect(await order('date-asc')).toEqual([ARTICLES[0]!.url, ARTICLES[1]!.url, ARTICLES[2]!.url]);
    expect(await order('date-desc')).toEqual([ARTICLES[2]!.url, ARTICLES[1]!.url, ARTICLES[0]!.url]);
    const byTitle = sortMatches((await engine.search('长沙')).matches, 'relevance');
    expect((await engine.doc(byTitle[0]!.id)).title[0]).toContain('长沙');
  });

  it('marks the exact match in the excerpt, in the Traditional text at the same place', async () => {
    const state = await engine.search('联防联控机制');
    const marked = (parts: { text: string; marked: boolean }[]) => parts.filter((part) => part.marked).map((part) => part.text);
    const hans = await engine.doc(state.matches[0]!.id);
    expect(marked(excerpt(hans.body[0], hans.body[1], hans.aligned, state.plan))).toEqual(['联防联控机制']);
    const hant = await traditional.doc(state.matches[0]!.id);
    expect(hant.aligned).toBe(true);
    expect(marked(excerpt(hant.body[0], hant.body[1], hant.aligned, state.plan))).toEqual([toHant('联防联控机制')]);
  });

  it('gives each edition its own texts, the Traditional ones with their Simplified texts exactly', async () => {
    const catalog = await engine.catalog();
    for (let id = 0; id < catalog.count; id++) {
      const article = ARTICLES[id]!;
      const [hans, hant] = [await engine.doc(id), await traditional.doc(id)];
      expect(hans.url).toBe(article.url);
      expect(hans.body).toEqual([article.body.plainText, article.body.plainText]);
      expect(hant.body).toEqual([article.body.plainText, article.body.traditionalText]);
      expect(hant.title).toEqual([article.title, toTraditional(article.title)]);
      expect(hant.deck?.[0]).toBe(article.subtitle);
    }
  });

  it('finds the texts of articles spread over many result packs', async () => {
    const long = Array.from({ length: 9 }, (_, index) => article(`2021-03-${String(index + 1).padStart(2, '0')}`, `长篇报道${index}`, `第${index}篇。${'会议强调，要完善联防联控机制。'.repeat(250 + index * 40)}`));
    const { engine: hans, traditional: hant, result: written } = await indexOf(long);
    const catalog = await hans.catalog();
    expect(catalog.segments[0]!.packStarts.length).toBeGreaterThan(3);
    for (let id = 0; id < long.length; id++) {
      expect((await hans.doc(id)).title[0]).toBe(long[id]!.title);
      expect((await hant.doc(id)).body).toEqual([long[id]!.body.plainText, long[id]!.body.traditionalText]);
    }
    expect(written.files).toBeGreaterThan(2 * catalog.segments[0]!.packStarts.length);
  });

  it('costs a Traditional reader hardly more bytes than a Simplified one, the conversion being regular', async () => {
    const long = Array.from({ length: 6 }, (_, index) => article(`2021-04-${String(index + 1).padStart(2, '0')}`, `会议报道${index}`, '会议强调，要完善联防联控机制。长沙发布通知。'.repeat(200)));
    const { siteDir } = await indexOf(long);
    const data = path.join(siteDir, 'search', 'data');
    const segment = readdirSync(data).find((entry) => entry !== 'catalog.bin')!;
    const bytes = (folder: string) => readdirSync(path.join(data, segment, folder)).reduce((sum, file) => sum + readFileSync(path.join(data, segment, folder, file)).length, 0);
    expect(bytes('hant')).toBeLessThan(bytes('hans') * 1.05);
  });

  it('writes each file once, and nothing when nothing changed', async () => {
    expect(result.written).toBe(result.files);
    const siteDir = mkdtempSync(path.join(scratch, 'site-'));
    const cache = new BuildCache(path.join(scratch, 'cache-again'));
    await indexOf(ARTICLES, siteDir, cache);
    expect((await indexOf(ARTICLES, siteDir, cache)).result.written).toBe(0);
  });
});

/** Every file under a folder, with its bytes. */
function filesOf(folder: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.set(path.relative(folder, path.join(entry.parentPath, entry.name)), readFileSync(path.join(entry.parentPath, entry.name)));
  }
  return files;
}

/** Queries whose answers must not depend on how the index was built. */
const QUERIES = ['许达哲', '会议', '疫情防控', '联防联控机制', '核酸 -许达哲', '"COVID-19 疫情"', '新报道', '改写后的一句', '台湾同胞', '許達哲'];

describe('rebuilding into the same folder', () => {
  /** Indexes each list of articles in turn into one folder, asking `check` about each index before the next is written over it. */
  const rebuild = async (steps: SearchableArticle[][], check: (index: Awaited<ReturnType<typeof indexOf>>, step: number) => Promise<void> = async () => undefined) => {
    const siteDir = mkdtempSync(path.join(scratch, 'site-'));
    const cache = new BuildCache(mkdtempSync(path.join(scratch, 'cache-')));
    const results = [];
    for (const [step, articles] of steps.entries()) {
      const index = await indexOf(articles, siteDir, cache);
      await check(index, step);
      results.push({ ...index, files: filesOf(path.join(siteDir, 'search', 'data')) });
    }
    return results;
  };
  const answers = async (engine: SearchEngine) => Promise.all(QUERIES.map((query) => found(engine, query)));
  const added = article('2021-08-04', '新报道', '一篇新报道，许达哲出席会议。');

  it('keeps every file of the earlier segment and writes the new article in a small one of its own, with the answers of an index made from scratch', async () => {
    const withNew = [...ARTICLES.slice(0, 3), added, ...ARTICLES.slice(3)];
    const [first, second] = await rebuild([ARTICLES, withNew]);
    expect(second!.result.segments.map((segment) => segment.docs)).toEqual([ARTICLES.length, 1]);
    expect(second!.result.indexed).toBe(1);
    for (const [file, bytes] of first!.files) if (file !== 'catalog.bin') expect(second!.files.get(file), file).toEqual(bytes);
    // Written: the new segment's files, the catalog; nothing of the old segment.
    const newFiles = [...second!.files.keys()].filter((file) => !first!.files.has(file));
    expect(second!.result.written).toBe(newFiles.length + 1);
    const scratchBuilt = await indexOf(withNew);
    expect(await answers(second!.engine)).toEqual(await answers(scratchBuilt.engine));
    expect(await found(second!.engine, '新报道')).toEqual([added.url]);
  });

  it('no longer finds an edited article by its old text, nor a removed one at all', async () => {
    const edited = { ...ARTICLES[2]!, body: { ...ARTICLES[2]!.body, sourceSha256: 'edited', plainText: '改写后的一句。', traditionalText: toHant('改写后的一句。') } };
    const steps = [ARTICLES, [...ARTICLES.slice(0, 2), edited, ...ARTICLES.slice(3)], [...ARTICLES.slice(0, 2), edited, ...ARTICLES.slice(3, 4)]];
    await rebuild(steps, async ({ engine }, step) => {
      if (step === 1) {
        expect(await found(engine, '流调溯源')).toEqual([]);
        expect(await found(engine, '改写后的一句')).toEqual([edited.url]);
      }
      if (step === 2) expect(await found(engine, '台湾同胞')).toEqual([]);
      const rebuilt = await answers(engine);
      const fromScratch = await answers((await indexOf(steps[step]!)).engine);
      QUERIES.forEach((query, at) => expect(rebuilt[at], `${query} after step ${step}`).toEqual(fromScratch[at]));
    });
  });

  it('writes one segment again once the recent articles are many', async () => {
    const many = Array.from({ length: MERGE_MIN + 1 }, (_, index) => article(`2021-09-${String(1 + (index % 28)).padStart(2, '0')}`, `第${index}篇`, `新增报道之${index}。`));
    const sorted = (list: SearchableArticle[]) => [...list].sort((a, b) => (a.date! < b.date! ? -1 : a.date! > b.date! ? 1 : 0));
    const everything = sorted([...ARTICLES, ...many]);
    const [, some, all] = await rebuild([ARTICLES, sorted([...ARTICLES, ...many.slice(0, MERGE_MIN)]), everything], async ({ engine }, step) => {
      if (step === 2) for (const query of ['新增报道之3', '新增报道', '许达哲']) expect(await found(engine, query), query).toEqual(expected(everything, query));
    });
    expect(some!.result.segments).toHaveLength(2);
    expect(all!.result.segments).toHaveLength(1);
    expect(all!.result.indexed).toBe(ARTICLES.length + many.length);
  });
});

describe('undated articles', () => {
  it('are found, filtered under 日期不详 and listed after the dated ones in either date order', async () => {
    const undated = { ...article('2021-01-01', '某地召开防控会议', '会议部署核酸检测工作。'), date: undefined };
    const { engine } = await indexOf([...ARTICLES, undated]);
    const state = await engine.search('核酸检测');
    const catalog = await engine.catalog();
    const urls = async (order: 'date-asc' | 'date-desc') => Promise.all(sortMatches(state.matches, order, catalog).map(async (match) => (await engine.doc(match.id)).url));
    expect((await urls('date-asc')).at(-1)).toBe(undated.url);
    expect((await urls('date-desc')).at(-1)).toBe(undated.url);
    const years = facetCounts(catalog, state.matches, {}).year!;
    expect(years.find((year) => year.label === '日期不详')?.count).toBe(1);
    expect(state.matches.filter((match) => passesFilters(catalog, match.id, { year: years.find((year) => year.label === '日期不详')!.value }))).toHaveLength(1);
  });
});
