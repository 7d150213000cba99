/**
 * The ingest → site contract (.scratch/CONTRACT.md): the shapes of article front matter,
 * audit reports and the reference data, checked at the boundary so a template never has to
 * guess whether a field exists.
 */

/** zh-Hant-HK and zh-Hant-TW: the capture was Hong Kong's or Taiwan's Traditional. */
export type Script = 'zh-Hans' | 'zh-Hant' | 'zh-Hant-HK' | 'zh-Hant-TW';
const SCRIPTS: readonly string[] = ['zh-Hans', 'zh-Hant', 'zh-Hant-HK', 'zh-Hant-TW'];

export interface CaptureRef {
  raw: string;
  rawSha256: string;
  encoding: string;
  site?: string;
}

export interface ArticleFrontMatter {
  title: string;
  originalTitle?: string;
  subtitle?: string;
  /**
   * Day of the meeting, YYYY-MM-DD; the timeline and the URL use it. Absent when the capture's
   * dates could not be read: the article is listed under 日期不详 (/undated/).
   */
  date?: string;
  /** Day of publication, YYYY-MM-DD, when the capture gives one. */
  published?: string;
  retrieved?: string;
  province: string;
  people: string[];
  places: string[];
  /** For each of `places`: province/prefecture/county (湖南/长沙/岳麓区), when ingest gives them. */
  placePaths?: string[];
  meetingType: string[];
  publisher?: string;
  site?: string;
  sourceUrl?: string;
  /** The dateline as printed, e.g. 湖南日报·新湖南客户端7月28日讯（记者 冒蕞 刘笑雪）. */
  dateline?: string;
  authors: string[];
  photographers?: string[];
  editors: string[];
  slug: string;
  raw: string;
  rawSha256: string;
  encoding: string;
  originalScript: Script;
  captures: CaptureRef[];
  report: string;
  fidelity: string[];
}

export interface ReportCapture {
  raw: string;
  rawSha256: string;
  encoding: string;
  shape?: string;
  bytes?: number;
}

export interface ReportEntry {
  step: string;
  rule?: string;
  /** Plain-language name of the rule, when ingest gives one. */
  label?: string;
  /** Which capture the entry is about, when the report lists several. */
  capture?: string;
  action: string;
  text?: string;
  field?: string;
  before?: string;
  after?: string;
  count?: number;
}

export interface AuditReport {
  slug: string;
  article: string;
  captures: ReportCapture[];
  characters: Record<string, number>;
  entries: ReportEntry[];
}

export interface Official {
  name: string;
  aliases: string[];
  province?: string;
  roles: string[];
}

export interface Place {
  name: string;
  aliases: string[];
  province?: string;
  parent?: string;
  level?: string;
}

export class ContractError extends Error {
  constructor(source: string, message: string) {
    super(`${source}: ${message}`);
    this.name = 'ContractError';
  }
}

type Fields = Record<string, unknown>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SHA256 = /^[0-9a-f]{64}$/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

class FieldReader {
  constructor(
    private readonly fields: Fields,
    private readonly source: string,
  ) {}

  fail(message: string): never {
    throw new ContractError(this.source, message);
  }

  string(key: string): string {
    const value = this.fields[key];
    if (typeof value !== 'string' || value.trim() === '') this.fail(`\`${key}\` must be a non-empty string`);
    return this.text(key, value);
  }

  optionalString(key: string): string | undefined {
    const value = this.fields[key];
    if (value === undefined || value === null || value === '') return undefined;
    if (typeof value !== 'string') this.fail(`\`${key}\` must be a string when present`);
    return this.text(key, value);
  }

  /**
   * A lone surrogate (a YAML `"\uD800"` escape) is no character: no page, feed or search index can
   * be written with it, and it would stop the whole build where it is met, far from this file.
   */
  private text(key: string, value: string): string {
    if (LONE_SURROGATE.test(value)) this.fail(`\`${key}\` holds a lone UTF-16 surrogate, which is not text`);
    return value;
  }

  day(key: string): string {
    // gray-matter turns unquoted dates into Date objects; the contract quotes them, but a
    // hand-edited file should not silently shift by a time zone.
    const value = this.fields[key];
    const text = value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value;
    if (typeof text !== 'string' || !DAY.test(text) || !isCalendarDay(text)) this.fail(`\`${key}\` must be a 'YYYY-MM-DD' date of the calendar`);
    return text;
  }

  optionalDay(key: string): string | undefined {
    return this.fields[key] === undefined || this.fields[key] === null ? undefined : this.day(key);
  }

  strings(key: string): string[] {
    const value = this.fields[key];
    if (value === undefined || value === null) this.fail(`\`${key}\` is required (use [] when empty)`);
    return this.stringList(key, value);
  }

  optionalStrings(key: string): string[] | undefined {
    const value = this.fields[key];
    return value === undefined || value === null ? undefined : this.stringList(key, value);
  }

  private stringList(key: string, value: unknown): string[] {
    if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
      this.fail(`\`${key}\` must be a list of strings`);
    }
    return (value as string[]).map((item) => this.text(key, item));
  }
}

/** A real day of the calendar: 2021-02-30 is not one. */
function isCalendarDay(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

export function parseFrontMatter(fields: Fields, source: string): ArticleFrontMatter {
  const read: FieldReader = new FieldReader(fields, source);
  const slug = read.string('slug');
  if (!SLUG.test(slug)) read.fail(`\`slug\` must match [a-z0-9-]+, got ${slug}`);
  const rawSha256 = read.string('rawSha256');
  if (!SHA256.test(rawSha256)) read.fail('`rawSha256` must be 64 lowercase hex digits');
  const originalScript = read.string('originalScript');
  if (!SCRIPTS.includes(originalScript)) read.fail(`\`originalScript\` must be one of ${SCRIPTS.join(', ')}`);
  const captures: unknown = fields.captures;
  if (!Array.isArray(captures) || captures.length === 0) read.fail('`captures` must list at least one capture');
  const script = originalScript as Script;

  return {
    title: read.string('title'),
    originalTitle: read.optionalString('originalTitle'),
    subtitle: read.optionalString('subtitle'),
    date: read.optionalDay('date'),
    published: read.optionalDay('published'),
    retrieved: read.optionalDay('retrieved'),
    province: read.string('province'),
    people: read.strings('people'),
    places: read.strings('places'),
    placePaths: read.optionalStrings('placePaths'),
    meetingType: read.strings('meetingType'),
    publisher: read.optionalString('publisher'),
    site: read.optionalString('site'),
    sourceUrl: webUrl(read.optionalString('sourceUrl')),
    dateline: read.optionalString('dateline'),
    authors: read.strings('authors'),
    photographers: read.optionalStrings('photographers'),
    editors: read.strings('editors'),
    slug,
    raw: read.string('raw'),
    rawSha256,
    encoding: read.string('encoding'),
    originalScript: script,
    captures: captures.map((capture: unknown, index: number) => parseCapture(capture, `${source} captures[${index}]`)),
    report: read.string('report'),
    fidelity: read.strings('fidelity'),
  };
}

/** Only http(s) URLs are kept: a source URL is printed and put in JSON-LD, never trusted. */
function webUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function parseCapture(value: unknown, source: string): CaptureRef {
  if (typeof value !== 'object' || value === null) throw new ContractError(source, 'must be an object');
  const read = new FieldReader(value as Fields, source);
  return {
    raw: read.string('raw'),
    rawSha256: read.string('rawSha256'),
    encoding: read.string('encoding'),
    site: read.optionalString('site'),
  };
}

export function parseReport(value: unknown, source: string): AuditReport {
  if (typeof value !== 'object' || value === null) throw new ContractError(source, 'report must be a JSON object');
  const fields = value as Fields;
  const read = new FieldReader(fields, source);
  const entries = Array.isArray(fields.entries) ? (fields.entries as Fields[]) : [];
  const captures = Array.isArray(fields.captures) ? (fields.captures as Fields[]) : [];
  const characters: Record<string, number> = {};
  addCounts(characters, fields.characters);
  const text = (entry: Fields, key: string): string | undefined =>
    typeof entry[key] === 'string' ? (entry[key] as string) : undefined;
  const readEntry = (entry: Fields, capture?: string): ReportEntry => ({
    step: text(entry, 'step') ?? '',
    rule: text(entry, 'rule'),
    label: text(entry, 'label'),
    capture,
    action: text(entry, 'action') ?? '',
    text: text(entry, 'text'),
    field: text(entry, 'field'),
    before: text(entry, 'before'),
    after: text(entry, 'after'),
    count: typeof entry.count === 'number' ? entry.count : undefined,
  });
  // Ingest may report per capture (entries and character counts inside each capture) as well
  // as, per the contract, for the article as a whole; both are shown.
  for (const capture of captures) addCounts(characters, capture.characters);
  return {
    slug: read.string('slug'),
    article: read.optionalString('article') ?? '',
    captures: captures.map((capture) => ({
      raw: String(capture.raw ?? ''),
      rawSha256: String(capture.rawSha256 ?? ''),
      encoding: String(capture.encoding ?? ''),
      shape: text(capture, 'shape'),
      bytes: typeof capture.bytes === 'number' ? capture.bytes : undefined,
    })),
    characters,
    entries: [
      ...entries.map((entry) => readEntry(entry)),
      ...captures.flatMap((capture) =>
        (Array.isArray(capture.entries) ? (capture.entries as Fields[]) : []).map((entry) =>
          readEntry(entry, captures.length > 1 ? String(capture.raw ?? '') : undefined),
        ),
      ),
    ],
  };
}

function addCounts(into: Record<string, number>, counts: unknown): void {
  if (typeof counts !== 'object' || counts === null) return;
  for (const [key, count] of Object.entries(counts as Fields)) {
    if (typeof count === 'number') into[key] = (into[key] ?? 0) + count;
  }
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function optionalText(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Reference data is advisory: malformed rows are dropped rather than failing the build. */
function namedRows(value: unknown): Fields[] {
  if (!Array.isArray(value)) return [];
  return value.filter((row): row is Fields => typeof row === 'object' && row !== null && typeof (row as Fields).name === 'string');
}

/** A role as officials.yaml writes it: a title, with the years it was held when known. */
function roleText(role: unknown): string | undefined {
  if (typeof role === 'string') return role || undefined;
  if (typeof role !== 'object' || role === null) return undefined;
  const { title, from, to } = role as Fields;
  if (typeof title !== 'string' || !title) return undefined;
  const years = typeof from === 'number' || typeof to === 'number' ? `（${typeof from === 'number' ? from : ''}–${typeof to === 'number' ? to : ''}）` : '';
  return `${title}${years}`;
}

export function parseOfficials(value: unknown): Official[] {
  return namedRows(value).map((row) => ({
    name: row.name as string,
    aliases: stringList(row.aliases),
    province: optionalText(row.province),
    roles: (Array.isArray(row.roles) ? row.roles : []).map(roleText).filter((role): role is string => Boolean(role)),
  }));
}

export function parsePlaces(value: unknown): Place[] {
  return namedRows(value).map((row) => ({
    name: row.name as string,
    aliases: stringList(row.aliases),
    province: optionalText(row.province),
    parent: optionalText(row.parent),
    level: optionalText(row.level),
  }));
}
