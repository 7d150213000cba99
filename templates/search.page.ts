/** The search page of each edition (search.11ty.ts): the form, and every value each filter can take. */
import { TAG_KINDS } from '../src/site/archive.ts';
import { EDITIONS, type Edition } from '../src/site/editions.ts';
import { SEARCH_INDEX_URL } from '../src/site/search/write-index.ts';
import { entry, KIND_LABEL, type PageEntry, type PageKind } from '../src/site/views.ts';

/** One filter of the search page: a facet and every value the archive has for it. */
export interface SearchFacet {
  /** The URL parameter: province, person, place, meeting-type, year. */
  name: 'province' | 'person' | 'place' | 'meeting-type' | 'year';
  label: string;
  /** `value` is the Simplified name (the URL's), `text` the edition's. */
  options: { value: string; text: string }[];
}

export interface SearchPage extends PageEntry {
  /** Root-relative URL of the search index's folder (src/site/search/write-index.ts). */
  index: string;
  facets: SearchFacet[];
}

export const search: PageKind<{ edition: Edition }, SearchPage> = {
  specs: () => EDITIONS.map((edition) => ({ edition })),

  build({ edition }, { archive, views: viewsOf }) {
    const views = viewsOf(edition);
    const { ui } = views;
    return {
      ...entry(edition, '/search/', { section: 'search', title: ui.searchTitle, description: ui.searchHint }),
      index: SEARCH_INDEX_URL,
      facets: [
        ...TAG_KINDS.map((kind) => ({
          name: kind,
          label: ui[KIND_LABEL[kind]],
          options: archive.tags[kind].map((tag) => ({ value: tag.name, text: views.tagName(kind, tag.name) })),
        })),
        { name: 'year' as const, label: ui.years, options: archive.years.map((year) => ({ value: String(year.year), text: String(year.year) })) },
      ],
    };
  },

  files: (page) => [page.url],
};
