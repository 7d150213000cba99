import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runIngest } from '../../src/ingest/run.ts';

// Ingest deletes the articles of captures that are gone. It must only ever delete (or write) in
// the folders it was given, whichever folder it runs from and wherever its manifest came from.

const ROOT = join(import.meta.dirname, '..', '..');
const RAW = join(ROOT, 'content', 'raw');
const DATA = join(ROOT, 'content', 'data');
const made: string[] = [];

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function contents(folder: string): Record<string, string> {
  return Object.fromEntries(readdirSync(folder).sort().map((name) => [name, readFileSync(join(folder, name), 'utf8')]));
}

describe('the folders ingest writes to', { timeout: 60_000 }, () => {
  it('ingesting into a copy of the articles folder leaves the original articles and reports alone', async () => {
    // A checkout: content/raw with the seeds, ingested as `npm run ingest` does from its root.
    const repo = mkdtempSync(join(tmpdir(), 'ingest-repo-'));
    made.push(repo);
    cpSync(RAW, join(repo, 'content', 'raw'), { recursive: true });
    const content = (folder: string) => join(repo, 'content', folder);
    const first = await runIngest({ input: content('raw'), output: content('articles'), reports: content('reports'), data: DATA, check: false, root: repo });
    expect(first.errors).toEqual([]);
    const articlesBefore = contents(content('articles'));
    const reportsBefore = contents(content('reports'));
    expect(Object.keys(articlesBefore).filter((name) => name.endsWith('.md'))).toHaveLength(5);

    // `cp -a content/articles ../copy/`, then one capture ingested into the copy, from the checkout.
    const copy = mkdtempSync(join(tmpdir(), 'ingest-copy-'));
    made.push(copy);
    cpSync(content('articles'), join(copy, 'articles'), { recursive: true });
    mkdirSync(join(copy, 'one'));
    const [capture] = readdirSync(RAW).sort();
    copyFileSync(join(RAW, capture!), join(copy, 'one', capture!));
    const second = await runIngest({ input: join(copy, 'one'), output: join(copy, 'articles'), reports: join(copy, 'reports'), data: DATA, check: false, root: repo });
    expect(second.errors).toEqual([]);

    expect(contents(content('articles'))).toEqual(articlesBefore);
    expect(contents(content('reports'))).toEqual(reportsBefore);
    // In the copy, the one capture's article is there and the others' were removed: the copy is ingest's to manage.
    expect(readdirSync(join(copy, 'articles')).filter((name) => name.endsWith('.md'))).toHaveLength(1);
    expect(second.removed.every((file) => file.startsWith(copy))).toBe(true);
  });

  it('never follows a manifest entry out of its folders', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ingest-manifest-'));
    made.push(dir);
    mkdirSync(join(dir, 'raw'));
    mkdirSync(join(dir, 'outside'));
    const [capture] = readdirSync(RAW).sort();
    copyFileSync(join(RAW, capture!), join(dir, 'raw', capture!));
    copyFileSync(join(RAW, capture!), join(dir, 'outside', 'kept.txt'));
    const options = { input: join(dir, 'raw'), output: join(dir, 'out', 'articles'), reports: join(dir, 'out', 'reports'), data: DATA, check: false, root: dir };
    await runIngest(options);
    // A manifest that claims a file outside (with the right hash, as if ingest had written it).
    const manifestPath = join(dir, 'out', 'articles', '.ingest-manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { files: Record<string, string> };
    const hash = createHash('sha256').update(readFileSync(join(dir, 'outside', 'kept.txt'), 'utf8')).digest('hex');
    for (const key of ['../../outside/kept.txt', join(dir, 'outside', 'kept.txt'), 'outside/kept.txt']) manifest.files[key] = hash;
    writeFileSync(manifestPath, JSON.stringify(manifest));
    const outcome = await runIngest(options);
    expect(outcome.errors).toEqual([]);
    expect(readdirSync(join(dir, 'outside'))).toEqual(['kept.txt']);
    expect(outcome.removed).toEqual([]);
  });
});
