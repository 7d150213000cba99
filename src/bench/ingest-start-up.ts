/**
 * What an ingest worker pays before and for each capture, in CPU time (less disturbed than wall
 * time on a shared machine): loading the data files, building the national gazetteer, the
 * script-variant character tables, and then ingesting the captures of a folder over and over.
 *   node --import tsx src/bench/ingest-start-up.ts [rawDir] [dataDir] [rounds]
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadArchiveData } from '../ingest/data.ts';
import { ingestCapture, pipeline, readCaptureFile } from '../ingest/pipeline.ts';
import { hasTraditional } from '../ingest/script-variants.ts';

const [rawDir = 'content/raw', dataDir = 'content/data', roundsText = '50'] = process.argv.slice(2);
const rounds = Number(roundsText);
const cpu = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

let mark = cpu();
const lap = () => {
  const now = cpu();
  const spent = now - mark;
  mark = now;
  return spent;
};
const data = loadArchiveData(dataDir);
const load = lap();
void data.gazetteer;
const gazetteer = lap();
hasTraditional('');
const tables = lap();
const processor = pipeline(data);
const captures = readdirSync(rawDir)
  .filter((name) => !name.startsWith('.'))
  .map((name) => readCaptureFile(`content/raw/${name}`, readFileSync(path.join(rawDir, name))));
for (const capture of captures) ingestCapture(capture, data, processor);
const first = lap();
for (let round = 0; round < rounds; round++) for (const capture of captures) ingestCapture(capture, data, processor);
const perCapture = lap() / rounds / captures.length;
const format = (ms: number) => `${ms.toFixed(1)} ms`;
process.stdout.write(
  `data files ${format(load)}, gazetteer ${format(gazetteer)}, character tables ${format(tables)}, first pass over ${captures.length} captures ${format(first)}, then ${perCapture.toFixed(2)} ms a capture (${rounds} rounds)\n`,
);
