import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import matter from 'gray-matter';
import { afterEach, describe, expect, it } from 'vitest';
import { type IngestOptions, runIngest } from '../../src/ingest/run.ts';
import { writeAtomic } from '../../src/support/atomic-write.ts';
import { RAW, ROOT } from './helpers.ts';

const SEEDS = readdirSync(RAW).sort();
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const made: string[] = [];

function workspace(captures: Record<string, string | Uint8Array> = {}, seeds: string[] = []) {
  const dir = mkdtempSync(join(tmpdir(), 'ingest-'));
  made.push(dir);
  mkdirSync(join(dir, 'raw'));
  for (const name of seeds) copyFileSync(join(RAW, name), join(dir, 'raw', name));
  for (const [name, content] of Object.entries(captures)) writeFileSync(join(dir, 'raw', name), content);
  const options: IngestOptions = {
    input: join(dir, 'raw'),
    output: join(dir, 'articles'),
    reports: join(dir, 'reports'),
    data: join(ROOT, 'content', 'data'),
    check: false,
    root: dir,
    today: '2026-11-30',
  };
  return { dir, options };
}

function articles(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const folder of ['articles', 'reports']) {
    for (const name of readdirSync(join(dir, folder)).sort()) out[`${folder}/${name}`] = readFileSync(join(dir, folder, name), 'utf8');
  }
  return out;
}

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('runIngest', { timeout: 60_000 }, () => {
  it('writes one article and one report per seed capture, named by date and slug', async () => {
    const { dir, options } = workspace({}, SEEDS);
    const outcome = await runIngest(options);
    expect(outcome.errors).toEqual([]);
    expect(outcome.articles).toBe(5);
    const names = readdirSync(join(dir, 'articles')).filter((name) => name.endsWith('.md'));
    expect(names.map((name) => name.slice(0, 10)).sort()).toEqual(['2020-02-14', '2021-07-28', '2021-08-04', '2021-08-09', '2021-12-11']);
    for (const name of names) {
      const { data } = matter(readFileSync(join(dir, 'articles', name), 'utf8'));
      expect(name).toBe(`${data.date}-${data.slug}.md`);
      expect(data.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(data.raw).toMatch(/^raw\/\d{3}_[0-9a-f]{16}\.txt$/);
      expect(data.rawSha256).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.parse(readFileSync(join(dir, data.report as string), 'utf8')).article).toBe(`articles/${name}`);
    }
  });

  it('produces the same bytes on every run, and leaves files alone when nothing changed', async () => {
    const first = workspace({}, SEEDS);
    const second = workspace({}, SEEDS);
    await runIngest(first.options);
    await runIngest(second.options);
    expect(articles(second.dir)).toEqual(articles(first.dir));
    const again = await runIngest(first.options);
    expect(again.written).toEqual([]);
    expect(again.unchanged).toBe(10);
  });

  it('matches the articles committed in content/articles (reviewed against the raw files)', async () => {
    const outcome = await runIngest({
      input: join(ROOT, 'content', 'raw'),
      output: join(ROOT, 'content', 'articles'),
      reports: join(ROOT, 'content', 'reports'),
      data: join(ROOT, 'content', 'data'),
      check: true,
      root: ROOT,
    });
    expect(outcome.differences).toEqual([]);
    expect(outcome.unchanged).toBe(10);
  });

  it('reports each unusable capture in one line and still ingests the rest', async () => {
    const { dir, options } = workspace(
      {
        'empty.txt': '',
        'blank.txt': '\n  \n',
        'image.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1]),
        'furniture.txt': '您所在的位置: 首页 > 新闻资讯 > 正文\n版权所有:沈丘县政府网2011-2025\n豫ICP备13003979号-1\n',
        'undated.txt': '一篇没有日期的稿件\n\n省委书记许达哲主持召开会议，部署疫情防控工作。他强调，要做好各项工作。\n',
        'huge.txt': Buffer.alloc(5 * 1024 * 1024, 0x41),
      },
      ['002_fa9ed41a6c031e20.txt'],
    );
    const outcome = await runIngest(options);
    // The undated capture has article text: it is archived undated, not refused.
    expect(outcome.articles).toBe(2);
    expect(outcome.errors).toEqual([
      'raw/blank.txt: empty file (only white space)',
      'raw/empty.txt: empty file',
      'raw/furniture.txt: no article text: everything in the capture is page furniture or headline',
      'raw/huge.txt: too large to be an article (5.0 MB; the limit is 4 MB)',
      'raw/image.png: binary file (contains NUL bytes), not a text capture',
    ]);
    expect(readdirSync(join(dir, 'articles')).filter((name) => name.endsWith('.md'))).toHaveLength(2);
  });

  it('makes one article of a capture saved twice, byte for byte or in GB18030, listing both captures', async () => {
    const original = readFileSync(join(RAW, '004_801534141de1b9ab.txt'));
    const { dir, options } = workspace({
      'a.txt': original,
      'b.txt': original,
      'c-gbk.txt': iconv.encode(original.toString('utf8'), 'gb18030'),
    });
    const outcome = await runIngest(options);
    expect(outcome.articles).toBe(1);
    const [name] = readdirSync(join(dir, 'articles')).filter((file) => file.endsWith('.md'));
    const { data } = matter(readFileSync(join(dir, 'articles', name!), 'utf8'));
    expect((data.captures as { raw: string; encoding: string }[]).map((capture) => [capture.raw, capture.encoding])).toEqual([
      ['raw/a.txt', 'utf-8'],
      ['raw/b.txt', 'utf-8'],
      ['raw/c-gbk.txt', 'gb18030'],
    ]);
  });

  it('makes one article of the same text captured from two sites, keeping both sites', async () => {
    const body =
      '许达哲主持召开会议部署疫情防控工作\n2021-08-04 18:00\n\n8月4日上午，省委书记许达哲主持召开会议，部署全省疫情防控工作。他强调，要进一步从严从快从紧从实从细抓好各项防控工作。\n\n省领导谢建辉、张剑飞出席会议。\n';
    const { dir, options } = workspace({
      'from-sina.txt': `${body}海量资讯、精准解读，尽在新浪财经APP\n`,
      'from-association.txt': `湖南省砂石协会欢迎您!   今天是:2024年5月17日  星期五\n${body}湖南省砂协\n`,
    });
    const outcome = await runIngest(options);
    expect(outcome.articles).toBe(1);
    const [name] = readdirSync(join(dir, 'articles')).filter((file) => file.endsWith('.md'));
    const { data } = matter(readFileSync(join(dir, 'articles', name!), 'utf8'));
    expect((data.captures as { site?: string }[]).map((capture) => capture.site)).toEqual(['湖南省砂石协会', '新浪财经']);
  });

  it('reports near-duplicates and keeps them as separate articles', async () => {
    const paragraph = (n: number) => `第${n}段：省委书记许达哲强调，要坚决打好疫情防控这场硬仗，切实做好第${n}项工作。`;
    const text = (extra: string) =>
      `疫情防控会议召开\n2021-08-04 18:00\n\n${[1, 2, 3, 4, 5, 6].map(paragraph).join('\n\n')}\n\n${extra}\n`;
    const { options } = workspace({ 'one.txt': text('毛伟明出席会议并讲话。'), 'two.txt': text('谢建辉出席会议并讲话，要求抓好落实。') });
    const outcome = await runIngest(options);
    expect(outcome.articles).toBe(2);
    expect(outcome.warnings).toEqual([expect.stringMatching(/^raw\/one\.txt: near-duplicate of raw\/two\.txt \(\d+% of sentences shared\); kept as two articles$/)]);
  });

  it('gives two different articles with the same title two files', async () => {
    const article = (sentence: string) => `疫情防控工作会议\n2021-08-04 18:00\n\n${sentence}\n`;
    const { dir, options } = workspace({
      'a.txt': article('8月4日，许达哲主持召开会议部署疫情防控工作，要求各地迅速行动。'),
      'b.txt': article('8月4日，毛伟明主持召开省安委会全体会议，部署安全生产工作。'),
    });
    expect((await runIngest(options)).articles).toBe(2);
    const names = readdirSync(join(dir, 'articles')).filter((file) => file.endsWith('.md'));
    expect(names).toHaveLength(2);
    expect(new Set(names.map((name) => matter(readFileSync(join(dir, 'articles', name), 'utf8')).data.slug)).size).toBe(2);
  });

  it('never overwrites a file that is in its way but that it did not write', async () => {
    const { dir, options } = workspace({}, ['004_801534141de1b9ab.txt']);
    await runIngest({ ...options, check: true });
    mkdirSync(join(dir, 'articles'), { recursive: true });
    const target = join(dir, 'articles', '2021-08-04-shengwei-lingdao-yan-du-yi-qing-fang-kong.md');
    writeFileSync(target, '档案员自己放的文件\n');
    const outcome = await runIngest(options);
    expect(readFileSync(target, 'utf8')).toBe('档案员自己放的文件\n');
    expect(outcome.errors).toEqual([
      'articles/2021-08-04-shengwei-lingdao-yan-du-yi-qing-fang-kong.md: not written: a file is there that ingest did not write or that was edited by hand; move it away and run ingest again',
    ]);
  });

  it('refuses to overwrite an edited article when ingest would change it', async () => {
    const { dir, options } = workspace({}, ['004_801534141de1b9ab.txt']);
    await runIngest(options);
    const [name] = readdirSync(join(dir, 'articles')).filter((file) => file.endsWith('.md'));
    const path = join(dir, 'articles', name!);
    const edited = readFileSync(path, 'utf8').replace('许达哲讲话。', '许达哲讲话（档案员改）。');
    writeFileSync(path, edited);
    const outcome = await runIngest(options);
    expect(readFileSync(path, 'utf8')).toBe(edited);
    expect(outcome.errors).toEqual([`articles/${name}: not written: a file is there that ingest did not write or that was edited by hand; move it away and run ingest again`]);
  });

  it('removes the article of a capture that was taken away, but only if nobody edited it', async () => {
    const { dir, options } = workspace({}, ['002_fa9ed41a6c031e20.txt', '004_801534141de1b9ab.txt']);
    await runIngest(options);
    rmSync(join(dir, 'raw', '002_fa9ed41a6c031e20.txt'));
    const outcome = await runIngest(options);
    expect(outcome.removed).toHaveLength(2);
    expect(readdirSync(join(dir, 'articles')).filter((file) => file.endsWith('.md'))).toHaveLength(1);
  });

  it('with --check, finds articles that differ from what ingest writes, and writes nothing', async () => {
    const { dir, options } = workspace({}, ['004_801534141de1b9ab.txt']);
    await runIngest(options);
    const [name] = readdirSync(join(dir, 'articles')).filter((file) => file.endsWith('.md'));
    const path = join(dir, 'articles', name!);
    writeFileSync(path, readFileSync(path, 'utf8').replace('会议现场。', '会场。'));
    const outcome = await runIngest({ ...options, check: true });
    expect(outcome.differences).toEqual([`articles/${name}: differs from what ingest writes now`]);
    expect(readFileSync(path, 'utf8')).toContain('会场。');
  });

  it('keeps a slug once given, so the URL stays when the title reading changes', async () => {
    const { dir, options } = workspace({ 'a.txt': '疫情防控工作会议\n2021-08-04 18:00\n\n8月4日，许达哲主持召开会议部署疫情防控工作。\n' });
    await runIngest(options);
    const manifestPath = join(dir, 'articles', '.ingest-manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    const [sha] = Object.keys(manifest.slugs);
    manifest.slugs[sha!] = 'an-older-slug';
    writeFileSync(manifestPath, JSON.stringify(manifest));
    await runIngest(options);
    expect(readdirSync(join(dir, 'articles')).filter((file) => file.endsWith('.md'))).toEqual(['2021-08-04-an-older-slug.md']);
  });
});

describe('the day an article joined the archive', { timeout: 60_000 }, () => {
  const CAPTURE_A = '疫情防控工作会议\n2021-08-04 18:00\n\n8月4日，许达哲主持召开会议部署疫情防控工作。\n';
  const CAPTURE_B = '郑州市疫情防控调度会议\n2021-08-09 20:00\n\n8月9日，郑州市召开疫情防控调度会议，安排核酸检测工作。\n';
  const addedOf = (dir: string) =>
    Object.fromEntries(
      readdirSync(join(dir, 'articles'))
        .filter((file) => file.endsWith('.md'))
        .map((file) => {
          const { data } = matter(readFileSync(join(dir, 'articles', file), 'utf8'));
          return [data.title as string, data.added as string];
        }),
    );

  it('records the day ingest first sees a capture, and keeps it on every later day', async () => {
    const { dir, options } = workspace({ 'a.txt': CAPTURE_A });
    await runIngest({ ...options, today: '2026-12-01' });
    expect(addedOf(dir)).toEqual({ 疫情防控工作会议: '2026-12-01' });
    writeFileSync(join(dir, 'raw', 'b.txt'), CAPTURE_B);
    const later = await runIngest({ ...options, today: '2026-12-05' });
    expect(later.written.filter((file) => file.endsWith('.md'))).toHaveLength(1);
    expect(later.written.filter((file) => file.endsWith('.md'))[0]).toMatch(/^articles\/2021-08-09-/);
    expect(addedOf(dir)).toEqual({ 疫情防控工作会议: '2026-12-01', 郑州市疫情防控调度会议: '2026-12-05' });
    const again = await runIngest({ ...options, today: '2026-12-09' });
    expect(again.written).toEqual([]);
    expect(addedOf(dir)).toEqual({ 疫情防控工作会议: '2026-12-01', 郑州市疫情防控调度会议: '2026-12-05' });
  });

  it('keeps the earlier day when the same article is captured again later', async () => {
    const { dir, options } = workspace({ 'a.txt': CAPTURE_A });
    await runIngest({ ...options, today: '2026-12-01' });
    writeFileSync(join(dir, 'raw', 'a-again.txt'), iconv.encode(CAPTURE_A, 'gb18030'));
    await runIngest({ ...options, today: '2026-12-07' });
    expect(addedOf(dir)).toEqual({ 疫情防控工作会议: '2026-12-01' });
  });

  it('keeps the day an article file says when the manifest lost it', async () => {
    const { dir, options } = workspace({ 'a.txt': CAPTURE_A });
    await runIngest({ ...options, today: '2026-12-01' });
    rmSync(join(dir, 'articles', '.ingest-manifest.json'));
    const again = await runIngest({ ...options, today: '2026-12-20' });
    expect(again.errors).toEqual([]);
    expect(addedOf(dir)).toEqual({ 疫情防控工作会议: '2026-12-01' });
    const manifest = JSON.parse(readFileSync(join(dir, 'articles', '.ingest-manifest.json'), 'utf8'));
    expect(Object.values(manifest.added)).toEqual(['2026-12-01']);
  });

  it('takes today from ARCHIVE_TODAY and refuses a value that is not a day', () => {
    const { dir } = workspace({ 'a.txt': CAPTURE_A });
    const cli = (today: string) =>
      spawnSync(TSX, [join(ROOT, 'src', 'ingest', 'cli.ts'), '--input', 'raw', '--output', 'articles', '--data', join(ROOT, 'content', 'data')], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, ARCHIVE_TODAY: today },
      });
    const refused = cli('2026-02-30');
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('ARCHIVE_TODAY="2026-02-30" is not a day of the calendar');
    expect(cli('2026-11-03').status).toBe(0);
    expect(addedOf(dir)).toEqual({ 疫情防控工作会议: '2026-11-03' });
  });
});

describe('large and repeated ingests', { timeout: 120_000 }, () => {
  it('writes the same files with worker threads as on one thread', async () => {
    const captures: Record<string, string> = {};
    for (let copy = 0; copy < 10; copy++) {
      for (const seed of SEEDS) {
        const lines = readFileSync(join(RAW, seed), 'utf8').trimEnd().split('\n');
        lines.splice(Math.max(lines.length - 1, 1), 0, `档案测试补记第${copy}号：本段为测试并行处理而加。`);
        captures[`${copy}-${seed}`] = lines.join('\n');
      }
    }
    const single = workspace(captures);
    const parallel = workspace(captures);
    await runIngest({ ...single.options, threads: 1 });
    const outcome = await runIngest({ ...parallel.options, threads: 2 });
    expect(outcome.articles).toBe(50);
    expect(articles(parallel.dir)).toEqual(articles(single.dir));
  });

  it('reuses the drafts of captures it has seen, until the ingest code or data change', async () => {
    const { dir, options } = workspace({}, ['004_801534141de1b9ab.txt']);
    const cached = { ...options, cache: join(dir, 'cache') };
    await runIngest(cached);
    const [draftFile] = readdirSync(join(dir, 'cache'), { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.json'));
    const draftPath = join(dir, 'cache', draftFile!);
    // Tamper with the cached draft: a second run must take the title from it, not from the raw file.
    writeFileSync(draftPath, readFileSync(draftPath, 'utf8').replace('省委领导严督疫情防控和安全生产', '缓存中的标题'));
    rmSync(join(dir, 'articles'), { recursive: true });
    await runIngest(cached);
    const [name] = readdirSync(join(dir, 'articles')).filter((file) => file.endsWith('.md'));
    expect(matter(readFileSync(join(dir, 'articles', name!), 'utf8')).data.title).toBe('缓存中的标题');
    // Other data: another fingerprint, so the capture is read again.
    const data = join(dir, 'data');
    mkdirSync(data);
    for (const file of readdirSync(options.data)) copyFileSync(join(options.data, file), join(data, file));
    writeFileSync(join(data, 'journalists.yaml'), `${readFileSync(join(data, 'journalists.yaml'), 'utf8')}- 新记者\n`);
    rmSync(join(dir, 'articles'), { recursive: true });
    await runIngest({ ...cached, data });
    const [again] = readdirSync(join(dir, 'articles')).filter((file) => file.endsWith('.md'));
    expect(matter(readFileSync(join(dir, 'articles', again!), 'utf8')).data.title).toBe('省委领导严督疫情防控和安全生产');
  });
});

describe('writeAtomic', () => {
  it('replaces the file whole and leaves no temporary file behind', async () => {
    const { dir } = workspace();
    const path = join(dir, 'out', 'a.md');
    writeAtomic(path, 'old');
    writeAtomic(path, 'new');
    expect(readFileSync(path, 'utf8')).toBe('new');
    expect(readdirSync(join(dir, 'out'))).toEqual(['a.md']);
  });
});

describe('the ingest command', { timeout: 60_000 }, () => {
  it('prints `<file>: <reason>` per bad capture without a stack trace, ingests the rest, and exits 1', async () => {
    const { dir } = workspace({ 'empty.txt': '' }, ['001_3fa034dd496bf0e7.txt']);
    const run = spawnSync(
      TSX,
      [join(ROOT, 'src', 'ingest', 'cli.ts'), '--input', 'raw', '--output', 'articles', '--data', join(ROOT, 'content', 'data')],
      { cwd: dir, encoding: 'utf8' },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('raw/empty.txt: empty file\n');
    expect(readdirSync(join(dir, 'articles')).filter((file) => file.endsWith('.md'))).toHaveLength(1);
  });

  it('exits 0 with --check when the articles are up to date, and 1 when one was edited', async () => {
    const { dir } = workspace({}, ['004_801534141de1b9ab.txt']);
    const cli = (...args: string[]) =>
      spawnSync(TSX, [join(ROOT, 'src', 'ingest', 'cli.ts'), '--input', 'raw', '--output', 'articles', '--data', join(ROOT, 'content', 'data'), ...args], {
        cwd: dir,
        encoding: 'utf8',
      });
    expect(cli().status).toBe(0);
    expect(cli('--check').status).toBe(0);
    const [name] = readdirSync(join(dir, 'articles')).filter((file) => file.endsWith('.md'));
    writeFileSync(join(dir, 'articles', name!), 'edited');
    const check = cli('--check');
    expect(check.status).toBe(1);
    expect(check.stderr).toContain(`articles/${name}: differs from what ingest writes now`);
  });

  it('reports a broken data file in one line and exits 2', async () => {
    const { dir } = workspace({}, ['004_801534141de1b9ab.txt']);
    mkdirSync(join(dir, 'data'));
    for (const file of readdirSync(join(ROOT, 'content', 'data'))) copyFileSync(join(ROOT, 'content', 'data', file), join(dir, 'data', file));
    writeFileSync(join(dir, 'data', 'places.yaml'), '- { name: 长沙, province: 湖南, level: city }\n');
    const run = spawnSync(TSX, [join(ROOT, 'src', 'ingest', 'cli.ts'), '--input', 'raw', '--output', 'articles', '--data', 'data'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(run.status).toBe(2);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]!.startsWith(`${join(dir, 'data', 'places.yaml')}: entry 1`)).toBe(true);
    expect(lines[0]).toContain('`level`');
  });
});

