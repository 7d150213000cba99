/** Reading a built site: its files, and the links and resources each HTML page refers to. */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import { visit } from 'unist-util-visit';
import type { Element, Root } from 'hast';

export async function listFiles(dir: string, base = dir): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files = await Promise.all(
    entries.map((entry) => {
      const full = path.join(dir, entry.name);
      return entry.isDirectory() ? listFiles(full, base) : Promise.resolve([path.relative(base, full)]);
    }),
  );
  return files.flat().sort();
}

export async function htmlPages(dir: string): Promise<string[]> {
  return (await listFiles(dir)).filter((file) => file.endsWith('.html'));
}

const parser = unified().use(rehypeParse);

export function parseHtml(html: string): Root {
  return parser.parse(html) as Root;
}

export async function readPage(dir: string, file: string): Promise<Root> {
  return parseHtml(await readFile(path.join(dir, file), 'utf8'));
}

export function elements(tree: Root, test: (element: Element) => boolean): Element[] {
  const found: Element[] = [];
  visit(tree, 'element', (node: Element) => {
    if (test(node)) found.push(node);
  });
  return found;
}

export function attribute(element: Element, name: string): string | undefined {
  const value = element.properties[name];
  if (value === undefined || value === null) return undefined;
  return Array.isArray(value) ? value.join(' ') : String(value);
}

/** Every URL a page links to or loads: href, src, action, plus the data-* URL of the search index. */
export function referencedUrls(tree: Root): { url: string; tag: string; attribute: string }[] {
  const urls: { url: string; tag: string; attribute: string }[] = [];
  visit(tree, 'element', (node: Element) => {
    for (const name of ['href', 'src', 'action', 'dataIndex', 'dataEditionRoot']) {
      const value = attribute(node, name);
      if (value !== undefined) urls.push({ url: value, tag: node.tagName, attribute: name });
    }
  });
  return urls;
}

/** Site-relative file path for a root-relative URL under `pathPrefix`, or undefined if it is outside the site. */
export function fileForUrl(url: string, pathPrefix: string): string | undefined {
  const pathname = decodeURIComponent(new URL(url, 'http://site.invalid').pathname);
  if (!pathname.startsWith(pathPrefix)) return undefined;
  const inside = pathname.slice(pathPrefix.length);
  return inside === '' || inside.endsWith('/') ? `${inside}index.html` : inside;
}

export function pageUrlFor(file: string): string {
  return `/${file.replace(/index\.html$/, '')}`;
}

/** Every file of a built site with the time it was last written. */
export async function writeTimes(dir: string): Promise<Map<string, number>> {
  const files = await listFiles(dir);
  return new Map(await Promise.all(files.map(async (file) => [file, (await stat(path.join(dir, file))).mtimeMs] as [string, number])));
}

/** The files of `dir` that are new or were written again since `before` (writeTimes) was taken. */
export async function writtenSince(dir: string, before: Map<string, number>): Promise<string[]> {
  const now = await writeTimes(dir);
  return [...now].filter(([file, time]) => before.get(file) !== time).map(([file]) => file);
}
