/**
 * What the mojibake repairs cost: on clean text (the seeds and a synthetic corpus in their shapes,
 * src/bench/corpus.ts), where a cheap check must find nothing to do, and per megabyte on
 * adversarial lines (long repetitions of the character classes the rules look at, issue 15).
 * Times are CPU time of this process (process.cpuUsage), less noisy than wall time on a shared
 * machine. Prints Markdown tables.
 *
 * usage: npx tsx src/bench/repair-cost.ts [--captures N]
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadArchiveData } from '../ingest/data.ts';
import { decodeCapture } from '../ingest/decode.ts';
import { repairMisdecodedCapture } from '../ingest/mojibake/capture.ts';
import { garbledRuns, hasSuspectCharacters } from '../ingest/mojibake/evidence.ts';
import { ingestCapture, pipeline, readCaptureFile } from '../ingest/pipeline.ts';
import { repairMojibake } from '../ingest/steps/mojibake.ts';
import { generateCapture, loadSeeds } from './corpus.ts';
import { REPO_ROOT } from './measure.ts';

const { values } = parseArgs({ options: { captures: { type: 'string', default: '2000' } } });
const count = Number(values.captures);
if (!Number.isInteger(count) || count < 0) throw new Error(`--captures must be a whole number, got ${values.captures}`);

const RAW = path.join(REPO_ROOT, 'content', 'raw');
const MB = 1024 * 1024;

function cpu<T>(work: () => T): { result: T; seconds: number } {
  const start = process.cpuUsage();
  const result = work();
  const used = process.cpuUsage(start);
  return { result, seconds: (used.user + used.system) / 1e6 };
}

/** The three repair steps alone on one text: undoing wrong decodings, the GBK step on lines with `?`, the legibility check. */
function repairs(text: string): { redecode: number; gbk: number; legibility: number } {
  const redecode = cpu(() => repairMisdecodedCapture(text)).seconds;
  const lines = text.split('\n');
  const gbk = cpu(() => {
    for (const line of lines) if (line.includes('?')) repairMojibake(line);
  }).seconds;
  const legibility = cpu(() => {
    for (const line of lines) garbledRuns(line);
  }).seconds;
  return { redecode, gbk, legibility };
}

function cleanText(): void {
  const data = loadArchiveData(path.join(REPO_ROOT, 'content', 'data'));
  const processor = pipeline(data);
  const seeds = loadSeeds(RAW);
  const sets: { name: string; captures: { name: string; bytes: Buffer }[] }[] = [
    { name: 'the five seeds', captures: readdirSync(RAW).sort().map((name) => ({ name, bytes: readFileSync(path.join(RAW, name)) })) },
  ];
  if (count) {
    sets.push({
      name: `${count} synthetic captures`,
      captures: Array.from({ length: count }, (_, index) => {
        const capture = generateCapture(seeds, index);
        return { name: capture.name, bytes: Buffer.from(capture.content, 'utf8') };
      }),
    });
  }
  process.stdout.write(
    '\n## Clean text (each figure the second of two passes over the set)\n\n' +
      '| captures | MB | ingest, whole pipeline | undo wrong decodings: captures the cheap check passes | the others (signs worth a look) | GBK step | legibility | the three, share of ingest | repairs made |\n' +
      '|---|---|---|---|---|---|---|---|---|\n',
  );
  const twice = (work: () => void) => {
    work();
    return cpu(work).seconds;
  };
  for (const set of sets) {
    const megabytes = set.captures.reduce((sum, capture) => sum + capture.bytes.length / MB, 0);
    let refused = 0;
    let repaired = 0;
    const ingest = twice(() => {
      refused = 0;
      repaired = 0;
      for (const { name, bytes } of set.captures) {
        try {
          const result = ingestCapture(readCaptureFile(`content/raw/${name}`, bytes), data, processor);
          repaired += result.state.ledger.filter((entry) => entry.step === 'redecode' || entry.step === 'legibility').length;
        } catch {
          refused++;
        }
      }
    });
    const texts = set.captures.map((capture) => decodeCapture(capture.bytes).text);
    const passed = texts.filter((text) => !hasSuspectCharacters(text));
    const examined = texts.filter((text) => hasSuspectCharacters(text));
    const lines = texts.map((text) => text.split('\n'));
    const redecodePassed = twice(() => passed.forEach((text) => repairMisdecodedCapture(text)));
    const redecodeExamined = twice(() => examined.forEach((text) => repairMisdecodedCapture(text)));
    const gbk = twice(() => lines.forEach((list) => list.forEach((line) => line.includes('?') && repairMojibake(line))));
    const legibility = twice(() => lines.forEach((list) => list.forEach((line) => garbledRuns(line))));
    const size = (list: string[]) => list.reduce((sum, text) => sum + Buffer.byteLength(text, 'utf8') / MB, 0);
    const ms = (seconds: number, mb: number) => `${(seconds * 1000).toFixed(1)} ms (${mb ? ((seconds * 1000) / mb).toFixed(1) : '0'} ms/MB)`;
    const all = redecodePassed + redecodeExamined + gbk + legibility;
    process.stdout.write(
      `| ${set.name} | ${megabytes.toFixed(2)} | ${ms(ingest, megabytes)} | ${passed.length}: ${ms(redecodePassed, size(passed))} | ${examined.length}: ${ms(redecodeExamined, size(examined))} | ` +
        `${ms(gbk, megabytes)} | ${ms(legibility, megabytes)} | ${((all / ingest) * 100).toFixed(1)} % | ${repaired}${refused ? `, ${refused} refused` : ''} |\n`,
    );
  }
}

const CLASSES: [string, string][] = [
  ['`?a` repeated (issue 15)', '?a'],
  ['`?!` then rare characters', '?!倍偶液撩銊钇髽'],
  ['`當?shù)芈?lián)` repeated', '當?shù)芈?lián)'],
  ['UTF-8 read as Windows-1252', 'æ¹–å\u008d—çœ\u0081'],
  ['UTF-8 read as GBK', '婀栧崡鐪佽仈闃茶仈'],
  ['GBK read as Latin-1, with spaces', 'ÎÒÏØ×éÖ¯ '],
  ['`Äê` and a space', 'Äê '],
  ['rare characters', '鼷齉靐麤'],
  ['`锟斤拷` and a letter', '锟斤拷x'],
  ['U+FFFD and a letter', '\uFFFDa'],
  ['emoji', '😀'],
  ['C1 controls', '\u0081\u009d'],
  ['clean Chinese prose', '湖南省联防联控工作领导小组召开会议，省委书记许达哲主持。'],
];

/** Distinct windows: the Latin-1 letters and rare characters of a wrong reading, in random runs between ASCII. */
function randomMix(length: number): string {
  let seed = 20211211;
  const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) / 0x7fffffff;
  const alphabet = 'ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿ鼷婀栧崡鐪佽仈闃茶鎺у伐\uFFFD\u0081\uE000';
  let out = '';
  while (out.length < length) {
    const run = 2 + Math.floor(random() * 20);
    for (let index = 0; index < run; index++) out += alphabet[Math.floor(random() * alphabet.length)];
    out += ' ,.1a'[Math.floor(random() * 5)];
  }
  return out;
}

function adversarial(): void {
  process.stdout.write('\n## Adversarial lines of 1 MB (one line, UTF-8 size)\n\n| line | undo wrong decodings | GBK step | legibility |\n|---|---|---|---|\n');
  const lines: [string, string][] = CLASSES.map(([name, unit]) => [name, fill(unit)]);
  lines.push(['random runs of Latin-1 and rare characters', randomMix(MB / 2)]);
  for (const [name, line] of lines) {
    const megabytes = Buffer.byteLength(line, 'utf8') / MB;
    const each = repairs(line);
    const perMb = (seconds: number) => `${(seconds / megabytes).toFixed(2)} s/MB`;
    process.stdout.write(`| ${name} | ${perMb(each.redecode)} | ${perMb(each.gbk)} | ${perMb(each.legibility)} |\n`);
  }
}

function fill(unit: string): string {
  let line = unit;
  while (Buffer.byteLength(line, 'utf8') < MB) line += line;
  // Cut on a whole repetition of the unit, so that no character is split.
  return line.slice(0, Math.ceil((line.length * MB) / Buffer.byteLength(line, 'utf8') / unit.length) * unit.length);
}

process.stdout.write(`# Mojibake repair cost (CPU time, Node ${process.version})\n`);
cleanText();
adversarial();
