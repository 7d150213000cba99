/**
 * The contract between ingest and the site, in one schema each (zod): the front matter of an
 * article file, the audit report beside it, and the officials and places of content/data/.
 * Ingest writes what these schemas describe (its tests read what it writes back through them),
 * the site reads article files and reports through them, and both read officials.yaml and
 * places.yaml through them, so that neither can drift from the other unnoticed. The README's
 * *Article format* describes the same fields for people.
 *
 * Each reader returns the data typed, or throws a ContractError whose message is one line:
 * `<file>: <field> <what is wrong>`.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';

/** A file that does not keep the contract; `message` is one line, `<file>: <reason>`. */
export class ContractError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'ContractError';
  }
}

// ---------------------------------------------------------------------------------------------
// Values

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const PARTIAL_DAY = /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;

/** A real day of the calendar: 2021-02-30 is not one. */
export function isCalendarDay(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return DAY.test(text) && !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** A day at the precision known ('YYYY', 'YYYY-MM' or 'YYYY-MM-DD'), as data files write the dates of a role. */
export function isPartialDay(value: string): boolean {
  const match = PARTIAL_DAY.exec(value);
  return Boolean(match) && (!match![3] || isCalendarDay(value));
}

/** The first and the last day a partial day can stand for ('2020-10' → 2020-10-01 … 2020-10-31). */
export function dayRange(partial: string): { first: string; last: string } {
  const [year, month, day] = partial.split('-');
  if (day) return { first: partial, last: partial };
  if (month) {
    const last = String(new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate()).padStart(2, '0');
    return { first: `${year}-${month}-01`, last: `${year}-${month}-${last}` };
  }
  return { first: `${year}-01-01`, last: `${year}-12-31` };
}

const missingOr = (wrong: string) => (issue: { input: unknown }) => (issue.input === undefined || issue.input === null ? 'is required' : wrong);

/**
 * Text of a capture: a lone UTF-16 surrogate (a YAML `"\uD800"` escape) is no character, and no
 * page, feed or search index can be written with it; it would stop the whole build far from the
 * file that holds it.
 */
const text = z.string({ error: missingOr('must be a string') }).refine((value) => !LONE_SURROGATE.test(value), { error: 'holds a lone UTF-16 surrogate, which is not text' });

const nonEmpty = text.refine((value) => value.trim() !== '', { error: 'must be a non-empty string' });

/** Absent, null and '' are all "not given". */
const absentAsUndefined = (value: unknown) => (value === null || value === '' ? undefined : value);

const optionalText = z.preprocess(absentAsUndefined, text.optional());

const textList = z.array(text, { error: missingOr('must be a list of strings') });

/**
 * gray-matter reads an unquoted date as a Date object; the contract quotes days, but a hand-edited
 * file should not shift by a time zone.
 */
const day = z.preprocess(
  (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
  z.string({ error: missingOr("must be a 'YYYY-MM-DD' date of the calendar") }).refine(isCalendarDay, { error: "must be a 'YYYY-MM-DD' date of the calendar" }),
);

const optionalDay = z.preprocess((value) => (value === null ? undefined : value), day.optional());

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

// ---------------------------------------------------------------------------------------------
// Article front matter (content/articles/*.md)

/** zh-Hant-HK and zh-Hant-TW: the capture was Hong Kong's or Taiwan's Traditional. */
export const SCRIPTS = ['zh-Hans', 'zh-Hant', 'zh-Hant-HK', 'zh-Hant-TW'] as const;
export type Script = (typeof SCRIPTS)[number];

const captureRef = z.object({
  raw: nonEmpty,
  rawSha256: nonEmpty,
  encoding: nonEmpty,
  site: optionalText,
});

export type CaptureRef = z.output<typeof captureRef>;

const articleFrontMatter = z.object({
  title: nonEmpty,
  originalTitle: optionalText,
  subtitle: optionalText,
  /**
   * Day of the meeting; the timeline and the URL use it. Absent when the capture's dates could
   * not be read: the article is listed under 日期不详 (/undated/).
   */
  date: optionalDay,
  /** Day of publication, when the capture gives one. */
  published: optionalDay,
  retrieved: optionalDay,
  /**
   * The day (Beijing time) ingest first saw a capture of the article: when it joined the archive.
   * The feeds list articles by it. Absent only in articles written before ingest recorded it.
   */
  added: optionalDay,
  province: nonEmpty,
  people: textList,
  places: textList,
  /** For each of `places`: province/prefecture/county (湖南/长沙/岳麓区). */
  placePaths: z.preprocess((value) => (value === null ? undefined : value), textList.optional()),
  meetingType: textList,
  publisher: optionalText,
  site: optionalText,
  sourceUrl: optionalText.transform(webUrl).optional(),
  /** The dateline as printed, e.g. 湖南日报·新湖南客户端7月28日讯（记者 冒蕞 刘笑雪）. */
  dateline: optionalText,
  authors: textList,
  photographers: z.preprocess((value) => (value === null ? undefined : value), textList.optional()),
  editors: textList,
  slug: nonEmpty.refine((value) => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value), { error: 'must be ASCII words joined by - ([a-z0-9-]+)' }),
  raw: nonEmpty,
  rawSha256: nonEmpty.refine((value) => /^[0-9a-f]{64}$/.test(value), { error: 'must be 64 lowercase hexadecimal digits' }),
  encoding: nonEmpty,
  originalScript: z.enum(SCRIPTS, { error: missingOr(`must be one of ${SCRIPTS.join(', ')}`) }),
  captures: z.array(captureRef, { error: missingOr('must be a list of captures') }).min(1, { error: 'must list at least one capture' }),
  report: nonEmpty,
  fidelity: textList,
});

/** The front matter of an article file, as ingest writes it and the site reads it. */
export type ArticleFrontMatter = z.output<typeof articleFrontMatter>;

/** Reads the front matter of article file `source` (as gray-matter parsed it). */
export function readArticleFrontMatter(fields: unknown, source: string): ArticleFrontMatter {
  return read(articleFrontMatter, fields, source);
}

// ---------------------------------------------------------------------------------------------
// Audit report (content/reports/<slug>.json)

export const LEDGER_ACTIONS = ['removed', 'unwrapped', 'repaired', 'flagged', 'moved', 'converted', 'normalized', 'inferred'] as const;

const reportEntry = z.object({
  step: nonEmpty,
  action: z.enum(LEDGER_ACTIONS, { error: missingOr(`must be one of ${LEDGER_ACTIONS.join(', ')}`) }),
  rule: text.optional(),
  /** Plain-language name of the rule. */
  label: text.optional(),
  /** The text concerned, as it read in the capture (after decoding). */
  text: text.optional(),
  before: text.optional(),
  after: text.optional(),
  field: text.optional(),
  count: z.number().int().nonnegative().optional(),
});

/** One act of ingest on a capture's text: every removal, move and repair, with the rule that made it. */
export type ReportEntry = z.output<typeof reportEntry>;

const characterCount = z.number().int().nonnegative();

const reportCapture = z.object({
  raw: nonEmpty,
  rawSha256: nonEmpty,
  encoding: nonEmpty,
  shape: nonEmpty,
  bytes: z.number().int().nonnegative(),
  site: text.optional(),
  characters: z.object({ capture: characterCount, article: characterCount, removed: characterCount, moved: characterCount }),
  entries: z.array(reportEntry),
});

export type ReportCapture = z.output<typeof reportCapture>;

const auditReport = z.object({
  slug: nonEmpty,
  /** The article file, as a repository path. */
  article: nonEmpty,
  title: text.optional(),
  captures: z.array(reportCapture).min(1, { error: 'must list at least one capture' }),
});

/** What ingest did to each capture of an article. */
export type AuditReport = z.output<typeof auditReport>;

/** Reads report file `source` (its parsed JSON). */
export function readAuditReport(value: unknown, source: string): AuditReport {
  return read(auditReport, value, source);
}

// ---------------------------------------------------------------------------------------------
// Officials (content/data/officials.yaml) and places (content/data/places.yaml)

/** Data files are written by hand: their names lose surrounding spaces. */
const name = z.string({ error: missingOr('must be a non-empty string') }).trim().min(1, { error: 'must be a non-empty string' });
const names = z.array(z.string().trim().min(1, { error: 'must not be empty' }), { error: 'must be a list of strings' }).default([]);

const partialDay = z.preprocess(
  (value) => (typeof value === 'number' ? String(value) : value),
  z.string({ error: "must be 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'" }).refine(isPartialDay, { error: "must be 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'" }),
);

/** A capture in content/raw that names the role, with the words as the capture has them. */
const captureSource = z.object({ capture: name, day: day, words: name });
/** A named public record (an appointment announcement and its date), with how far it was verified. */
const recordSource = z.object({ record: name, checked: name.optional() });

const roleSource = z.union([captureSource, recordSource], { error: 'must have either capture (with day and words) or record' });

export type CaptureSource = z.output<typeof captureSource>;
export type RecordSource = z.output<typeof recordSource>;
export type RoleSource = z.output<typeof roleSource>;

export function isCaptureSource(source: RoleSource): source is CaptureSource {
  return 'capture' in source;
}

const officialRole = z
  .object({
    /** The post as the captures print it. */
    title: name,
    /** When the post was taken and left, at the precision known. */
    since: partialDay.optional(),
    until: partialDay.optional(),
    sources: z.array(roleSource).default([]),
  })
  .superRefine((role, context) => {
    if (role.since && role.until && dayRange(role.since).first > dayRange(role.until).last) {
      context.addIssue({ code: 'custom', path: ['since'], message: `${role.since} is after until ${role.until}` });
    }
    role.sources.forEach((source, index) => {
      if (!isCaptureSource(source)) return;
      if ((role.since && source.day < dayRange(role.since).first) || (role.until && source.day > dayRange(role.until).last)) {
        context.addIssue({ code: 'custom', path: ['sources', index, 'day'], message: `${source.day} (${source.capture}) is outside since/until` });
      }
    });
  });

export type OfficialRole = z.output<typeof officialRole>;

const official = z.object({
  name,
  /** Other spellings found in captures (Traditional forms are matched after conversion). */
  aliases: names,
  /** The province whose affairs the person took part in (湖南, 河南, or 国家 for central officials). */
  province: name,
  /** The posts the captures give the person, newest first. */
  roles: z.array(officialRole, { error: 'must be a list of roles' }).default([]),
  /** The name is also a common word: only count it inside a list of names. */
  boundary: z.boolean({ error: 'must be true or false' }).default(false),
});

export type Official = z.output<typeof official>;

const place = z.object({
  /** The place's tag name as the gazetteer gives it (prefectures short: 湘西; counties with their suffix). */
  name,
  aliases: names,
  province: name,
  level: z.enum(['prefecture', 'county'], { error: 'must be prefecture or county' }),
  /** For a place the gazetteer lacks: the prefecture of a county (its tag name). */
  parent: name.optional(),
});

export type Place = z.output<typeof place>;

/** Reads officials.yaml (`file`, as parsed YAML): a list of officials. */
export function readOfficials(value: unknown, file: string): Official[] {
  return readList(official, value, file);
}

/** Reads places.yaml (`file`, as parsed YAML): a list of places. */
export function readPlaces(value: unknown, file: string): Place[] {
  return readList(place, value, file);
}

/** officials.yaml, read from `file`. */
export function loadOfficials(file: string): Official[] {
  return readOfficials(readYaml(file), file);
}

/** places.yaml, read from `file`. */
export function loadPlaces(file: string): Place[] {
  return readPlaces(readYaml(file), file);
}

function readYaml(file: string): unknown {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    throw new ContractError(file, 'cannot be read');
  }
  try {
    return parse(source) as unknown;
  } catch (error) {
    throw new ContractError(file, `is not valid YAML: ${String(error instanceof Error ? error.message : error).split('\n')[0]}`);
  }
}

// ---------------------------------------------------------------------------------------------

/** `captures[0].raw`, `roles[1].title`: where in a value an issue is. */
function fieldPath(path: readonly PropertyKey[]): string {
  return path.map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index ? '.' : ''}${String(key)}`)).join('');
}

function read<Schema extends z.ZodType>(schema: Schema, value: unknown, source: string, where?: string): z.output<Schema> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path.length ? `\`${fieldPath(issue.path)}\` ` : '';
  throw new ContractError(source, `${where ? `${where}: ` : ''}${field}${issue.path.length ? issue.message : `must be a mapping of fields`}`);
}

function readList<Schema extends z.ZodType>(schema: Schema, value: unknown, file: string): z.output<Schema>[] {
  if (!Array.isArray(value)) throw new ContractError(file, 'must be a YAML list');
  return value.map((entry: unknown, index) => {
    const label = entry && typeof entry === 'object' && typeof (entry as { name?: unknown }).name === 'string' ? ` (${(entry as { name: string }).name})` : '';
    return read(schema, entry, file, `entry ${index + 1}${label}`);
  });
}
