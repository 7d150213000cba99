/**
 * Person and place tag pages as a reader meets them, in both editions: a person's posts in the
 * order they were held, with where each was read, and the meetings under the post held that day;
 * a place's province › prefecture › county path; a prefecture's (and a province's) page listing
 * the articles of the places within it. What each page should say is computed from the data
 * (officials.yaml, the articles' front matter), never copied from the pages.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { toText } from 'hast-util-to-text';
import type { Element, Root } from 'hast';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { isCaptureSource, loadOfficials, readArticleFrontMatter, type ArticleFrontMatter, type Official } from '../../src/contract.ts';
import { articleUrl } from '../../src/site/archive.ts';
import { toTraditional } from '../../src/site/editions.ts';
import { interfaceText } from '../../src/site/interface-text.ts';
import { periodText, roleOn, roleTimeline } from '../../src/site/research/official-roles.ts';
import { buildSite, REPO_ROOT, type BuiltSite } from '../support/build-site.ts';
import { attribute, elements, fileForUrl, parseHtml } from '../support/site-files.ts';

vi.setConfig({ testTimeout: 120_000 });

const SEEDS = 'content';
const FIXTURE = 'tests/fixtures/place-content';
const EDITIONS = [
  { root: '', convert: (text: string) => text, ui: interfaceText('zh-Hans') },
  { root: 'zh-hant/', convert: toTraditional, ui: interfaceText('zh-Hant') },
];

let seeds: BuiltSite;
let fixture: BuiltSite;
beforeAll(async () => {
  [seeds, fixture] = await Promise.all([buildSite({ contentDir: SEEDS }), buildSite({ contentDir: FIXTURE, cacheDir: 'off' })]);
}, 240_000);

function frontMatters(contentDir: string): ArticleFrontMatter[] {
  const folder = path.join(REPO_ROOT, contentDir, 'articles');
  return readdirSync(folder)
    .filter((name) => name.endsWith('.md'))
    .map((name) => readArticleFrontMatter(matter(readFileSync(path.join(folder, name), 'utf8')).data, name));
}

function official(contentDir: string, name: string): Official {
  const found = loadOfficials(path.join(REPO_ROOT, contentDir, 'data', 'officials.yaml')).find((person) => person.name === name);
  if (!found) throw new Error(`${name} is not in ${contentDir}/data/officials.yaml`);
  return found;
}

const byClass = (tree: Root | Element, name: string) =>
  elements(tree.type === 'root' ? tree : { type: 'root', children: [tree] }, (element) => (attribute(element, 'className') ?? '').split(' ').includes(name));
const byTag = (tree: Root | Element, tag: string) => elements(tree.type === 'root' ? tree : { type: 'root', children: [tree] }, (element) => element.tagName === tag);
const text = (node: Element) => toText(node).replace(/\s+/g, ' ').trim();
/** The page of a tag by its name, in an edition: the tag page whose heading names it. */
function tagPage(site: BuiltSite, root: string, kind: string, name: string): { file: string; tree: Root } {
  const folder = path.join(site.dir, root, 'tags', kind);
  for (const slug of readdirSync(folder)) {
    const file = path.join(root, 'tags', kind, slug, 'index.html');
    if (!existsSync(path.join(site.dir, file))) continue;
    const tree = parse(site, file);
    const heading = byTag(tree, 'h1')[0]!;
    const kindLabel = byClass(heading, 'tag-kind')[0]!;
    if (text(heading).slice(text(kindLabel).length).trim() === name) return { file, tree };
  }
  throw new Error(`no ${kind} page for ${name} in ${site.dir}/${root}`);
}

const parse = (site: BuiltSite, file: string): Root => parseHtml(readFileSync(path.join(site.dir, file), 'utf8'));

/** The root-relative URL an article page of `edition root` has. */
const articleHref = (root: string, front: Pick<ArticleFrontMatter, 'date' | 'slug'>) => `/${root}${articleUrl(front).slice(1)}`;
const hrefs = (tree: Root | Element, className = 'article-item-title') => byClass(tree, className).map((link) => attribute(link, 'href')!);

describe('a person page (the seeds): 许达哲', () => {
  const person = official(SEEDS, '许达哲');
  const timeline = roleTimeline(person);
  const articles = frontMatters(SEEDS).filter((front) => front.people.includes(person.name));

  it('lists his posts in the order they were held, each with its period', () => {
    expect(timeline.length).toBeGreaterThanOrEqual(2);
    for (const { root, convert } of EDITIONS) {
      const { tree } = tagPage(seeds, root, 'person', convert(person.name));
      const roles = byClass(tree, 'role');
      expect(roles.map((role) => text(byClass(role, 'role-title')[0]!))).toEqual(timeline.map((held) => convert(held.role.title)));
      expect(roles.map((role) => text(byClass(role, 'role-period')[0]!))).toEqual(timeline.map((held) => convert(periodText(held, 'zh'))));
    }
  });

  it('says where each post was read: the capture’s words linked to the article made from it, a record with its note', () => {
    const fronts = frontMatters(SEEDS);
    for (const { root, convert, ui } of EDITIONS) {
      const { tree } = tagPage(seeds, root, 'person', convert(person.name));
      byClass(tree, 'role').forEach((role, index) => {
        const items = byTag(byClass(role, 'role-sources')[0]!, 'li');
        const sources = timeline[index]!.role.sources;
        expect(items).toHaveLength(sources.length);
        sources.forEach((source, at) => {
          const item = items[at]!;
          if (isCaptureSource(source)) {
            // Quoted as the capture prints it, in both editions.
            expect(byTag(item, 'q').map(text)).toEqual([source.words]);
            const made = fronts.find((front) => front.captures.some((capture) => capture.raw === source.capture));
            expect(made, source.capture).toBeDefined();
            expect(byTag(item, 'a').map((link) => attribute(link, 'href'))).toContain(articleHref(root, made!));
          } else {
            expect(text(item)).toContain(convert(source.record));
            if (source.checked) expect(byTag(item, 'span').filter((span) => attribute(span, 'lang') === 'en').map(text)).toEqual([source.checked]);
            expect(text(item).startsWith(ui.roleRecord)).toBe(true);
          }
        });
      });
    }
  });

  it('puts each of his meetings under the post he held that day, and nowhere else', () => {
    expect(articles.length).toBeGreaterThan(1);
    const expected = new Map(articles.map((front) => [front.slug, roleOn(person, front.date!)?.title]));
    // The seeds hold his meetings under both posts.
    expect(new Set(expected.values()).size).toBeGreaterThanOrEqual(2);
    for (const { root, convert, ui } of EDITIONS) {
      const { tree } = tagPage(seeds, root, 'person', convert(person.name));
      const placed = new Map<string, string | undefined>();
      for (const group of byClass(tree, 'role-group')) {
        const heading = byTag(group, 'h3')[0]!;
        const period = byClass(heading, 'role-group-period')[0];
        const title = period ? text(heading).slice(0, -text(period).length).trim() : text(heading);
        for (const href of hrefs(group)) {
          const slug = articles.find((front) => articleHref(root, front) === href)?.slug;
          expect(slug, href).toBeDefined();
          expect(placed.has(slug!), `${slug} listed twice`).toBe(false);
          placed.set(slug!, title === ui.meetingsRoleUncertain ? undefined : title);
        }
      }
      expect(placed).toEqual(new Map([...expected].map(([slug, title]) => [slug, title && convert(title)])));
    }
  });
});

describe('a place page (the seeds): its path', () => {
  const fronts = frontMatters(SEEDS);
  const tagged = (kind: 'province' | 'place', name: string) => fronts.some((front) => (kind === 'province' ? front.province === name : front.places.includes(name)));
  const counties = [...new Map(fronts.flatMap((front) => (front.placePaths ?? []).map((placePath) => placePath.split('/')).filter((parts) => parts.length === 3).map((parts) => [parts[2]!, parts] as const)))];

  it('shows a county’s province › prefecture › county, linking each level the archive has a page of', () => {
    expect(counties.length).toBeGreaterThan(0);
    let linkedPrefectures = 0;
    for (const { root, convert, ui } of EDITIONS) {
      for (const [county, parts] of counties) {
        const { tree } = tagPage(seeds, root, 'place', convert(county));
        const nav = elements(tree, (element) => element.tagName === 'nav' && attribute(element, 'ariaLabel') === ui.placePath);
        expect(nav, county).toHaveLength(1);
        const levels = byTag(nav[0]!, 'li');
        expect(levels.map(text)).toEqual(parts.map(convert));
        expect(byTag(levels.at(-1)!, 'a')).toHaveLength(0);
        expect(attribute(byTag(levels.at(-1)!, 'span')[0]!, 'ariaCurrent')).toBe('page');
        for (const [index, kind] of (['province', 'place'] as const).entries()) {
          const link = byTag(levels[index]!, 'a')[0];
          expect(Boolean(link), `${county}: ${parts[index]}`).toBe(tagged(kind, parts[index]!));
          if (link) {
            const target = parse(seeds, fileForUrl(attribute(link, 'href')!, '/')!);
            expect(text(byTag(target, 'h1')[0]!)).toContain(convert(parts[index]!));
            if (kind === 'place') linkedPrefectures += 1;
          }
        }
      }
    }
    expect(linkedPrefectures).toBeGreaterThan(0);
  });
});

describe('a prefecture’s and a province’s page (a fixture with a county’s article that does not name its prefecture)', () => {
  const fronts = frontMatters(FIXTURE);
  const under = (front: ArticleFrontMatter, prefix: string) => (front.placePaths ?? []).filter((placePath) => placePath.startsWith(`${prefix}/`)).map((placePath) => placePath.split('/').at(-1)!);

  it('lists the prefecture’s articles and its counties’, each once, saying which county each names', () => {
    const expected = fronts.filter((front) => front.places.includes('长沙') || under(front, '湖南/长沙').length > 0);
    // The fixture holds an article of a county of 长沙 that does not name 长沙 itself.
    expect(expected.some((front) => !front.places.includes('长沙'))).toBe(true);
    for (const { root, convert, ui } of EDITIONS) {
      const { tree } = tagPage(fixture, root, 'place', convert('长沙'));
      const items = byClass(tree, 'article-item');
      expect(items.map((item) => hrefs(item)[0])).toEqual(expected.sort((a, b) => (a.date! < b.date! ? -1 : 1)).map((front) => articleHref(root, front)));
      items.forEach((item, index) => {
        const counties = under(expected[index]!, '湖南/长沙');
        const within = byClass(item, 'article-item-within');
        if (counties.length === 0) expect(within).toHaveLength(0);
        else expect(byTag(within[0]!, 'a').map(text)).toEqual(counties.map(convert));
      });
      expect(text(byClass(tree, 'count-line')[0]!)).toContain(`${expected.length} ${ui.articlesUnit}`);
    }
  });

  it('lists on a province’s page an article of another province that names a place within it, with that place', () => {
    const outside = fronts.filter((front) => front.province !== '湖南' && under(front, '湖南').length > 0);
    expect(outside.length).toBeGreaterThan(0);
    for (const { root, convert } of EDITIONS) {
      const { tree } = tagPage(fixture, root, 'province', convert('湖南'));
      const items = byClass(tree, 'article-item');
      expect(items.map((item) => hrefs(item)[0]).sort()).toEqual(fronts.filter((front) => front.province === '湖南' || under(front, '湖南').length > 0).map((front) => articleHref(root, front)).sort());
      for (const front of outside) {
        const item = items.find((candidate) => hrefs(candidate)[0] === articleHref(root, front))!;
        expect(byTag(byClass(item, 'article-item-within')[0]!, 'a').map(text)).toEqual(under(front, '湖南').map(convert));
      }
    }
  });

  it('puts a meeting on a day no post is certain under a group that says so', () => {
    const person = official(FIXTURE, '许达哲');
    const uncertain = fronts.filter((front) => front.people.includes(person.name) && !roleOn(person, front.date!));
    expect(uncertain.length).toBeGreaterThan(0);
    for (const { root, convert, ui } of EDITIONS) {
      const { tree } = tagPage(fixture, root, 'person', convert(person.name));
      const group = byClass(tree, 'role-group').find((candidate) => text(byTag(candidate, 'h3')[0]!) === ui.meetingsRoleUncertain);
      expect(group).toBeDefined();
      expect(hrefs(group!)).toEqual(uncertain.map((front) => articleHref(root, front)));
    }
  });
});
