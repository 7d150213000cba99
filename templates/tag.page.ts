/**
 * The tag pages: every tag of every kind with its article count (tags.11ty.ts), and each tag
 * (province, person, place, meeting type) with its articles, split into pages (tag.11ty.ts).
 */
import type { OfficialRole } from '../src/contract.ts';
import { TAG_KINDS, type TagKind } from '../src/site/archive.ts';
import { EDITIONS, type Edition } from '../src/site/editions.ts';
import { chunk, entry, KIND_LABEL, PAGE_SIZE, pagedPath, pager, type ArticleSummary, type CountedLink, type Link, type PageEntry, type PageKind, type Pager } from '../src/site/views.ts';

export interface TagPage extends PageEntry {
  kindLabel: string;
  name: string;
  /** The Chinese name, on the English edition's pages, beside the English or pinyin one. */
  chineseName?: string;
  count: number;
  roles: string[];
  aliases: string[];
  province?: Link;
  parent?: Link | { text: string };
  articles: ArticleSummary[];
  pager: Pager;
}

export interface TagIndexPage extends PageEntry {
  kinds: { kind: TagKind; label: string; tags: CountedLink[] }[];
}

export interface TagSpec {
  edition: Edition;
  kind: TagKind;
  /** Position of the tag among the archive's tags of its kind. */
  tag: number;
  page: number;
}

/** A role as a person page lists it: its title, with the years it was held when known (湖南省省长（–2020）). */
function roleText(role: OfficialRole): string {
  const years = role.from !== undefined || role.to !== undefined ? `（${role.from ?? ''}–${role.to ?? ''}）` : '';
  return `${role.title}${years}`;
}

export const tags: PageKind<TagSpec, TagPage> = {
  specs: (archive) =>
    EDITIONS.flatMap((edition) =>
      TAG_KINDS.flatMap((kind) => archive.tags[kind].flatMap((tag, index) => chunk(tag.articles, PAGE_SIZE).map((_, page) => ({ edition, kind, tag: index, page: page + 1 })))),
    ),

  build({ edition, kind, tag: index, page: pageNumber }, { archive, views: viewsOf }) {
    const views = viewsOf(edition);
    const { ui } = views;
    const tag = archive.tags[kind][index]!;
    const kindLabel = ui[KIND_LABEL[tag.kind]];
    const name = views.tagName(kind, tag.name);
    const chunks = chunk(tag.articles, PAGE_SIZE);
    const province = tag.official?.province ?? tag.place?.province;
    const parentName = tag.place?.parent;
    const parentTag = parentName ? (views.tag('place', parentName) ?? views.tag('province', parentName)) : undefined;
    return {
      ...entry(edition, pagedPath(tag.url, pageNumber), {
        section: 'tags',
        title: pageNumber === 1 ? ui.format.labelled(kindLabel, name) : ui.format.numbered(ui.format.labelled(kindLabel, name), pageNumber),
        description: ui.format.tagDescription(kindLabel, name, tag.articles.length),
      }),
      kindLabel,
      name,
      ...(edition === 'en' ? { chineseName: tag.name } : {}),
      count: tag.articles.length,
      roles: (tag.official?.roles ?? []).map((role) => views.text(roleText(role))),
      aliases: [...(tag.official?.aliases ?? []), ...(tag.place?.aliases ?? [])].map((alias) => views.text(alias)),
      province: province && province !== tag.name ? views.tagLink('province', province) : undefined,
      parent: parentName ? (parentTag ? { text: views.tagName(parentTag.kind, parentName), url: views.url(parentTag.url) } : { text: views.tagName('place', parentName) }) : undefined,
      articles: chunks[pageNumber - 1]!.map((article) => views.summary(article)),
      pager: pager(edition, tag.url, pageNumber, chunks.length),
    };
  },

  files: (page) => [page.url],
};

export const tagIndex: PageKind<{ edition: Edition }, TagIndexPage> = {
  specs: () => EDITIONS.map((edition) => ({ edition })),

  build({ edition }, { archive, views: viewsOf }) {
    const views = viewsOf(edition);
    const { ui } = views;
    return {
      ...entry(edition, '/tags/', { section: 'tags', title: ui.allTags, description: ui.allTags }),
      kinds: TAG_KINDS.map((kind) => ({
        kind,
        label: ui[KIND_LABEL[kind]],
        tags: archive.tags[kind].map((tag) => ({ text: views.tagName(kind, tag.name), url: views.url(tag.url), count: tag.articles.length })),
      })),
    };
  },

  files: (page) => [page.url],
};
