import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runIngest } from '../../src/ingest/run.ts';

// What the file system refuses (a full disk, a folder where a file goes) is one line naming the
// file; the other files are written, and nothing is left behind that a later run does not clean.

/** Writes whose path contains this fail as on a full disk, after writing part of the file. */
const disk = vi.hoisted(() => ({ fullFor: undefined as string | undefined }));
vi.mock('node:fs/promises', async (original) => {
  const fs = await original<typeof import('node:fs/promises')>();
  const writeFile: typeof fs.writeFile = async (path, data, options) => {
    if (disk.fullFor && String(path).includes(disk.fullFor)) {
      await fs.writeFile(path, String(data).slice(0, 10), options);
      throw Object.assign(new Error(`ENOSPC: no space left on device, write`), { code: 'ENOSPC', errno: -28, syscall: 'write' });
    }
    return fs.writeFile(path, data, options);
  };
  return { ...fs, default: { ...fs, writeFile }, writeFile };
});

const ROOT = join(import.meta.dirname, '..', '..');
const RAW = join(ROOT, 'content', 'raw');
const made: string[] = [];

afterEach(() => {
  disk.fullFor = undefined;
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function workspace() {
  const dir = mkdtempSync(join(tmpdir(), 'ingest-fs-'));
  made.push(dir);
  mkdirSync(join(dir, 'raw'));
  for (const name of readdirSync(RAW)) copyFileSync(join(RAW, name), join(dir, 'raw', name));
  return { dir, options: { input: join(dir, 'raw'), output: join(dir, 'articles'), reports: join(dir, 'reports'), data: join(ROOT, 'content', 'data'), check: false, root: dir } };
}

const articles = (dir: string) => readdirSync(join(dir, 'articles')).filter((name) => name.endsWith('.md')).sort();

describe('file-system errors', { timeout: 60_000 }, () => {
  it('names the file a full disk stopped, writes the others, and leaves no temporary file', async () => {
    const { dir, options } = workspace();
    disk.fullFor = 'hunan-diaodu';
    const outcome = await runIngest(options);
    expect(outcome.errors).toEqual([
      'articles/2021-07-28-hunan-diaodu-yi-qing-fang-kong-gongzuo.md: not written: ENOSPC: no space left on device',
      'reports/hunan-diaodu-yi-qing-fang-kong-gongzuo.json: not written: ENOSPC: no space left on device',
    ]);
    expect(articles(dir)).toHaveLength(4);
    expect(readdirSync(join(dir, 'articles')).filter((name) => name.endsWith('.tmp'))).toEqual([]);

    // Space again: the next run writes what is missing.
    disk.fullFor = undefined;
    const again = await runIngest(options);
    expect(again.errors).toEqual([]);
    expect(articles(dir)).toHaveLength(5);
  });

  it('cleans the hidden temporary files a run killed or stopped by a full disk left behind', async () => {
    const { dir, options } = workspace();
    await runIngest(options);
    // A pid no process has (pids stop far below 2^31 on Linux).
    for (const folder of ['articles', 'reports']) writeFileSync(join(dir, folder, `.2021-08-04-x.md.2147483646.tmp`), '半截');
    const outcome = await runIngest(options);
    expect(outcome.errors).toEqual([]);
    for (const folder of ['articles', 'reports']) expect(readdirSync(join(dir, folder)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('names the article file when a folder stands where it goes, and writes the others', async () => {
    const { dir, options } = workspace();
    mkdirSync(join(dir, 'articles', '2021-08-04-shengwei-lingdao-yan-du-yi-qing-fang-kong.md'), { recursive: true });
    const outcome = await runIngest(options);
    expect(outcome.errors).toEqual([expect.stringMatching(/^articles\/2021-08-04-shengwei-lingdao-yan-du-yi-qing-fang-kong\.md: not written: /)]);
    expect(articles(dir)).toHaveLength(5); // the folder, and the four others
    expect(readdirSync(join(dir, 'reports'))).toHaveLength(5);
  });
});
