import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BuildCache } from '../../src/support/cache.ts';
import { sha256 } from '../../src/support/hash.ts';
import { prerenderArticles } from '../../src/site/render-pool.ts';
import { renderArticleFile, renderedArticlesArea } from '../../src/site/rendered-article.ts';

const work = mkdtempSync(path.join(tmpdir(), 'render-pool-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** `count` distinct article files made from the archive's own (each with a paragraph of its own). */
function articles(count: number): string {
  const contentDir = path.join(work, 'content');
  const articlesDir = path.join(contentDir, 'articles');
  mkdirSync(articlesDir, { recursive: true });
  const seeds = readdirSync('content/articles').filter((name) => name.endsWith('.md')).sort();
  for (let n = 0; n < count; n++) {
    const seed = seeds[n % seeds.length]!;
    writeFileSync(path.join(articlesDir, `${String(n).padStart(3, '0')}-${seed}`), `${readFileSync(path.join('content/articles', seed), 'utf8')}\n第 ${n} 段，只为让每个文件不同。\n`);
  }
  return contentDir;
}

describe('rendering articles on worker threads', () => {
  it('files in the build cache exactly what rendering on the main thread makes, for every article', async () => {
    const contentDir = articles(120);
    const cache = new BuildCache(path.join(work, 'cache'));
    expect(await prerenderArticles(contentDir, cache, 2)).toBe(120);

    const area = renderedArticlesArea(cache);
    const articlesDir = path.join(contentDir, 'articles');
    for (const name of readdirSync(articlesDir)) {
      const source = path.join(articlesDir, name);
      const bytes = readFileSync(source);
      const filed = area.read(sha256(bytes));
      expect(filed, name).toEqual(JSON.parse(JSON.stringify(renderArticleFile(bytes.toString('utf8'), source))));
    }
    // A second build finds them all and starts no worker.
    expect(await prerenderArticles(contentDir, cache, 2)).toBe(0);
  });
});
