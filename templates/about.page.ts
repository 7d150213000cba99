/** About the archive (about.11ty.ts): templates/_includes/about.md, rendered like an article body, and its downloads. */
import { EDITIONS, type Edition } from '../src/site/editions.ts';
import { entry, type PageEntry, type PageKind } from '../src/site/views.ts';

export interface AboutPage extends PageEntry {
  bodyHtml: string;
}

export const about: PageKind<{ edition: Edition }, AboutPage> = {
  specs: () => EDITIONS.map((edition) => ({ edition })),

  build({ edition }, { sources, views }) {
    const { ui } = views(edition);
    return {
      ...entry(edition, '/about/', { section: 'about', title: ui.aboutTitle, description: ui.homeIntro }),
      bodyHtml: sources.about()[edition],
    };
  },

  files: (page) => [page.url],
};
