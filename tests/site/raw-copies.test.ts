import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rawFileUrl, type RawFile } from '../../src/site/archive.ts';
import iconv from 'iconv-lite';
import { publishRawCaptures } from '../../src/site/raw-copies.ts';

const work = mkdtempSync(path.join(tmpdir(), 'raw-copies-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('publishing the raw captures', () => {
  cpSync('content/raw', path.join(work, 'content', 'raw'), { recursive: true });
  const names = readdirSync(path.join(work, 'content', 'raw')).filter((name) => !name.startsWith('.'));
  const rawFiles = names.map((name): RawFile => {
    const absolute = path.join(work, 'content', 'raw', name);
    return { repoPath: `content/raw/${name}`, absolute, name, url: rawFileUrl(name), sha256: sha256(readFileSync(absolute)), encoding: 'utf-8', bytes: 0 };
  });
  const site = path.join(work, '_site');

  it('copies every capture byte for byte, and on the next build only the captures that changed', () => {
    expect(publishRawCaptures(rawFiles, site)).toEqual({ copied: names.length, utf8Copies: 0, problems: [] });
    for (const file of rawFiles) expect(readFileSync(path.join(site, 'raw', file.name))).toEqual(readFileSync(file.absolute));
    expect(publishRawCaptures(rawFiles, site).copied).toBe(0);

    // A capture replaced by another of the same size still differs in time.
    const changed = rawFiles[0]!.absolute;
    const bytes = readFileSync(changed);
    bytes[bytes.length - 1] = bytes[bytes.length - 1] === 0x0a ? 0x20 : 0x0a;
    writeFileSync(changed, bytes);
    utimesSync(changed, new Date(), new Date(Date.now() + 5000));
    const updated = [{ ...rawFiles[0]!, sha256: sha256(bytes) }, ...rawFiles.slice(1)];
    expect(publishRawCaptures(updated, site).copied).toBe(1);
    expect(readFileSync(path.join(site, 'raw', rawFiles[0]!.name))).toEqual(bytes);
  });

  it('publishes no capture whose bytes are not the ones its article cites, and says so', () => {
    const changed = rawFiles[1]!.absolute;
    writeFileSync(changed, `${readFileSync(changed, 'utf8')}档案员后来加的一行。\n`);
    const fresh = path.join(work, '_fresh');
    const result = publishRawCaptures([rawFiles[1]!], fresh);
    expect(result.copied).toBe(0);
    expect(result.problems).toEqual([expect.stringMatching(new RegExp(`^content/raw/${rawFiles[1]!.name}: .*SHA-256.*not published`))]);
    expect(readdirSync(path.join(fresh, 'raw'))).toEqual([]);
  });

  it('publishes a UTF-8 copy of a GB18030 capture beside its exact bytes, and writes it again only when the capture changes', () => {
    const text = '湖南省召开疫情防控工作会议。\r\n会议强调，要严防死守。\n';
    const absolute = path.join(work, 'content', 'raw', 'gb.txt');
    writeFileSync(absolute, iconv.encode(text, 'gb18030'));
    const file: RawFile = { repoPath: 'content/raw/gb.txt', absolute, name: 'gb.txt', url: rawFileUrl('gb.txt'), sha256: sha256(readFileSync(absolute)), encoding: 'gb18030', bytes: 0 };
    const fresh = path.join(work, '_gb');
    expect(publishRawCaptures([file], fresh)).toEqual({ copied: 1, utf8Copies: 1, problems: [] });
    expect(readFileSync(path.join(fresh, 'raw', 'gb.txt'))).toEqual(readFileSync(absolute));
    // With a byte-order mark, so that the copy reads as UTF-8 opened from the disk too; line ends as captured.
    expect(readFileSync(path.join(fresh, 'raw', 'utf-8', 'gb.txt'), 'utf8')).toBe(`\uFEFF${text}`);
    expect(publishRawCaptures([file], fresh)).toEqual({ copied: 0, utf8Copies: 0, problems: [] });
    rmSync(path.join(fresh, 'raw', 'utf-8', 'gb.txt'));
    expect(publishRawCaptures([file], fresh)).toEqual({ copied: 0, utf8Copies: 1, problems: [] });
  });
});
