import type { ArchiveData, SiteProfile } from './data.ts';
import { DEFAULT_YEARS, isDay, readDateValue, type YearRange } from './dates.ts';
import type { ArticleMeta } from './types.ts';

/**
 * Reads a date as a capture writes it (2021-12-13, 2021/8/9, 2025年5月29日, Thu, 29 Jul 2021
 * 08:06:09 GMT) and returns YYYY-MM-DD, the day in Beijing time when the text gives an instant;
 * undefined when it names no real day within the archive's years (2021-02-30, 0099-01-01).
 */
export function isoDay(value: string, years: YearRange = DEFAULT_YEARS, zone = 'Asia/Shanghai'): string | undefined {
  const reading = readDateValue(value, zone, years);
  return isDay(reading) ? reading.day : undefined;
}

/** Splits a credit (贺佳 周帙恒 廖洁 / 雷闪闪、欧阳琼) into names. */
export function names(value: string): string[] {
  return value
    .split(/[\s、，,；;/／|｜]+/u)
    // A CMS may append the editor's staff code (王珊珊_NF5619).
    .map((name) => name.replace(/^(记者|通讯员|实习生|摄影|摄|编辑|作者)/u, '').replace(/_[A-Za-z0-9]+$/u, '').trim())
    .filter((name) => name.length >= 2 && name.length <= 8 && !/记者$|通讯员$/.test(name));
}

export function addUnique(list: string[], values: string[]): void {
  for (const value of values) if (value && !list.includes(value)) list.push(value);
}

/** The canonical publisher for an alias (新湖南客户端 → 湖南日报); 本站, 本报 (identity.yaml, selfNames) is the site's own publisher. */
export function publisherName(alias: string, data: ArchiveData, site: SiteProfile | undefined): string | undefined {
  const parts = alias.trim().split(/[\s、，,]+/u).filter(Boolean);
  const mapped = parts.map((part) => {
    if (data.identity.selfNames.some((name) => part.startsWith(name))) return site?.publisher ?? site?.name;
    const known = data.publishers.find((publisher) => publisher.name === part || publisher.aliases.includes(part));
    return known?.name ?? part;
  });
  const unique = [...new Set(mapped.filter((name): name is string => Boolean(name)))];
  return unique.length ? unique.join('、') : undefined;
}

/**
 * Copies what a line of furniture or credits gave into the article's metadata, and says which
 * fields it filled. The first value found for a single-valued field wins. A `published` date is
 * not taken from here: the publication-date step chose the day among all the page's sources
 * (`publication`), and the line counts as moved there only when it gave that day.
 */
export function applyFields(
  meta: ArticleMeta,
  groups: Record<string, string | undefined>,
  data: ArchiveData,
  site: SiteProfile | undefined,
  publication?: string,
): string[] {
  const applied: string[] = [];
  for (const [field, raw] of Object.entries(groups)) {
    const value = raw?.trim();
    if (!value || applied.includes(field)) continue;
    switch (field) {
      case 'published':
        if (publication !== undefined && isoDay(value, data.dates.years) === publication) applied.push(field);
        break;
      case 'retrieved': {
        const day = isoDay(value, data.dates.years);
        if (day && !meta[field]) {
          meta[field] = day;
          applied.push(field);
        }
        break;
      }
      case 'publisher': {
        const name = publisherName(value, data, site);
        if (name && !meta.publisher) {
          meta.publisher = name;
          applied.push(field);
        }
        break;
      }
      case 'originalTitle':
        if (!meta.originalTitle) {
          meta.originalTitle = value;
          applied.push(field);
        }
        break;
      case 'authors':
      case 'photographers':
      case 'editors':
        addUnique(meta[field], names(value));
        applied.push(field);
        break;
      default:
        break;
    }
  }
  return applied;
}
