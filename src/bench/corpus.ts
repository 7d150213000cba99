/**
 * Synthetic corpus for the benchmark: N raw captures in the five shapes of content/raw.
 *
 * Each synthetic capture is one of the five seeds (capture i uses seed i mod 5) with everything
 * that is not body text kept byte for byte — front matter, markup, page chrome, image lines,
 * captions, headings, credit lines, footers — so that ingest does the same kind of work on it as on
 * the seed. What changes:
 * - the body: every paragraph of two sentences or more keeps its first sentence (the lead, which
 *   carries the dateline and the 今天/N月N日 that dates the meeting) and any unterminated tail
 *   (credits such as 责任编辑蔡东海 or (柳柯)); its other sentences are replaced by a mix drawn
 *   from the same seed's own pool, so the script, the punctuation and the pinyin annotations stay
 *   those of the seed. Sentences that hold markup or GBK mojibake are always kept, in their own
 *   paragraph, so those repairs stay in play;
 * - a marker sentence that only this capture has, so that no two captures share their text and
 *   none is merged as a duplicate by ingest;
 * - the title (第N期, 第N次), so slugs and headlines differ;
 * - every date of 2020–2021 in the capture, moved by the same number of days, so the meeting days
 *   spread over 2020-01 … 2021-12 and stay consistent within a capture (date line, dateline,
 *   Hexo `date:`, timestamp line, N月N日 at paragraph starts, MMDD photo file names). Dates of other
 *   years (the day a page was retrieved, 2025年5月29日) are left alone.
 * Generation is deterministic: capture i depends only on the seeds, the PRNG seed and i, so a
 * corpus of 2,000 is the first 2,000 captures of a corpus of 10,000, and "one more capture" for
 * the incremental rebuild is simply capture N.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const DEFAULT_PRNG_SEED = 20200214;

/** What the generator must know about a seed that the text alone does not say. */
interface SeedSpec {
  /** File-name prefix of the seed in content/raw. */
  id: string;
  /** The meeting day the seed reports; every 2020–2021 date in it moves with it. */
  anchor: string;
  /** Days from the meeting to the last date the capture shows (its publication). */
  span: number;
  /** Body paragraphs are `<p>` lines of HTML (the Sina Hexo post) rather than lines of text. */
  markup: boolean;
  script: 'hans' | 'hant';
  /** The comma the seed writes (county pages and the Traditional mirror use ASCII ","). */
  comma: string;
  /** A new title for capture n, applied as text replacements on the whole capture. */
  retitle(text: string, n: number): string;
}

const SPECS: SeedSpec[] = [
  {
    // Hexo front matter + Sina HTML body.
    id: '000',
    anchor: '2021-07-28',
    span: 1,
    markup: true,
    script: 'hans',
    comma: '，',
    retitle: (text, n) => text.replace(/^(title: ')(.*)(')$/m, (_, open: string, title: string, close: string) => `${open}${title}（第${n}期）${close}`),
  },
  {
    // Plain text: title, timestamp, one run-on paragraph that lost its digits and its 、.
    // The title is repeated at the head of the paragraph and in the lead: all three change, in words.
    id: '001',
    anchor: '2021-08-09',
    span: 0,
    markup: false,
    script: 'hans',
    comma: '，',
    retitle: (text, n) => text.replaceAll('湖南省联防联控机制电视电话会议召开', `湖南省联防联控机制第${chineseNumber(n, 'hans')}次电视电话会议召开`),
  },
  {
    // Henan county page as text: chrome, breadcrumb, title, info line, indented body, photo lines, footer.
    id: '002',
    anchor: '2021-12-11',
    span: 2,
    markup: false,
    script: 'hans',
    comma: ',',
    retitle: (text, n) => text.replaceAll('第九次专题会议', `第${chineseNumber(n, 'hans')}次专题会议`),
  },
  {
    // Traditional mirror: pinyin annotations, photo file-name lines, sections, GBK mojibake.
    id: '003',
    anchor: '2020-02-14',
    span: 2,
    markup: false,
    script: 'hant',
    comma: ',',
    retitle: (text, n) => text.replace(/^(省領導分赴14市州督導檢查疫情防控工作)$/m, `$1（第${n}期）`),
  },
  {
    // Association page: two meetings on one page, captions, credits, footer.
    id: '004',
    anchor: '2021-08-04',
    span: 5,
    markup: false,
    script: 'hans',
    comma: '，',
    retitle: (text, n) => text.replace(/^(省委领导严督疫情防控和安全生产)$/m, `$1（第${n}期）`),
  },
];

/** A seed read and cut into what stays and what varies. */
export interface Seed {
  spec: SeedSpec;
  file: string;
  lines: Line[];
  /** Sentences that can fill any variable paragraph of this seed. */
  pool: string[];
}

type Line = { kind: 'fixed'; text: string } | Paragraph;

interface Paragraph {
  kind: 'paragraph';
  /** Markup and indentation before the text (`<p>　　`, two spaces). */
  prefix: string;
  lead: string;
  /** How many sentences follow the lead in the seed. */
  count: number;
  /** Sentences that must stay (markup, mojibake), in seed order. */
  forced: string[];
  /** Unterminated text after the last sentence (credits), kept at the end. */
  tail: string;
  /** `</p>` and what follows it on the line. */
  suffix: string;
}

export interface GeneratedCapture {
  index: number;
  seed: string;
  /** The meeting day the capture reports (YYYY-MM-DD): what ingest should read as its `date`. */
  meeting: string;
  name: string;
  content: string;
  bytes: number;
}

/** Reads the five seeds from a raw folder (content/raw): the files named 000_…, 001_… to 004_…. */
export function loadSeeds(rawDir: string): Seed[] {
  const names = readdirSync(rawDir);
  return SPECS.map((spec) => {
    const file = names.find((name) => name.startsWith(`${spec.id}_`));
    if (!file) throw new Error(`seed ${spec.id}_*.txt not found in ${rawDir}`);
    return parseSeed(spec, readFileSync(path.join(rawDir, file), 'utf8'), file);
  });
}

function parseSeed(spec: SeedSpec, text: string, file: string): Seed {
  const pool = new Set<string>();
  const lines: Line[] = text.split('\n').map((line) => {
    const paragraph = asParagraph(line, spec.markup);
    if (!paragraph) return { kind: 'fixed', text: line };
    for (const sentence of paragraph.variable) if (!isForced(sentence)) pool.add(sentence);
    const { variable, ...rest } = paragraph;
    return { ...rest, count: variable.length, forced: variable.filter(isForced) };
  });
  if (!lines.some((line) => line.kind === 'paragraph')) throw new Error(`seed ${file} has no body paragraph to vary`);
  return { spec, file, lines, pool: [...pool] };
}

/**
 * A body paragraph: a line whose text (inside `<p>` for HTML) is long and holds two sentences or
 * more. Short lines, single sentences and photo captions (…摄) stay as they are: they are headings,
 * captions, credits and furniture, whose handling the benchmark must keep.
 */
function asParagraph(line: string, markup: boolean): (Omit<Paragraph, 'count' | 'forced'> & { variable: string[] }) | undefined {
  let prefix: string;
  let body: string;
  let suffix = '';
  if (markup) {
    const match = /^(\s*<p>[\s\u3000]*)(.*?)(<\/p>.*)$/u.exec(line);
    if (!match) return undefined;
    [, prefix, body, suffix] = match as unknown as [string, string, string, string];
  } else {
    const match = /^([\s\u3000]*)(.*)$/u.exec(line)!;
    [, prefix, body] = match as unknown as [string, string, string];
  }
  if ([...body].length < 60 || /[摄攝][。.]?$/u.test(body)) return undefined;
  const { sentences, tail } = splitSentences(body);
  if (sentences.length < 2) return undefined;
  return { kind: 'paragraph', prefix, lead: sentences[0]!, variable: sentences.slice(1), tail, suffix };
}

/**
 * Sentences end at 。！？ (and the closing quotes right after), but never inside a quotation, so
 * that a quoted passage of several sentences moves as one and quotes stay paired. A paragraph
 * whose quotation never closes (mojibake ate the ”) is then one sentence, and stays whole.
 */
export function splitSentences(text: string): { sentences: string[]; tail: string } {
  const sentences: string[] = [];
  let depth = 0;
  let start = 0;
  const chars = [...text];
  let at = 0;
  let offset = 0;
  while (at < chars.length) {
    const char = chars[at]!;
    offset += char.length;
    at++;
    if (char === '“' || char === '「') depth++;
    else if ((char === '”' || char === '」') && depth > 0) depth--;
    if (depth === 0 && /[。！？]/u.test(char)) {
      while (at < chars.length && /[”’」』）)]/u.test(chars[at]!)) {
        if (chars[at] === '”' || chars[at] === '」') depth = Math.max(0, depth - 1);
        offset += chars[at]!.length;
        at++;
      }
      sentences.push(text.slice(start, offset));
      start = offset;
    }
  }
  return { sentences, tail: text.slice(start) };
}

/** Markup or the anchors of GBK mojibake (`?!倍…`, `當?shù)…`): these must keep their context. */
function isForced(sentence: string): boolean {
  return /<[a-z/]/i.test(sentence) || /\?[\x21-\x7e]/.test(sentence) || /\p{Script=Han}\?[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)/u.test(sentence);
}

/** Capture `index` of the corpus (0-based). */
export function generateCapture(seeds: Seed[], index: number, prngSeed = DEFAULT_PRNG_SEED): GeneratedCapture {
  const seed = seeds[index % seeds.length]!;
  const spec = seed.spec;
  const random = mulberry32((prngSeed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0);
  const n = index + 1;

  // The meeting day, uniform over 2020-01-01 … 2021-12-31 less the seed's span (publication stays in 2021).
  const first = dayNumber('2020-01-01');
  const last = dayNumber('2021-12-31') - spec.span;
  const meeting = first + Math.floor(random() * (last - first + 1));
  const delta = meeting - dayNumber(spec.anchor);

  // Between half and 85% of the pool: a distinct mix each time, and a capture nearly as long as its seed.
  const pool = shuffle([...seed.pool], random);
  const share = 0.5 + random() * 0.35;
  const paragraphs = seed.lines.filter((line): line is Paragraph => line.kind === 'paragraph');
  const markerAt = Math.floor(random() * paragraphs.length);
  const out = seed.lines.map((line) => {
    if (line.kind === 'fixed') return line.text;
    const quota = Math.max(1, Math.round(line.count * share), line.forced.length);
    const chosen = [...line.forced];
    while (chosen.length < quota && pool.length) chosen.push(pool.pop()!);
    shuffle(chosen, random);
    if (line === paragraphs[markerAt]) chosen.splice(Math.floor(random() * (chosen.length + 1)), 0, marker(n, spec));
    return `${line.prefix}${line.lead}${chosen.join('')}${line.tail}${line.suffix}`;
  });

  const content = shiftDates(spec.retitle(out.join('\n'), n), delta, Number(spec.anchor.slice(0, 4)));
  const bytes = Buffer.byteLength(content, 'utf8');
  const hash = createHash('sha256').update(content).digest('hex').slice(0, 16);
  return { index, seed: spec.id, meeting: fromDayNumber(meeting).toISOString().slice(0, 10), name: `${String(index).padStart(6, '0')}_${hash}.txt`, content, bytes };
}

export interface CorpusOptions {
  /** The seeds' folder (the repository's content/raw). */
  seedsDir: string;
  /** The content folder to fill: raw/ gets the captures, data/ a copy of dataDir; articles/ and reports/ are made empty. */
  contentDir: string;
  /** The reference data ingest needs (the repository's content/data). */
  dataDir: string;
  count: number;
  prngSeed?: number;
}

export interface CorpusSummary {
  captures: number;
  bytes: number;
  bySeed: Record<string, number>;
}

/** Writes captures 0 … count-1 into `<contentDir>/raw` and copies the reference data beside them. */
export function writeCorpus(options: CorpusOptions): CorpusSummary {
  const seeds = loadSeeds(options.seedsDir);
  for (const folder of ['raw', 'articles', 'reports']) mkdirSync(path.join(options.contentDir, folder), { recursive: true });
  cpSync(options.dataDir, path.join(options.contentDir, 'data'), { recursive: true });
  const summary: CorpusSummary = { captures: 0, bytes: 0, bySeed: {} };
  for (let index = 0; index < options.count; index++) {
    const capture = writeCapture(seeds, path.join(options.contentDir, 'raw'), index, options.prngSeed);
    summary.captures++;
    summary.bytes += capture.bytes;
    summary.bySeed[capture.seed] = (summary.bySeed[capture.seed] ?? 0) + 1;
  }
  return summary;
}

export function writeCapture(seeds: Seed[], rawDir: string, index: number, prngSeed?: number): GeneratedCapture {
  const capture = generateCapture(seeds, index, prngSeed);
  writeFileSync(path.join(rawDir, capture.name), capture.content);
  return capture;
}

// ---- the marker sentence

const MARKERS = {
  hans: ['截至目前，累计排查重点人员{n}人。', '当天，全省共完成核酸检测{n}人次。', '据统计，全省已累计接种新冠病毒疫苗{n}剂次。'],
  hant: ['截至目前，累計排查重點人員{n}人。', '當天，全省共完成核酸檢測{n}人次。', '據統計，全省已累計接種新冠病毒疫苗{n}劑次。'],
};

/**
 * One sentence only capture n has: a plausible figure written in Chinese numerals (a seed that
 * lost its digits would have lost Arabic ones too), in the seed's script and comma.
 */
function marker(n: number, spec: SeedSpec): string {
  const forms = MARKERS[spec.script];
  const form = forms[n % forms.length]!;
  return form.replace('{n}', chineseNumber(1000 + 37 * n, spec.script)).replace('，', spec.comma);
}

/** 1234 → 一千二百三十四, 10001 → 一万零一 (up to 99,999,999). */
export function chineseNumber(value: number, script: 'hans' | 'hant' = 'hans'): string {
  const digits = '零一二三四五六七八九';
  const units = ['', '十', '百', '千'];
  const section = (x: number): string => {
    let out = '';
    let zero = false;
    for (let place = 3; place >= 0; place--) {
      const digit = Math.floor(x / 10 ** place) % 10;
      if (digit === 0) {
        if (out) zero = true;
        continue;
      }
      if (zero) out += '零';
      zero = false;
      out += digits[digit]! + units[place]!;
    }
    return out;
  };
  if (!Number.isInteger(value) || value < 0 || value >= 1e8) throw new RangeError(`cannot write ${value} in Chinese numerals`);
  if (value === 0) return '零';
  const high = Math.floor(value / 10_000);
  const low = value % 10_000;
  let text = high ? section(high) + (script === 'hant' ? '萬' : '万') : '';
  if (low) text += (high && low < 1000 ? '零' : '') + section(low);
  // 十二, not 一十二, when the number starts with its tens.
  return text.startsWith('一十') ? text.slice(1) : text;
}

// ---- dates

const DAY = 86_400_000;

function dayNumber(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY);
}

function fromDayNumber(day: number): Date {
  return new Date(day * DAY);
}

function inRange(year: number): boolean {
  return year === 2020 || year === 2021;
}

/**
 * Moves every date of 2020–2021 in a capture by `delta` days: 2021-12-13, 2021/8/9, 2021年8月9日,
 * a year-less 8月4日 (read in `baseYear`, the seed's), the Hexo `date:` instant, and MMDD photo file
 * names (0214株洲企業2.jpg). Each keeps its written form (padding, separators).
 */
export function shiftDates(text: string, delta: number, baseYear: number): string {
  if (delta === 0) return text;
  const move = (year: number, month: number, day: number) => {
    const moved = fromDayNumber(Math.round(Date.UTC(year, month - 1, day) / DAY) + delta);
    return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
  };
  const pad = (value: number, like: string) => (like.length === 2 ? String(value).padStart(2, '0') : String(value));
  // A year-less month/day is read in the seed's year, so that it moves exactly like the full
  // dates beside it even across a 29 February.
  return text
    .replace(/^date:\s*(.+)$/m, (whole, value: string) => {
      const instant = Date.parse(value);
      return Number.isNaN(instant) ? whole : `date: ${new Date(instant + delta * DAY).toUTCString()}`;
    })
    .replace(/(20\d\d)([-/.])(\d{1,2})\2(\d{1,2})(?!\d)/g, (whole, y: string, sep: string, m: string, d: string) => {
      if (!inRange(Number(y))) return whole;
      const moved = move(Number(y), Number(m), Number(d));
      return `${moved.year}${sep}${pad(moved.month, m)}${sep}${pad(moved.day, d)}`;
    })
    .replace(/(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日/g, (whole, y: string | undefined, m: string, d: string) => {
      if (y && !inRange(Number(y))) return whole;
      const moved = move(y ? Number(y) : baseYear, Number(m), Number(d));
      return `${y ? `${moved.year}年` : ''}${moved.month}月${moved.day}日`;
    })
    .replace(/^([\s\u3000]*)(\d{2})(\d{2})(?=\S*\.(?:jpe?g|png|gif)\s*$)/gim, (whole, indent: string, m: string, d: string) => {
      const month = Number(m);
      const day = Number(d);
      if (month < 1 || month > 12 || day < 1 || day > 31) return whole;
      const moved = move(baseYear, month, day);
      return `${indent}${pad(moved.month, m)}${pad(moved.day, d)}`;
    });
}

// ---- randomness

/** A small seeded PRNG (mulberry32): the same corpus on every machine and every run. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}
