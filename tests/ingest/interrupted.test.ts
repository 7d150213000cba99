import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RAW, ROOT } from './helpers.ts';

// Node itself with tsx loaded, not the tsx command: the command runs ingest in a child process of
// its own, which a kill of the command leaves running (and writing) after the test.
const NODE_TSX = ['--import', import.meta.resolve('tsx')];
const CLI = join(ROOT, 'src', 'ingest', 'cli.ts');
const dir = mkdtempSync(join(tmpdir(), 'ingest-kill-'));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function snapshot(): Map<string, string> {
  const files = new Map<string, string>();
  for (const folder of ['articles', 'reports']) {
    for (const name of readdirSync(join(dir, folder))) {
      if (!name.includes('.tmp')) files.set(`${folder}/${name}`, readFileSync(join(dir, folder, name), 'utf8'));
    }
  }
  return files;
}

function ingest(data: string, killAfter?: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...NODE_TSX, CLI, '--input', 'raw', '--output', 'articles', '--data', data], {
      cwd: dir,
      stdio: 'ignore',
      // One day for every run: a run that crossed midnight would otherwise date new articles differently.
      env: { ...process.env, ARCHIVE_TODAY: '2026-11-30' },
    });
    const timer = killAfter === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfter);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

describe('an interrupted ingest', { timeout: 180_000 }, () => {
  it('leaves every article either as it was or as it should become, never torn', async () => {
    mkdirSync(join(dir, 'raw'));
    const seeds = readdirSync(RAW).sort();
    for (let copy = 0; copy < 12; copy++) {
      for (const seed of seeds) {
        const text = readFileSync(join(RAW, seed), 'utf8');
        // Each copy is a different article: one more sentence of its own before the last line.
        const lines = text.trimEnd().split('\n');
        lines.splice(Math.max(lines.length - 1, 1), 0, `档案测试补记第${copy}号：本段为测试中断写入而加。`);
        writeFileSync(join(dir, 'raw', `${copy}-${seed}`), lines.join('\n'));
      }
    }
    cpSync(join(ROOT, 'content', 'data'), join(dir, 'old-data'), { recursive: true });
    cpSync(join(ROOT, 'content', 'data'), join(dir, 'new-data'), { recursive: true });
    const furniture = join(dir, 'new-data', 'furniture.yaml');
    writeFileSync(furniture, readFileSync(furniture, 'utf8').replace('label: 版权信息', 'label: 版权信息（新）').replace('label: 导航路径', 'label: 导航路径（新）'));

    await ingest('old-data');
    const before = snapshot();
    expect(before.size).toBeGreaterThan(100);
    // What the new data should produce, computed in a scratch copy.
    cpSync(dir, `${dir}-expected`, { recursive: true });
    await new Promise<void>((resolve) =>
      spawn(process.execPath, [...NODE_TSX, CLI, '--input', 'raw', '--output', 'articles', '--data', 'new-data'], { cwd: `${dir}-expected`, stdio: 'ignore' }).on('exit', () => resolve()),
    );
    const after = new Map<string, string>();
    for (const folder of ['articles', 'reports']) {
      for (const name of readdirSync(join(`${dir}-expected`, folder))) after.set(`${folder}/${name}`, readFileSync(join(`${dir}-expected`, folder, name), 'utf8'));
    }
    rmSync(`${dir}-expected`, { recursive: true, force: true });
    expect([...after].filter(([file, content]) => before.get(file) !== content).length).toBeGreaterThan(10);

    for (const delay of [700, 1100, 1500, 1900, 2300, 2700, 3100]) {
      await ingest('new-data', delay);
      for (const [file, content] of snapshot()) {
        expect([before.get(file), after.get(file)]).toContain(content);
      }
    }
    await ingest('new-data');
    expect(snapshot()).toEqual(after);
  });
});
