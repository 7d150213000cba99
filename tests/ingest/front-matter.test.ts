import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { FrontMatterRefused, readFrontMatter } from '../../src/ingest/front-matter.ts';
import { runIngest } from '../../src/ingest/run.ts';
import { CaptureError } from '../../src/ingest/types.ts';
import { ingest, RAW, ROOT } from './helpers.ts';

const BODY = '8月9日，省委书记许达哲主持召开会议，部署疫情防控工作。他强调，要抓好落实。\n';

/** Nine levels of nine aliases: a few hundred bytes that expand to 9^9 strings. */
function aliasBomb(): string {
  const lines = ['a: &a ["会议","会议","会议","会议","会议","会议","会议","会议","会议"]'];
  for (let level = 1; level < 9; level++) {
    const name = String.fromCharCode(97 + level);
    const previous = String.fromCharCode(96 + level);
    lines.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
  }
  return `---\ntitle: 会议召开\ndate: 2021-08-09 10:00:00\n${lines.join('\n')}\n---\n${BODY}`;
}

describe('front matter', () => {
  it('refuses an alias bomb in one line, without expanding it', () => {
    expect(() => readFrontMatter(aliasBomb())).toThrow(FrontMatterRefused);
    let error: unknown;
    try {
      ingest(aliasBomb(), 'content/raw/bomb.txt');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CaptureError);
    expect(`${(error as CaptureError).file}: ${(error as CaptureError).reason}`).toMatch(/^content\/raw\/bomb\.txt: front matter refused: its YAML aliases expand beyond \d+ nodes \(an alias bomb\)$/);
  });

  it('refuses, in one line, front matter far longer than any post’s metadata, before the YAML parser builds its tree', () => {
    const tags = Array.from({ length: 100_000 }, () => '会议').join(',');
    let error: unknown;
    try {
      ingest(`---\ntitle: 会议召开\ndate: 2021-08-09 10:00:00\ntags: [${tags}]\n---\n${BODY}`, 'content/raw/huge-front-matter.md');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CaptureError);
    expect(`${(error as CaptureError).file}: ${(error as CaptureError).reason}`).toMatch(/^content\/raw\/huge-front-matter\.md: front matter refused: [\d,]+ characters of YAML/u);
    // A long front matter that is still a post’s (a full summary) is read.
    const summary = '会议强调，要坚决落实各项防控措施。'.repeat(2_000);
    expect(readFrontMatter(`---\ntitle: 会议召开\nsummary: ${summary}\n---\n${BODY}`).data?.summary).toBe(summary);
  });

  it('still reads the few aliases and merge keys a real post may use, and its timestamps', () => {
    const read = readFrontMatter('---\ntitle: 会议召开\ndate: 2021-07-29 08:06:09\nbase: &base { site: 新浪财经 }\nsource:\n  <<: *base\n  page: 1\ntags: [&t 疫情, *t]\n---\n正文\n');
    expect(read.data).toEqual({ title: '会议召开', date: new Date('2021-07-29T08:06:09Z'), base: { site: '新浪财经' }, source: { site: '新浪财经', page: 1 }, tags: ['疫情', '疫情'] });
    expect(read.content).toBe('正文\n');
  });

  it('goes on with the rest of the batch when one capture is refused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ingest-bomb-'));
    try {
      mkdirSync(join(dir, 'raw'));
      writeFileSync(join(dir, 'raw', 'bomb.txt'), aliasBomb());
      copyFileSync(join(RAW, '004_801534141de1b9ab.txt'), join(dir, 'raw', '004_801534141de1b9ab.txt'));
      const outcome = await runIngest({ input: join(dir, 'raw'), output: join(dir, 'articles'), reports: join(dir, 'reports'), data: join(ROOT, 'content', 'data'), check: false, root: dir });
      expect(outcome.errors).toEqual([expect.stringMatching(/^raw\/bomb\.txt: front matter refused: /)]);
      expect(outcome.articles).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('replaces characters that are not text in every string, keys included, and says so in the fidelity notes', () => {
    const read = readFrontMatter('---\ntitle: "会议\\uD800召开\\u0001"\ntags: ["疫情\\uFFFF"]\n"键\\u0002": 值\n---\n正文\n');
    expect(read.data).toEqual({ title: '会议\uFFFD召开\uFFFD', tags: ['疫情\uFFFD'], '键\uFFFD': '值' });
    expect(read.replaced).toBe(4);

    const result = ingest(`---\ntitle: "湖南召开\\uD800疫情防控会议\\u0007"\ndate: 2021-08-09 10:00:00\n---\n${BODY}`, 'content/raw/surrogate.txt');
    expect(result.meta.title).not.toMatch(/[\uD800-\uDFFF\u0000-\u0008]/u);
    expect(result.state.fidelity.join('\n')).toMatch(/文章属性中有 2 个不是文字的字符/);
    const written = matter.stringify('', { title: result.meta.title });
    expect(Buffer.from(written, 'utf8').toString('utf8')).toBe(written);
  });

  it('never evaluates front matter written in another language', () => {
    const flag = globalThis as { frontMatterEvaluated?: boolean };
    const read = readFrontMatter('---js\n{ title: (globalThis.frontMatterEvaluated = true, "x") }\n---\n正文\n');
    expect(flag.frontMatterEvaluated).toBeUndefined();
    expect(read.data).toBeUndefined();
  });

  it('keeps a key named __proto__ as an ordinary key', () => {
    const read = readFrontMatter('---\n__proto__: { polluted: true }\ntitle: 会议\n---\n正文\n');
    expect(Object.getPrototypeOf(read.data)).toBe(Object.prototype);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    expect(Object.keys(read.data!)).toEqual(['__proto__', 'title']);
  });
});

