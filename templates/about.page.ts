/** About the archive (about.11ty.ts): templates/_includes/about.md, rendered like an article body, and its downloads. */
import { EDITIONS, type Edition } from '../src/site/editions.ts';
import { entry, type FeedLinks, type PageEntry, type PageKind } from '../src/site/views.ts';

export interface AboutPage extends PageEntry {
  bodyHtml: string;
  /** The whole archive's feeds, then each province's, with the province's name. */
  archiveFeeds: FeedLinks;
  provinceFeeds: (FeedLinks & { province: string })[];
}

export const about: PageKind<{ edition: Edition }, AboutPage> = {
  specs: () => EDITIONS.map((edition) => ({ edition })),

  build({ edition }, { archive, sources, views: viewsOf }) {
    const views = viewsOf(edition);
    const { ui } = views;
    return {
      ...entry(edition, '/about/', { section: 'about', title: ui.aboutTitle, description: ui.homeIntro }),
      bodyHtml: sources.about()[edition],
      archiveFeeds: views.archiveFeeds(),
      provinceFeeds: archive.tags.province.map((tag) => ({ ...views.provinceFeeds(tag), province: views.tagName('province', tag.name) })),
    };
  },

  files: (page) => [page.url],
};
