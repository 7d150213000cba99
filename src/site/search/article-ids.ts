/**
 * The numbers the search index gives articles. An id says the meeting day: it counts days from
 * 1 January of the archive's first year, `2 ** dayShift` numbers a day, and the articles of a
 * day take that day's numbers in the archive's order. Sorting by id is sorting by meeting date.
 *
 * Ids by position in the archive would be denser, but adding an article in the middle would
 * shift every later one, and with them every bucket file and article file named by them. Ids by
 * day change only the later articles of the same day, unless the busiest day outgrows its
 * numbers (dayShift grows) or an article comes before the first year: then every id changes,
 * once, as the bucket count does when the archive doubles.
 */
import { dayNumber, UNDATED_DAY } from '../../../templates/assets/search-engine.js';

export interface ArticleIds {
  /** The id of each date given, in the order given. */
  ids: number[];
  dayShift: number;
  /** `YYYY-01-01` of the first year. */
  epoch: string;
}

/**
 * Ids for articles with these meeting dates (`YYYY-MM-DD`, or undefined for an undated article),
 * given in the archive's order (by date, the undated ones last). Undated articles share the
 * numbers of one far day (UNDATED_DAY), in the archive's order.
 */
export function articleIds(dates: readonly (string | undefined)[]): ArticleIds {
  if (!dates.length) return { ids: [], dayShift: 0, epoch: '2000-01-01' };
  const perDay = new Map<string, number>();
  for (const date of dates) perDay.set(date ?? '', (perDay.get(date ?? '') ?? 0) + 1);
  const busiest = Math.max(...perDay.values());
  let dayShift = 0;
  while (2 ** dayShift < busiest) dayShift += 1;
  const dated = dates.filter((date): date is string => date !== undefined);
  const firstYear = dated.reduce((year, date) => (date.slice(0, 4) < year ? date.slice(0, 4) : year), dated[0]?.slice(0, 4) ?? '2000');
  const epoch = `${firstYear}-01-01`;
  const epochDay = dayNumber(epoch);
  const taken = new Map<string, number>();
  const ids = dates.map((date) => {
    const rank = taken.get(date ?? '') ?? 0;
    taken.set(date ?? '', rank + 1);
    const day = date === undefined ? UNDATED_DAY : dayNumber(date) - epochDay;
    return day * 2 ** dayShift + rank;
  });
  for (let index = 1; index < ids.length; index++) {
    if (ids[index]! <= ids[index - 1]!) throw new Error(`search index: articles must come in date order (${dates[index]} after ${dates[index - 1]})`);
  }
  return { ids, dayShift, epoch };
}
