/**
 * The benchmark's synthetic corpus must be worth measuring: every capture ingests like its seed,
 * none is merged with another as a duplicate, and the timeline and titles spread. Figures of time
 * are never asserted here; the benchmark only reports them.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import matter from 'gray-matter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chineseNumber, generateCapture, loadSeeds, shiftDates, splitSentences, writeCorpus } from '../../src/bench/corpus.ts';

const run = promisify(execFile);

const REPO = path.resolve(import.meta.dirname, '..', '..');
const SEEDS = path.join(REPO, 'content', 'raw');
const COUNT = 50;

describe('synthetic corpus', () => {
  let work: string;
  /** What `npm run ingest` printed: its summary line, and one line per failed capture or warning. */
  let ingest: { code: number; stdout: string; failures: string[] };
  const articles = new Map<string, Record<string, unknown>>();
  const reports = new Map<string, { captures: { shape: string; entries: { step: string; action: string }[] }[] }>();

  beforeAll(async () => {
    work = mkdtempSync(path.join(tmpdir(), 'bench-corpus-'));
    const content = path.join(work, 'content');
    writeCorpus({ seedsDir: SEEDS, dataDir: path.join(REPO, 'content', 'data'), contentDir: content, count: COUNT });
    // Through the command line, as the benchmark runs it (its flags are the contract), with the
    // temporary folder as cwd so that ingest's .cache lands there and not in the repository.
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
    const args = ['--import', tsx, path.join(REPO, 'src', 'ingest', 'cli.ts'), '--input', 'content/raw', '--output', 'content/articles', '--reports', 'content/reports', '--data', 'content/data'];
    try {
      const { stdout, stderr } = await run(process.execPath, args, { cwd: work, maxBuffer: 64 * 1024 * 1024 });
      ingest = { code: 0, stdout, failures: stderr.split('\n').filter((line) => line.trim() && !line.startsWith('warning: ')) };
    } catch (error) {
      const failed = error as { code?: number; stdout?: string; stderr?: string };
      ingest = { code: failed.code ?? -1, stdout: failed.stdout ?? '', failures: (failed.stderr ?? '').split('\n').filter((line) => line.trim() && !line.startsWith('warning: ')) };
    }
    for (const name of readdirSync(path.join(content, 'articles')).filter((file) => file.endsWith('.md'))) {
      const front = matter(readFileSync(path.join(content, 'articles', name), 'utf8')).data as Record<string, unknown>;
      articles.set(path.basename(String(front.raw)), front);
      reports.set(path.basename(String(front.raw)), JSON.parse(readFileSync(path.join(work, String(front.report)), 'utf8')));
    }
  }, 120_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('names captures by index and content hash, five shapes in turn', () => {
    const names = readdirSync(path.join(work, 'content', 'raw')).sort();
    expect(names).toHaveLength(COUNT);
    for (const name of names) expect(name).toMatch(/^\d{6}_[0-9a-f]{16}\.txt$/);
    expect(names[0]).toMatch(/^000000_/);
    expect(readdirSync(path.join(work, 'content', 'data')).sort()).toEqual(readdirSync(path.join(REPO, 'content', 'data')).sort());
  });

  it('is deterministic: capture i is the same whatever the corpus size', () => {
    const seeds = loadSeeds(SEEDS);
    const first = generateCapture(seeds, 7);
    const again = generateCapture(loadSeeds(SEEDS), 7);
    expect(again).toEqual(first);
    expect(readFileSync(path.join(work, 'content', 'raw', first.name), 'utf8')).toBe(first.content);
  });

  it('ingests every capture without error, and merges none as a duplicate', () => {
    expect(ingest.failures).toEqual([]);
    expect(ingest.code).toBe(0);
    expect(articles.size).toBe(COUNT);
  });

  it('dates each article on the meeting day the generator chose, spread over 2020–2021', () => {
    const seeds = loadSeeds(SEEDS);
    const dates: string[] = [];
    for (let index = 0; index < COUNT; index++) {
      const capture = generateCapture(seeds, index);
      const front = articles.get(capture.name);
      expect(front?.date, capture.name).toBe(capture.meeting);
      expect(String(front?.published) >= capture.meeting).toBe(true);
      dates.push(capture.meeting);
    }
    expect(new Set(dates).size).toBeGreaterThan(COUNT * 0.8);
    expect(dates.some((date) => date.startsWith('2020-'))).toBe(true);
    expect(dates.some((date) => date.startsWith('2021-'))).toBe(true);
    for (const date of dates) expect(date >= '2020-01-01' && date <= '2021-12-31').toBe(true);
  });

  it('gives every article its own title and slug', () => {
    const fronts = [...articles.values()];
    expect(new Set(fronts.map((front) => front.title)).size).toBe(COUNT);
    expect(new Set(fronts.map((front) => front.slug)).size).toBe(COUNT);
  });

  it('keeps the work of each seed: shapes, markup, mojibake repairs and pinyin in play', () => {
    const seeds = loadSeeds(SEEDS);
    const bySeed = new Map<string, { shape: string; steps: Set<string> }>();
    for (let index = 0; index < 5; index++) {
      const capture = generateCapture(seeds, index);
      const report = reports.get(capture.name)!.captures[0]!;
      bySeed.set(capture.seed, { shape: report.shape, steps: new Set(report.entries.map((entry) => `${entry.step}/${entry.action}`)) });
    }
    expect(bySeed.get('000')?.shape).toBe('hexo-html');
    expect(bySeed.get('000')?.steps.has('furniture/unwrapped')).toBe(true);
    expect(bySeed.get('000')?.steps.has('front-matter/moved')).toBe(true);
    expect(bySeed.get('003')?.steps.has('mojibake/repaired')).toBe(true);
    expect(bySeed.get('003')?.steps.has('pinyin/removed')).toBe(true);
    expect(bySeed.get('003')?.steps.has('sections/moved')).toBe(true);
    expect(bySeed.get('002')?.steps.has('images/moved')).toBe(true);
    for (const seed of ['001', '002', '003', '004']) expect(bySeed.get(seed)?.shape).toBe('text');
  });

  it('varies the body: captures of one seed differ in their sentences, not only in the marker', () => {
    const seeds = loadSeeds(SEEDS);
    const sentences = (index: number) => generateCapture(seeds, index).content.split('\n').flatMap((line) => splitSentences(line).sentences);
    const a = sentences(1);
    const b = sentences(6);
    const shared = a.filter((sentence) => b.includes(sentence)).length;
    expect(shared).toBeLessThan(a.length - 1);
  });
});

describe('corpus helpers', () => {
  it('writes numbers in Chinese numerals', () => {
    expect(chineseNumber(1)).toBe('一');
    expect(chineseNumber(12)).toBe('十二');
    expect(chineseNumber(110)).toBe('一百一十');
    expect(chineseNumber(1010)).toBe('一千零一十');
    expect(chineseNumber(10001)).toBe('一万零一');
    expect(chineseNumber(23456, 'hant')).toBe('二萬三千四百五十六');
  });

  it('moves every 2020–2021 date by the same number of days, in its own written form', () => {
    const text = 'date: Thu, 29 Jul 2021 08:06:09 GMT\n时间:2021-12-13\n2021/8/9 16:17\n12月11日,会议\n2025年5月29日 星期四\n0214株洲.jpg';
    expect(shiftDates(text, 3, 2021)).toBe('date: Sun, 01 Aug 2021 08:06:09 GMT\n时间:2021-12-16\n2021/8/12 16:17\n12月14日,会议\n2025年5月29日 星期四\n0217株洲.jpg');
  });

  it('splits sentences but keeps a quotation whole', () => {
    const { sentences, tail } = splitSentences('他说：“甲。乙。”丙。丁(柳柯)');
    expect(sentences).toEqual(['他说：“甲。乙。”丙。']);
    expect(tail).toBe('丁(柳柯)');
  });
});
