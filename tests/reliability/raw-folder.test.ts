import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { publishedRawName } from '../../src/support/raw-names.ts';

// Whatever is in the raw folder besides captures is said, one line each, and a file's name cannot
// forge a line of the output: names that could are quoted.

const ROOT = join(import.meta.dirname, '..', '..');
const RAW = join(ROOT, 'content', 'raw');
const dir = mkdtempSync(join(tmpdir(), 'ingest-raw-folder-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the raw folder', { timeout: 60_000 }, () => {
  it('says in one line each what it does not read, quoting names that hold line breaks, and ingests the captures', () => {
    const raw = join(dir, 'raw');
    mkdirSync(raw);
    copyFileSync(join(RAW, '004_801534141de1b9ab.txt'), join(raw, '004_801534141de1b9ab.txt'));
    const long = `${'会'.repeat(83)}ab.txt`; // 255 bytes
    copyFileSync(join(RAW, '002_fa9ed41a6c031e20.txt'), join(raw, long));
    symlinkSync(join(raw, '004_801534141de1b9ab.txt'), join(raw, 'link-inside.txt'));
    symlinkSync('/etc/passwd', join(raw, 'link-outside.txt'));
    execFileSync('mkfifo', [join(raw, 'pipe.txt')]);
    mkdirSync(join(raw, 'sub'));
    copyFileSync(join(RAW, '001_3fa034dd496bf0e7.txt'), join(raw, 'sub', 'inner.txt'));
    writeFileSync(join(raw, '.gitkeep'), '');
    // Empty, so refused: its line must stay one line.
    writeFileSync(join(raw, 'empty.txt\nforged.txt: looks fine'), '');

    const run = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'src', 'ingest', 'cli.ts'), '--input', 'raw', '--output', 'articles', '--data', join(ROOT, 'content', 'data')], {
      cwd: dir,
      encoding: 'utf8',
    });
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines.sort()).toEqual(
      [
        '"raw/empty.txt\\nforged.txt: looks fine": empty file',
        'raw/link-inside.txt: symbolic link, not read: put the capture itself in the folder',
        'raw/link-outside.txt: symbolic link, not read: put the capture itself in the folder',
        'raw/pipe.txt: not a regular file (a FIFO), not read',
        'raw/sub: sub-folder, not read: captures go directly in raw',
        'warning: raw/.gitkeep: hidden file, not read as a capture',
        `warning: raw/${long}: file name of 255 bytes, longer than a published name may be (150); the site publishes the capture as ${publishedRawName(long)}`,
      ].sort(),
    );
    expect(run.status).toBe(1);
    expect(readdirSync(join(dir, 'articles')).filter((name) => name.endsWith('.md'))).toHaveLength(2);
  });
});
