/**
 * The tag pages: every tag of every kind with its article count (tags.11ty.ts), and each tag
 * (province, person, place, meeting type) with its articles, split into pages (tag.11ty.ts).
 */
import { isCaptureSource, type Official, type RoleSource } from '../src/contract.ts';
import { TAG_KINDS, type Archive, type Article, type ListedArticle, type RawFile, type Tag, type TagKind } from '../src/site/archive.ts';
import { EDITIONS, type Edition } from '../src/site/editions.ts';
import { meetingsByRole, periodText, roleTimeline } from '../src/site/research/official-roles.ts';
import { chunk, entry, KIND_LABEL, PAGE_SIZE, pagedPath, pager, type ArticleSummary, type CountedLink, type EditionViews, type Link, type PageEntry, type PageKind, type Pager } from '../src/site/views.ts';

/** A level of a place's path (province › prefecture › county): a link when the archive has its page. */
export type PathLevel = Link | { text: string };

/** Where a role was read: words of a capture (linked to its article, else its raw copy), or a public record. */
export type RoleSourceView =
  | { words: string; day: string; article?: Link; raw?: Link; file: string; /** The capture's script, where its article records it. */ wordsLang?: string }
  | { record: string; checked?: string; checkedLanguage?: string };

export interface TimelineRole {
  title: string;
  period: string;
  sources: RoleSourceView[];
}

/** A listed article, with the places within the tag's place it is listed for. */
export interface ListedSummary extends ArticleSummary {
  within: PathLevel[];
}

/** The meetings of a person page held under one role, or (no title) on days no role is certain. */
export interface RoleGroup {
  title?: string;
  period?: string;
  articles: ListedSummary[];
}

export interface TagPage extends PageEntry {
  kind: TagKind;
  kindLabel: string;
  name: string;
  /** The Chinese name, on the English edition's pages, beside the English or pinyin one. */
  chineseName?: string;
  count: number;
  /** Of `count`, the articles listed for a place within this one rather than for the tag itself. */
  countWithin: number;
  aliases: string[];
  province?: Link;
  /** A place's path, from its province down to the place itself (the last level). */
  placePath: PathLevel[];
  /** A person's posts, in the order they were held. */
  timeline: TimelineRole[];
  /** A person's meetings on this page, under the role held on each meeting's day; empty for other tags. */
  roleGroups: RoleGroup[];
  articles: ListedSummary[];
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

const capturesOf = new WeakMap<Archive, Map<string, { article?: Article; raw: RawFile }>>();

/** Each raw capture of the archive by its repository path, with the (first) article made from it. */
function captures(archive: Archive): Map<string, { article?: Article; raw: RawFile }> {
  let found = capturesOf.get(archive);
  if (!found) {
    found = new Map();
    for (const article of archive.articles) for (const raw of article.rawFiles) if (!found.has(raw.repoPath)) found.set(raw.repoPath, { article, raw });
    capturesOf.set(archive, found);
  }
  return found;
}

// A record's `checked` note may be written in English (officials.yaml): it is marked so, for
// screen readers and for the Traditional edition, which leaves it as written.
const HAN = /\p{Script=Han}/u;

function sourceView(source: RoleSource, views: EditionViews): RoleSourceView {
  if (!isCaptureSource(source)) {
    return {
      record: views.text(source.record),
      ...(source.checked ? { checked: HAN.test(source.checked) ? views.text(source.checked) : source.checked, ...(HAN.test(source.checked) ? {} : { checkedLanguage: 'en' }) } : {}),
    };
  }
  const capture = captures(views.archive).get(source.capture);
  return {
    words: source.words,
    ...(capture?.article ? { wordsLang: capture.article.originalScript } : {}),
    day: views.day(source.day),
    file: capture?.raw.name ?? source.capture.split('/').pop()!,
    ...(capture?.article ? { article: { text: views.text(capture.article.title), url: views.url(capture.article.url) } } : {}),
    // One copy of each capture, at /raw/, serves both editions.
    ...(capture ? { raw: { text: capture.raw.name, url: capture.raw.url } } : {}),
  };
}

/** The language a period is written in (official-roles.ts writes both). */
const periodLanguage = (views: EditionViews) => (views.edition === 'en' ? 'en' : 'zh');

function timelineOf(official: Official | undefined, views: EditionViews): TimelineRole[] {
  if (!official) return [];
  return roleTimeline(official).map((held) => ({
    title: views.text(held.role.title),
    period: views.text(periodText(held, periodLanguage(views))),
    sources: held.role.sources.map((source) => sourceView(source, views)),
  }));
}

/** The levels of a place tag's path above the place, then the place: a link for each level the archive has a page of. */
function placePathOf(tag: Tag, views: EditionViews): PathLevel[] {
  const place = tag.place;
  if (!place) return [];
  const level = (kind: TagKind, name: string): PathLevel => {
    const page = views.tag(kind, name);
    const text = views.tagName(kind, name);
    return page ? { text, url: views.url(page.url) } : { text };
  };
  return [
    ...(place.province && place.province !== tag.name ? [level('province', place.province)] : []),
    ...(place.parent ? [level('place', place.parent)] : []),
    { text: views.tagName(tag.kind, tag.name) },
  ];
}

function listedSummary(listed: ListedArticle, kind: TagKind, views: EditionViews): ListedSummary {
  // A province page names the places only of the articles it lists for them: its own name them by the dozen.
  const within = kind === 'province' && listed.tagged ? [] : listed.within;
  return { ...views.summary(listed.article), within: within.map((name) => views.tagLink('place', name)) };
}

function roleGroupsOf(official: Official | undefined, listed: readonly ListedArticle[], views: EditionViews): RoleGroup[] {
  if (!official || official.roles.length === 0) return [];
  const timeline = roleTimeline(official);
  const dated = listed.flatMap((item) => (item.article.date ? [{ date: item.article.date, item }] : []));
  const undated = listed.filter((item) => !item.article.date);
  const groups = meetingsByRole(official, dated).map((group) => ({ role: group.role, items: group.meetings.map((meeting) => meeting.item) }));
  if (undated.length > 0) {
    const uncertain = groups.find((group) => group.role === undefined);
    if (uncertain) uncertain.items.push(...undated);
    else groups.push({ role: undefined, items: undated });
  }
  return groups.map(({ role, items }) => {
    const held = role && timeline.find((entry) => entry.role === role);
    return {
      ...(role ? { title: views.text(role.title) } : {}),
      ...(held ? { period: views.text(periodText(held, periodLanguage(views))) } : {}),
      articles: items.map((item) => listedSummary(item, 'person', views)),
    };
  });
}

export const tags: PageKind<TagSpec, TagPage> = {
  specs: (archive) =>
    EDITIONS.flatMap((edition) =>
      TAG_KINDS.flatMap((kind) => archive.tags[kind].flatMap((tag, index) => chunk(tag.listed, PAGE_SIZE).map((_, page) => ({ edition, kind, tag: index, page: page + 1 })))),
    ),

  build({ edition, kind, tag: index, page: pageNumber }, { archive, views: viewsOf }) {
    const views = viewsOf(edition);
    const { ui } = views;
    const tag = archive.tags[kind][index]!;
    const kindLabel = ui[KIND_LABEL[tag.kind]];
    const name = views.tagName(kind, tag.name);
    const chunks = chunk(tag.listed, PAGE_SIZE);
    const listed = chunks[pageNumber - 1]!;
    const province = tag.official?.province;
    const roleGroups = roleGroupsOf(tag.official, listed, views);
    return {
      ...entry(edition, pagedPath(tag.url, pageNumber), {
        section: 'tags',
        title: pageNumber === 1 ? ui.format.labelled(kindLabel, name) : ui.format.numbered(ui.format.labelled(kindLabel, name), pageNumber),
        description: ui.format.tagDescription(kindLabel, name, tag.listed.length),
      }),
      kind,
      kindLabel,
      name,
      ...(edition === 'en' ? { chineseName: tag.name } : {}),
      count: tag.listed.length,
      countWithin: tag.listed.filter((item) => !item.tagged).length,
      aliases: [...(tag.official?.aliases ?? []), ...(tag.place?.aliases ?? [])].map((alias) => views.text(alias)),
      province: province && province !== tag.name ? views.tagLink('province', province) : undefined,
      placePath: placePathOf(tag, views),
      timeline: timelineOf(tag.official, views),
      roleGroups,
      // A person page with posts lists its articles under them (roleGroups) instead.
      articles: roleGroups.length > 0 ? [] : listed.map((item) => listedSummary(item, kind, views)),
      pager: pager(edition, tag.url, pageNumber, chunks.length),
      ...(tag.kind === 'province' ? { feeds: [views.provinceFeeds(tag)] } : {}),
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
        tags: archive.tags[kind].map((tag) => ({ text: views.tagName(kind, tag.name), url: views.url(tag.url), count: tag.listed.length })),
      })),
    };
  },

  files: (page) => [page.url],
};
