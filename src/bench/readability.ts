/**
 * The benchmark's peer: Mozilla Readability (the extractor of Firefox's reader view) over
 * linkedom's DOM, run on the same raw captures as ingest. It knows nothing of Chinese news pages
 * or of captures that are not HTML: each capture is decoded as ingest decodes it and given to it
 * as a page, whatever its shape. Benchmark only (devDependencies).
 *
 * usage: node --import tsx src/bench/readability.ts <folder of raw captures>
 * prints one line of JSON: captures read, bytes, articles Readability found, seconds.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { decodeCapture } from '../ingest/decode.ts';

export interface PeerArticle {
  title: string;
  text: string;
}

/** What Readability takes as the article of a page (undefined when it finds none). */
export function readabilityArticle(html: string): PeerArticle | undefined {
  // linkedom gives a fragment no <body>; a browser opening the file would put it in one.
  const { document } = parseHTML(/<html[\s>]/iu.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`);
  let article: ReturnType<Readability['parse']>;
  try {
    article = new Readability(document as unknown as Document).parse();
  } catch {
    return undefined;
  }
  if (!article) return undefined;
  // textContent joins paragraphs without a break; the DOM Readability returns keeps them apart.
  const { document: content } = parseHTML(`<!doctype html><html><body>${article.content ?? ''}</body></html>`);
  const text = blockText(content.body as unknown as Node);
  return { title: article.title ?? '', text };
}

const BLOCKS = new Set(['P', 'DIV', 'LI', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'TD', 'TH', 'TR', 'FIGCAPTION', 'FIGURE', 'PRE', 'BLOCKQUOTE', 'SECTION', 'ARTICLE', 'BR', 'UL', 'OL', 'TABLE']);

/** The text of a DOM, a line break at every block boundary. */
function blockText(root: Node): string {
  let out = '';
  const stack: (Node | '\n')[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node === '\n') {
      out += '\n';
      continue;
    }
    if (node.nodeType === 3) {
      out += node.textContent ?? '';
      continue;
    }
    const block = BLOCKS.has((node as Element).tagName ?? '');
    if (block) out += '\n';
    if (block) stack.push('\n');
    const children = [...node.childNodes];
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]!);
  }
  return out.replace(/[ \t]+/gu, ' ').replace(/\s*\n\s*/gu, '\n').trim();
}

/** Decodes a raw capture as ingest does (encoding by evidence), for the peer to read. */
export function decodedCapture(bytes: Uint8Array): string | undefined {
  try {
    return decodeCapture(bytes).text;
  } catch {
    return undefined;
  }
}

function main(folder: string): void {
  const started = performance.now();
  let captures = 0;
  let bytes = 0;
  let articles = 0;
  for (const name of readdirSync(folder).sort()) {
    const raw = readFileSync(path.join(folder, name));
    captures++;
    bytes += raw.length;
    const text = decodedCapture(raw);
    if (text !== undefined && readabilityArticle(text)) articles++;
  }
  process.stdout.write(`${JSON.stringify({ captures, bytes, articles, seconds: (performance.now() - started) / 1000 })}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const folder = process.argv[2];
  if (!folder) {
    process.stderr.write('usage: node --import tsx src/bench/readability.ts <folder of raw captures>\n');
    process.exit(2);
  }
  main(folder);
}
