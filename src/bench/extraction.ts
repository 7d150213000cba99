/**
 * Extraction evaluation: ingest and Mozilla Readability (src/bench/readability.ts) on every
 * capture case (tests/fixtures/captures/<case>/: a saved page and, in expected.yaml, what a reader
 * sees as its article), scored as trafilatura scores extraction (src/bench/extraction-score.ts):
 * the article's text is its body paragraphs and photo captions, each extractor's output all the
 * text it kept (ingest: every block of the article, captions included; Readability: its article's
 * text, converted to Simplified as ingest converts, since the cases give the article in
 * Simplified). Ingest's metadata is checked field by field against the case: title, event date,
 * published date, province.
 *
 * usage: npm run bench -- --extraction [--cases DIR]
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { blocks, textOf } from '../ingest/blocks.ts';
import { loadArchiveData } from '../ingest/data.ts';
import { ingestCapture, pipeline, readCaptureFile } from '../ingest/pipeline.ts';
import { simplified } from '../ingest/steps/script.ts';
import { CaptureError } from '../ingest/types.ts';
import { type ExtractionScore, scoreExtraction } from './extraction-score.ts';
import { decodedCapture, readabilityArticle } from './readability.ts';

const FIELDS = ['title', 'date', 'published', 'province'] as const;
type Field = (typeof FIELDS)[number];

export interface CaseResult {
  name: string;
  shape: string;
  ingest: ExtractionScore;
  readability: ExtractionScore;
  /** The metadata fields ingest got right, and what it read for the others. */
  metadata: Record<Field, { expected: string | null; got: string | null }>;
  readabilityTitle: boolean;
  refused?: string;
}

interface Expected {
  title: string;
  date: string | null;
  published: string | null;
  province: string;
  body: string;
  captions?: string[];
}

export function evaluateExtraction(casesDir: string, dataDir: string): CaseResult[] {
  const data = loadArchiveData(dataDir);
  const processor = pipeline(data);
  const names = readdirSync(casesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return names.map((name) => {
    const folder = path.join(casesDir, name);
    const capture = readdirSync(folder).find((file) => file.startsWith('capture.'))!;
    const bytes = readFileSync(path.join(folder, capture));
    const expected = parse(readFileSync(path.join(folder, 'expected.yaml'), 'utf8')) as Expected;
    const gold = [expected.body, ...(expected.captions ?? [])].join('\n');

    let output = '';
    let shape = '?';
    let refused: string | undefined;
    const got: Partial<Record<Field, string>> = {};
    try {
      const ingested = ingestCapture(readCaptureFile(`content/raw/${name}-${capture}`, bytes), data, processor);
      output = blocks(ingested.tree).map(textOf).join('\n');
      shape = ingested.state.shape;
      for (const field of FIELDS) if (ingested.state.meta[field]) got[field] = ingested.state.meta[field];
    } catch (error) {
      if (!(error instanceof CaptureError)) throw error;
      refused = error.reason;
    }
    const text = decodedCapture(bytes);
    const peer = text === undefined ? undefined : readabilityArticle(text);
    const metadata = Object.fromEntries(FIELDS.map((field) => [field, { expected: expected[field] ?? null, got: got[field] ?? null }])) as CaseResult['metadata'];
    return {
      name,
      shape,
      ingest: scoreExtraction(gold, output),
      readability: scoreExtraction(gold, simplified(peer?.text ?? '')),
      metadata,
      readabilityTitle: normalize(simplified(peer?.title ?? '')) === normalize(expected.title),
      ...(refused ? { refused } : {}),
    };
  });
}

function normalize(text: string): string {
  return text.replace(/\s+/gu, '');
}

const f = (value: number) => value.toFixed(3);

export function renderExtraction(results: CaseResult[]): string {
  const lines = ['| case | shape | ingest P / R / F1 | Readability P / R / F1 | ingest metadata wrong |', '| --- | --- | --- | --- | --- |'];
  for (const result of results) {
    const wrong = FIELDS.filter((field) => result.metadata[field].expected !== result.metadata[field].got).map(
      (field) => `${field} ${result.metadata[field].got ?? '—'} (${result.metadata[field].expected ?? '—'})`,
    );
    const ingest = `${f(result.ingest.precision)} / ${f(result.ingest.recall)} / ${f(result.ingest.f1)}${result.refused ? ` (refused: ${result.refused})` : ''}`;
    lines.push(`| ${result.name} | ${result.shape} | ${ingest} | ${f(result.readability.precision)} / ${f(result.readability.recall)} / ${f(result.readability.f1)} | ${wrong.join('; ') || '—'} |`);
  }
  const mean = (pick: (result: CaseResult) => number) => results.reduce((sum, result) => sum + pick(result), 0) / (results.length || 1);
  const fields = FIELDS.map((field) => {
    const right = results.filter((result) => result.metadata[field].expected === result.metadata[field].got).length;
    return { field, right };
  });
  const allRight = fields.reduce((sum, { right }) => sum + right, 0);
  lines.push('');
  lines.push(`${results.length} capture cases. Mean F1 of body text: ingest ${f(mean((result) => result.ingest.f1))}, Readability ${f(mean((result) => result.readability.f1))}.`);
  lines.push(
    `Ingest metadata: ${allRight} of ${results.length * FIELDS.length} fields right (${f(allRight / (results.length * FIELDS.length || 1))}): ${fields.map(({ field, right }) => `${field} ${right}/${results.length}`).join(', ')}. Readability's title: ${results.filter((result) => result.readabilityTitle).length}/${results.length}.`,
  );
  return lines.join('\n');
}
