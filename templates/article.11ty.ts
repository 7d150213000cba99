/**
 * One article page per article and edition: header, metadata, body, provenance, previous/next.
 * The search index (src/site/search/) holds the title, deck and body text of the same data.
 */
import { html, joined, raw, type Markup } from '../src/site/html.ts';
import { paginate, type PaginatedTemplate } from '../src/site/page-template.ts';
import { thousands } from '../src/site/format.ts';
import { chinese, chineseLang, type ArticleSummary, type Link } from '../src/site/views.ts';
import { scriptOf, type Edition } from '../src/site/editions.ts';
import type { ArticlePage, CaptureView, PersonLink } from './article.page.ts';
import { basePage } from './_includes/layouts/base.ts';
import { day } from './_includes/partials/day.ts';
import { toTraditional } from '../src/site/editions.ts';
import { interfaceText } from '../src/site/interface-text.ts';
import { bibtex, chineseCitation, cslJson, ris, type CitationData } from '../src/site/research/citations.ts';

/**
 * A file to download, carried in its link: the archive serves no file per article and format.
 * In base64, which takes a third of the room percent-encoding takes for Chinese text.
 */
const download = (name: string, type: string, content: string, label: string) =>
  html`<a href="${`data:${type};charset=utf-8;base64,${Buffer.from(content, 'utf8').toString('base64')}`}" download="${name}">${label}</a>`;

const tagList = (links: Link[]) =>
  links.length > 0 && html`<ul class="inline-list">${links.map((link) => html`<li><a href="${link.url}">${link.text}</a></li>`)}</ul>`;

/**
 * People with the post each held on the meeting day, where the data is certain of it: 许达哲 ·
 * 时任湖南省委书记. A post is quoted from officials.yaml, in Chinese in every edition.
 */
const peopleList = (edition: Edition, people: PersonLink[], atTheTime: string) =>
  people.length > 0 &&
  html`<ul class="inline-list people">${people.map(
    (person) => html`<li><a href="${person.url}">${person.text}</a>${person.role ? html`<span class="role"> · ${atTheTime}${chinese(edition, person.role)}</span>` : ''}</li>`,
  )}</ul>`;

/** An interface sentence with `{name}` places filled by markup (commands, links). */
const fill = (sentence: string, parts: Record<string, Markup>) =>
  sentence.split(/(\{[a-z0-9]+\})/iu).map((piece) => {
    const name = /^\{([a-z0-9]+)\}$/iu.exec(piece)?.[1];
    return name && parts[name] ? parts[name] : piece;
  });

const command = (text: string) => html`<code translate="no">${text}</code>`;

/** Names quoted from the capture (reporters, editors): Chinese, listed as Chinese lists them in every edition. */
const names = (edition: Edition, list: string[]) => list.length > 0 && chinese(edition, joined(list, interfaceText(scriptOf(edition)).format.listSeparator));

const text = (edition: Edition, value: string | undefined) => !!value && chinese(edition, value);

/** A publisher: on the English edition's pages its English name with the Chinese beside it. */
const publisher = (edition: Edition, name: string | undefined, chineseName: string | undefined) =>
  !!name && (chineseName && chineseName !== name ? html`${name} ${chinese(edition, chineseName)}` : text(edition, name));

/** One row of the metadata list, printed only when there is something to describe. */
const row = (term: string, description: Markup | false) =>
  description ? html`    <div><dt>${term}</dt><dd>${description}</dd></div>\n` : '';

const neighbour = (kind: 'prev' | 'next', label: string, summary: ArticleSummary | undefined) =>
  summary
    ? html`<a class="${kind}" href="${summary.url}" rel="${kind}"><span class="label">${label}</span> <span class="title"${summary.titleLang ? html` lang="${summary.titleLang}"` : ''}>${summary.title}</span> ${day(summary.date, summary.dateLabel)}</a>`
    : '';

const template: PaginatedTemplate<ArticlePage> = {
  data: paginate('articles', (entry) => entry.url),

  render({ entry }) {
    const { ui, article: a, edition } = entry;
    const metadata = [
      row(ui.province, html`<a href="${a.province.url}">${a.province.text}</a>`),
      row(ui.people, peopleList(edition, a.people, ui.roleAtTheTime)),
      row(ui.places, tagList(a.places)),
      row(ui.meetingType, tagList(a.meetingTypes)),
      row(ui.publisher, publisher(edition, a.publisher, a.publisherChinese)),
      row(ui.site, text(edition, a.site)),
      row(ui.dateline, text(edition, a.dateline)),
      row(ui.authors, names(edition, a.authors)),
      row(ui.photographers, names(edition, a.photographers)),
      row(ui.editors, names(edition, a.editors)),
      row(ui.retrievedDate, !!a.retrievedLabel && html`<time>${a.retrievedLabel}</time>`),
    ];
    const summary = [
      a.province.text,
      ...a.meetingTypes.map((type) => type.text),
      ...(a.people.length ? [ui.format.people(a.people.length)] : []),
      ...(a.places.length ? [ui.format.places(a.places.length)] : []),
    ].join(' · ');
    const toc = a.toc.length
      ? html`  <nav class="toc" aria-labelledby="toc-title">
    <details class="toc-fold">
    <summary>${ui.contents} · ${ui.format.sections(a.toc.length)}</summary>
    <h2 id="toc-title">${ui.contents}</h2>
    <ol>
${a.toc.map(
  (item) => html`      <li><a href="${item.url}">${chinese(edition, item.text)}</a>${
    item.children.length ? html`<ol>${item.children.map((child) => html`<li><a href="${child.url}">${chinese(edition, child.text)}</a></li>`)}</ol>` : ''
  }</li>\n`,
)}    </ol>
    </details>
  </nav>
`
      : '';
    const captures = a.rawFiles.map(
      (file: CaptureView) => html`      <div><dt>${ui.rawFile}</dt><dd><a href="${file.url}" type="text/plain" translate="no">${file.name}</a> <span class="muted">${ui.format.parentheses[0]}${file.utf8CopyUrl ? html`${ui.rawAsSaved} · ` : ''}${thousands(file.bytes)} ${ui.bytes}${file.site ? html` · ${chinese(edition, file.site)}` : ''}${ui.format.parentheses[1]}</span>${
        file.utf8CopyUrl ? html`<br><a href="${file.utf8CopyUrl}" type="text/plain">${ui.utf8Copy}</a>` : ''
      }</dd></div>
      <div><dt>${ui.encoding}</dt><dd>${file.encodingLabel}${
        file.utf8CopyUrl ? html`<span class="provenance-note">${fill(ui.utf8CopyNote, { copy: html`<a href="${file.utf8CopyUrl}" type="text/plain">${ui.utf8Copy}</a>` })}</span>` : ''
      }</dd></div>
      <div><dt>${ui.sha256}</dt><dd><code class="hash" translate="no">${file.sha256}</code><span class="provenance-note">${fill(ui.sha256How, {
        sha256sum: command(`sha256sum ${file.name}`),
        shasum: command(`shasum -a 256 ${file.name}`),
        certutil: command(`certutil -hashfile ${file.name} SHA256`),
      })}</span></dd></div>
`,
    );
    // The source URL is quoted as the capture recorded it, never linked; the Wayback Machine's list of captures of it is.
    const source = a.sourceUrl
      ? html`      <div><dt>${ui.sourceUrl}</dt><dd><span class="url" translate="no">${a.sourceUrl}</span>${
          a.waybackUrl ? html`<br><a class="wayback" href="${a.waybackUrl}">${ui.waybackLink}</a>` : ''
        }</dd></div>\n`
      : '';

    // A citation names the archive's page by its absolute URL: only a build with the site's URL has one.
    let cite: Markup | '' = '';
    if (this.hasSiteUrl()) {
      const data: CitationData = { ...a.citation, archiveUrl: this.siteUrl(entry.alternates['zh-Hans']) };
      const inEdition = (text: string) => (entry.edition === 'zh-Hant' ? toTraditional(text) : text);
      const archive = { chinese: interfaceText('zh-Hans').siteName, english: ui.citeEnglishName };
      cite = html`  <section class="citation" aria-labelledby="citation-title">
    <h2 id="citation-title">${ui.citeThis}</h2>
    <p class="citation-text"${chineseLang(edition)}>${inEdition(chineseCitation(data, archive))}</p>
    <p class="citation-files">${ui.citeIntro} ${download(`${data.id}.bib`, 'application/x-bibtex', bibtex(data, archive), 'BibTeX')} · ${download(`${data.id}.ris`, 'application/x-research-info-systems', ris(data, archive), 'RIS')} · ${download(`${data.id}.json`, 'application/vnd.citationstyles.csl+json', cslJson(data, archive), 'CSL-JSON')}</p>
  </section>
`;
    }

    return basePage(this, entry, html`<article class="article" aria-labelledby="article-title">
  <header class="article-header">
    <p class="kicker"><a href="${a.province.url}">${a.province.text}</a>${a.meetingTypes.map((type) => html` · <a href="${type.url}">${type.text}</a>`)}</p>
    <h1 id="article-title"${chineseLang(edition)}>${a.title}</h1>
${a.subtitle ? html`    <p class="subtitle"${chineseLang(edition)}>${a.subtitle}</p>\n` : ''}${
      a.originalTitle ? html`    <p class="original-title">${ui.format.labelled(ui.originalTitle, '')}${chinese(edition, a.originalTitle)}</p>\n` : ''
    }    <p class="dateline"><span>${ui.meetingDate} ${day(a.date, a.dateLabel)}</span> <span>${ui.publishedDate} ${day(a.published, a.publishedLabel)}</span>${a.publisher ? html` <span>${ui.publisher} ${publisher(edition, a.publisher, a.publisherChinese)}</span>` : ''}</p>
  </header>

  <details class="article-meta">
    <summary><span class="summary-label">${ui.metaSummaryMore}</span> ${summary}</summary>
    <dl class="article-meta-list">
${metadata}    </dl>
  </details>

${toc}${edition === 'en' ? html`  <p class="section-note original-note">${ui.chineseOriginal}</p>\n` : ''}  <div class="article-body"${chineseLang(edition)}>
${raw(a.bodyHtml)}
  </div>
${a.missingPhotos ? html`  <p class="photos-note">${ui.missingPhotosNote}</p>\n` : ''}
${cite}  <section class="provenance" aria-labelledby="provenance-title">
    <h2 id="provenance-title">${ui.provenance}</h2>
    <p>${ui.provenanceIntro}</p>
    <dl class="provenance-list">
${source}${captures}      <div><dt>${ui.originalScript}</dt><dd>${a.originalScriptLabel}</dd></div>
    </dl>
    <h3>${ui.fidelityNotes}</h3>
${a.fidelity.length ? html`    <ul class="fidelity"${chineseLang(edition)}>${a.fidelity.map((note) => html`<li>${note}</li>`)}</ul>\n` : html`    <p>${ui.noFidelityNotes}</p>\n`}${
      a.reportUrl ? html`    <p><a href="${a.reportUrl}">${ui.auditReport}</a></p>\n` : ''
    }  </section>

  <nav class="prev-next" aria-label="${ui.olderNewer}">
    ${neighbour('prev', ui.previous, entry.previous)}${neighbour('next', ui.next, entry.next)}
  </nav>
</article>
`);
  },
};

export default template;
