/**
 * Officials' roles at the time: which post a person held on a meeting day (许达哲 · 时任湖南省委书记),
 * and the timeline of their posts for a person page, from the dated roles in officials.yaml (read by src/contract.ts).
 *
 * A role is claimed only where the data supports it: between the end of the period its `since`
 * names and the start of the period its `until` names (a post that changed hands "in 2020-10"
 * is uncertain for every day of October), or on a day a capture attests it, and on the days
 * between attestations and those dates, since a post is held without a break.
 */
import { dayRange, isCaptureSource, type Official, type OfficialRole } from '../../contract.ts';

/** The days on which the data says for certain that the role was held, or undefined when it never does. */
export function certainSpan(role: OfficialRole): { first: string; last: string } | undefined {
  const attested = role.sources.filter(isCaptureSource).map((source) => source.day).sort();
  const starts = [...(role.since ? [dayRange(role.since).last] : []), ...attested.slice(0, 1)];
  const ends = [...(role.until ? [dayBefore(dayRange(role.until).first)] : []), ...attested.slice(-1)];
  if (starts.length === 0 || ends.length === 0) return undefined;
  const first = starts.sort()[0]!;
  const last = ends.sort().at(-1)!;
  return first <= last ? { first, last } : undefined;
}

/** The role `official` held on `day` (YYYY-MM-DD), when the data says so for certain. */
export function roleOn(official: Official, day: string): OfficialRole | undefined {
  let best: { role: OfficialRole; first: string } | undefined;
  for (const role of official.roles) {
    const span = certainSpan(role);
    if (!span || day < span.first || day > span.last) continue;
    if (!best || span.first > best.first) best = { role, first: span.first };
  }
  return best?.role;
}

export interface TimelineEntry {
  role: OfficialRole;
  /** The first day the role is known from: its `since`, else the earliest capture naming it. */
  start?: string;
  /** Its `until`, else the latest capture naming it. */
  end?: string;
  /** Whether start and end come from captures alone (the post's dates are not known). */
  attestedOnly: boolean;
}

/** The official's roles in the order they were held, oldest first. */
export function roleTimeline(official: Official): TimelineEntry[] {
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
  role?: OfficialRole;
  meetings: T[];
}

/** The meetings of a person page grouped under the role held on each meeting's day, in timeline order. */
export function meetingsByRole<T extends { date: string }>(official: Official, meetings: readonly T[]): RoleMeetings<T>[] {
  const groups = new Map<OfficialRole | undefined, T[]>();
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
