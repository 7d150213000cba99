import type { Region, Regions } from './data.ts';
import type { IngestState } from './types.ts';

/**
 * What a capture says about the outlet that published it, for the rules that depend on where
 * it is: the script variant of its Traditional text, and the clock its times are written in.
 */

const URL_KEYS = ['link', 'source', 'url', 'permalink', 'original', 'canonical'];

/** Host names of the URLs a capture gives for itself, lowercase. */
export function outletHosts(state: IngestState): string[] {
  const urls = [
    state.meta.sourceUrl,
    state.page.canonical,
    ...state.page.meta.filter((entry) => entry.name === 'og:url').map((entry) => entry.content),
    ...URL_KEYS.map((key) => state.frontMatter[key]),
  ];
  const hosts: string[] = [];
  for (const url of urls) {
    if (typeof url !== 'string') continue;
    try {
      const host = new URL(url.trim()).hostname.toLowerCase();
      if (host && !hosts.includes(host)) hosts.push(host);
    } catch {
      // Not a URL: says nothing about the outlet.
    }
  }
  return hosts;
}

/** Language tags the page gives itself (<html lang>, og:locale, Content-Language), lowercase. */
export function outletLanguages(state: IngestState): string[] {
  const tags = [
    state.page.lang,
    ...state.page.meta.filter((entry) => ['og:locale', 'content-language', 'language'].includes(entry.name)).map((entry) => entry.content),
    typeof state.frontMatter.lang === 'string' ? state.frontMatter.lang : undefined,
    typeof state.frontMatter.language === 'string' ? state.frontMatter.language : undefined,
  ];
  return tags.filter((tag): tag is string => Boolean(tag)).map((tag) => tag.trim().toLowerCase().replace(/_/g, '-'));
}

/** The region whose outlet published the capture, by its language tag, its host or its site profile. */
export function outletRegion(state: IngestState, regions: Regions): Region | undefined {
  const languages = outletLanguages(state);
  const hosts = outletHosts(state);
  return regions.regions.find(
    (region) =>
      languages.some((tag) => region.languages.includes(tag)) ||
      hosts.some((host) => region.hosts.some((ending) => host.endsWith(ending))) ||
      (state.site?.province !== undefined && region.provinces.includes(state.site.province)),
  );
}

/** The time zone the outlet's clock keeps. */
export function outletTimeZone(state: IngestState, regions: Regions): string {
  return outletRegion(state, regions)?.timeZone ?? regions.defaultTimeZone;
}
