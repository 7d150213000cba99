import { mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rawFileUrl, type RawFile } from '../../src/site/archive.ts';
import { publishRawCaptures } from '../../src/site/raw-copies.ts';

const work = mkdtempSync(path.join(tmpdir(), 'raw-copies-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('publishing the raw captures', () => {
  it('copies every capture byte for byte, and on the next build only the captures that changed', () => {
    cpSync('content/raw', path.join(work, 'content', 'raw'), { recursive: true });
    const names = readdirSync(path.join(work, 'content', 'raw')).filter((name) => !name.startsWith('.'));
    const rawFiles = names.map((name) => ({ repoPath: `content/raw/${name}`, url: rawFileUrl(`content/raw/${name}`) }) as RawFile);
    const site = path.join(work, '_site');

    expect(publishRawCaptures(rawFiles, work, site).copied).toBe(names.length);
    for (const file of rawFiles) expect(readFileSync(path.join(site, file.url))).toEqual(readFileSync(path.join(work, file.repoPath)));
    expect(publishRawCaptures(rawFiles, work, site).copied).toBe(0);

    // A capture replaced by another of the same size still differs in time.
    const changed = path.join(work, rawFiles[0]!.repoPath);
    const bytes = readFileSync(changed);
    bytes[bytes.length - 1] = bytes[bytes.length - 1] === 0x0a ? 0x20 : 0x0a;
    writeFileSync(changed, bytes);
    utimesSync(changed, new Date(), new Date(Date.now() + 5000));
    expect(publishRawCaptures(rawFiles, work, site).copied).toBe(1);
    expect(readFileSync(path.join(site, rawFiles[0]!.url))).toEqual(bytes);
  });
});
