import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Root } from 'hast';
import { draftArticle } from '../../src/ingest/article.ts';
import { blocks, textOf } from '../../src/ingest/blocks.ts';
import { type ArchiveData, loadArchiveData } from '../../src/ingest/data.ts';
import { ingestCapture, readCaptureFile } from '../../src/ingest/pipeline.ts';
import { emptyPageHead } from '../../src/ingest/steps/page-head.ts';
import { emptyMeta, type IngestState } from '../../src/ingest/types.ts';

export const ROOT = join(import.meta.dirname, '..', '..');
export const RAW = join(ROOT, 'content', 'raw');

let data: ArchiveData | undefined;
export function archiveData(): ArchiveData {
  data ??= loadArchiveData(join(ROOT, 'content', 'data'));
  return data;
}

/** Runs the whole pipeline on text or bytes, as if it were a file in content/raw. */
export function ingest(content: string | Uint8Array, name = 'content/raw/test.txt') {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  const ingested = ingestCapture(readCaptureFile(name, bytes), archiveData());
  const draft = draftArticle(ingested);
  return { ...ingested, draft, meta: ingested.state.meta, markdown: draft.markdown, body: bodyText(ingested.tree) };
}

export function seed(prefix: string) {
  const name = ['000_f95efc7f774b1d36.txt', '001_3fa034dd496bf0e7.txt', '002_fa9ed41a6c031e20.txt', '003_1f2945b8a6910abd.txt', '004_801534141de1b9ab.txt'].find((file) => file.startsWith(prefix))!;
  return ingest(readFileSync(join(RAW, name)), `content/raw/${name}`);
}

export function bodyText(tree: Root): string {
  return blocks(tree).map(textOf).join('\n');
}

/** The state of a capture before any step, for running one step on a hand-built tree. */
export function captureState(fields: Partial<IngestState> = {}): IngestState {
  return {
    capture: { path: 'content/raw/test.html', bytes: new Uint8Array(), sha256: '' },
    encoding: 'utf-8',
    shape: 'html',
    frontMatter: {},
    page: emptyPageHead(),
    originalScript: 'zh-Hans',
    meta: emptyMeta(),
    hints: {},
    ledger: [],
    fidelity: [],
    warnings: [],
    ...fields,
  };
}
