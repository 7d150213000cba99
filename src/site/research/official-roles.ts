/**
 * Officials' roles at the time: which post a person held on a meeting day (许达哲 · 时任湖南省委书记),
 * and the timeline of their posts for a person page, from the dated roles in officials.yaml.
 *
 * A role is claimed only where the data supports it: between the end of the period its `since`
 * names and the start of the period its `until` names (a post that changed hands "in 2020-10"
 * is uncertain for every day of October), or on a day a capture attests it, and on the days
 * between attestations and those dates, since a post is held without a break.
 */
import { ResearchDataError, dayRange, isDay, isFields, isPartialDay, readYamlFile, type Fields } from './data-file.ts';

/** A capture in content/raw that names the role, with the words as the capture has them. */
export interface CaptureSource {
  capture: string;
  /** The day the words describe, YYYY-MM-DD. */
  day: string;
  words: string;
}

/** A named public record (an appointment announcement and its date), with how far it was verified. */
export interface RecordSource {
  record: string;
  checked?: string;
}

export type RoleSource = CaptureSource | RecordSource;

export interface DatedRole {
  title: string;
  /** When the post was taken: YYYY, YYYY-MM or YYYY-MM-DD. */
  since?: string;
  /** When the post was left, in the same form. */
  until?: string;
  sources: RoleSource[];
}

export interface OfficialRoles {
  name: string;
  province: string;
  roles: DatedRole[];
}

export function isCaptureSource(source: RoleSource): source is CaptureSource {
  return 'capture' in source;
}

export function loadOfficialRoles(file: string): OfficialRoles[] {
  return parseOfficialRoles(readYamlFile(file), file);
}

export function parseOfficialRoles(value: unknown, file: string): OfficialRoles[] {
  if (!Array.isArray(value)) throw new ResearchDataError(file, 'must be a YAML list of officials');
  return value.map((entry: unknown, index) => {
    const where = `entry ${index + 1}`;
    if (!isFields(entry)) throw new ResearchDataError(file, `${where} is not a mapping`);
    const name = text(entry, 'name', file, where);
    const province = text(entry, 'province', file, `${where} (${name})`);
    const roles = entry.roles ?? [];
    if (!Array.isArray(roles)) throw new ResearchDataError(file, `${where} (${name}): roles must be a list`);
    return { name, province, roles: roles.map((role: unknown, roleIndex) => parseRole(role, file, `${where} (${name}) role ${roleIndex + 1}`)) };
  });
}

function parseRole(value: unknown, file: string, where: string): DatedRole {
  if (!isFields(value)) throw new ResearchDataError(file, `${where} is not a mapping`);
  const title = text(value, 'title', file, where);
  const since = partialDay(value, 'since', file, where);
  const until = partialDay(value, 'until', file, where);
  if (since && until && dayRange(since).first > dayRange(until).last) {
    throw new ResearchDataError(file, `${where}: since ${since} is after until ${until}`);
  }
  const listed = value.sources ?? [];
  if (!Array.isArray(listed)) throw new ResearchDataError(file, `${where}: sources must be a list`);
  const sources = listed.map((source: unknown, index) => parseSource(source, file, `${where} source ${index + 1}`));
  for (const source of sources) {
    if (!isCaptureSource(source)) continue;
    if ((since && source.day < dayRange(since).first) || (until && source.day > dayRange(until).last)) {
      throw new ResearchDataError(file, `${where}: ${source.capture} is dated ${source.day}, outside since/until`);
    }
  }
  return { title, ...(since ? { since } : {}), ...(until ? { until } : {}), sources };
}

function parseSource(value: unknown, file: string, where: string): RoleSource {
  if (!isFields(value)) throw new ResearchDataError(file, `${where} is not a mapping`);
  if (value.capture !== undefined) {
    const day = text(value, 'day', file, where);
    if (!isDay(day)) throw new ResearchDataError(file, `${where}: day must be a 'YYYY-MM-DD' date`);
    return { capture: text(value, 'capture', file, where), day, words: text(value, 'words', file, where) };
  }
  if (value.record !== undefined) {
    const checked = value.checked === undefined ? undefined : text(value, 'checked', file, where);
    return { record: text(value, 'record', file, where), ...(checked ? { checked } : {}) };
  }
  throw new ResearchDataError(file, `${where} must have either capture (with day and words) or record`);
}

function text(fields: Fields, key: string, file: string, where: string): string {
  const value = fields[key];
  if (typeof value !== 'string' || value.trim() === '') throw new ResearchDataError(file, `${where}: ${key} must be a non-empty string`);
  return value;
}

function partialDay(fields: Fields, key: string, file: string, where: string): string | undefined {
  const value = fields[key];
  if (value === undefined || value === null) return undefined;
  const written = typeof value === 'number' ? String(value) : value;
  if (typeof written !== 'string' || !isPartialDay(written)) {
    throw new ResearchDataError(file, `${where}: ${key} must be 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'`);
  }
  return written;
}

/** The days on which the data says for certain that the role was held, or undefined when it never does. */
export function certainSpan(role: DatedRole): { first: string; last: string } | undefined {
  const attested = role.sources.filter(isCaptureSource).map((source) => source.day).sort();
  const starts = [...(role.since ? [dayRange(role.since).last] : []), ...attested.slice(0, 1)];
  const ends = [...(role.until ? [dayBefore(dayRange(role.until).first)] : []), ...attested.slice(-1)];
  if (starts.length === 0 || ends.length === 0) return undefined;
  const first = starts.sort()[0]!;
  const last = ends.sort().at(-1)!;
  return first <= last ? { first, last } : undefined;
}

/** The role `official` held on `day` (YYYY-MM-DD), when the data says so for certain. */
export function roleOn(official: OfficialRoles, day: string): DatedRole | undefined {
  let best: { role: DatedRole; first: string } | undefined;
  for (const role of official.roles) {
    const span = certainSpan(role);
    if (!span || day < span.first || day > span.last) continue;
    if (!best || span.first > best.first) best = { role, first: span.first };
  }
  return best?.role;
}

export interface TimelineEntry {
  role: DatedRole;
  /** The first day the role is known from: its `since`, else the earliest capture naming it. */
  start?: string;
  /** Its `until`, else the latest capture naming it. */
  end?: string;
  /** Whether start and end come from captures alone (the post's dates are not known). */
  attestedOnly: boolean;
}

/** The official's roles in the order they were held, oldest first. */
export function roleTimeline(official: OfficialRoles): TimelineEntry[] {
  const entries = official.roles.map((role): TimelineEntry => {
    const attested = role.sources.filter(isCaptureSource).map((source) => source.day).sort();
    const start = role.since ?? attested[0];
    const end = role.until ?? (role.since ? undefined : attested.at(-1));
    return { role, ...(start ? { start } : {}), ...(end ? { end } : {}), attestedOnly: !role.since && !role.until };
  });
  // Stable sort: roles of unknown date keep the file's order, after the dated ones.
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => compareStarts(a.entry.start, b.entry.start) || a.index - b.index)
    .map(({ entry }) => entry);
}

function compareStarts(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return dayRange(a).first < dayRange(b).first ? -1 : 1;
}

export interface RoleMeetings<T> {
  /** The role held on these meetings' days; undefined for meetings on days no role is certain. */
  role?: DatedRole;
  meetings: T[];
}

/** The meetings of a person page grouped under the role held on each meeting's day, in timeline order. */
export function meetingsByRole<T extends { date: string }>(official: OfficialRoles, meetings: readonly T[]): RoleMeetings<T>[] {
  const groups = new Map<DatedRole | undefined, T[]>();
  for (const meeting of [...meetings].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))) {
    const role = roleOn(official, meeting.date);
    groups.set(role, [...(groups.get(role) ?? []), meeting]);
  }
  const ordered: RoleMeetings<T>[] = [];
  for (const { role } of roleTimeline(official)) {
    const held = groups.get(role);
    if (held) ordered.push({ role, meetings: held });
  }
  const unassigned = groups.get(undefined);
  if (unassigned) ordered.push({ meetings: unassigned });
  return ordered;
}

export type LabelLanguage = 'zh' | 'en';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A partial day as a reader writes it: 2016年8月, 2020年2月15日; Aug 2016, 15 Feb 2020. */
export function partialDayText(partial: string, language: LabelLanguage): string {
  const [year, month, day] = partial.split('-').map(Number) as [number, number?, number?];
  if (language === 'zh') return `${year}年${month ? `${month}月` : ''}${day ? `${day}日` : ''}`;
  if (!month) return String(year);
  return `${day ? `${day} ` : ''}${MONTHS[month - 1]} ${year}`;
}

/** The period of a timeline entry: 2016年8月—2020年10月, 2020年10月起, 报道所见：2020年2月15日. */
export function periodText(entry: TimelineEntry, language: LabelLanguage): string {
  const { start, end } = entry;
  const at = (partial: string) => partialDayText(partial, language);
  if (entry.attestedOnly && start) {
    const span = end && end !== start ? (language === 'zh' ? `${at(start)}—${at(end)}` : `${at(start)} – ${at(end)}`) : at(start);
    return language === 'zh' ? `报道所见：${span}` : `reported ${span}`;
  }
  if (start && end) return language === 'zh' ? `${at(start)}—${at(end)}` : `${at(start)} – ${at(end)}`;
  if (start) return language === 'zh' ? `${at(start)}起` : `from ${at(start)}`;
  if (end) return language === 'zh' ? `至${at(end)}` : `until ${at(end)}`;
  return language === 'zh' ? '任职时间不详' : 'dates unknown';
}

function dayBefore(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}
