/** The not-found page of each edition (404.11ty.ts; a host serves /404.html for missing paths). */
import { EDITIONS, type Edition } from '../src/site/editions.ts';
import { entry, type PageEntry, type PageKind } from '../src/site/views.ts';

export const notFound: PageKind<{ edition: Edition }, PageEntry> = {
  specs: () => EDITIONS.map((edition) => ({ edition })),

  build({ edition }, { views }) {
    const { ui } = views(edition);
    return entry(edition, '/404.html', { section: 'none', title: ui.notFoundTitle, description: ui.notFoundText });
  },

  files: (page) => [page.url],
};
