/**
 * Every word of the interface, written once in Simplified and once in English; the Traditional
 * edition's strings are converted with the same converter as the articles, so the two Chinese
 * editions cannot drift apart. What is made of words and numbers (dates, counts, asides, lists)
 * is written by each edition's format, so that no template hard-codes Chinese punctuation or
 * word order.
 */
import { toTraditional, type Edition } from './editions.ts';

const SIMPLIFIED = {
  siteName: '湘豫防疫会议档案',
  siteShortName: '湘豫防疫会议档案',
  siteTagline: '2020—2021 年湖南、河南新冠肺炎疫情防控会议报道档案',
  skipToContent: '跳到正文',
  primaryNav: '主导航',
  navHome: '时间线',
  navTags: '标签',
  navSearch: '搜索',
  navAbout: '关于',
  editions: '版本',
  editionLabelHans: '简体中文版',
  editionLabelHant: '繁体中文版',
  editionLabelEn: '英文版',
  homeIntro:
    '本档案收录 2020 至 2021 年间湖南、河南两省新冠肺炎疫情防控会议与督导检查的新闻报道。每篇报道都由网页抓取原件整理而成：去除网页框架、修复乱码，原始文件、校验值与整理记录随文公开。',
  timeline: '时间线',
  collectedPrefix: '现收录报道',
  collectedRange: '，会议日期自',
  rangeTo: '至',
  fullStop: '。',
  kindOfTag: '类别',
  timelineNote: '按会议日期先后排列。',
  articlesUnit: '篇',
  moreInYear: '查看该年全部报道',
  browseTags: '按标签浏览',
  allTags: '全部标签',
  download: '下载',
  downloadArchive: '整个档案的 JSON 数据（元数据与全文）',
  downloadCsv: '整个档案的 CSV 表格（每篇报道一行，元数据）',
  ogImageAlt: '湘豫防疫会议档案：2020—2021 年湖南、河南新冠肺炎疫情防控会议报道档案',
  chartTitle: '每月会议数（按省份）',
  chartDescription: '{first}至{last}每月报道的会议数，各省份叠放：{totals}。各月数字见图下的表格。',
  chartTotalsItem: '{province}共 {count} 场',
  chartListSeparator: '，',
  chartMonth: '{year}年{month}月',
  chartTick: '{month}月',
  chartYear: '{year}年',
  chartBarTitle: '{month}：{parts}',
  chartTableCaption: '每月会议数',
  chartTableToggle: '各月会议数（表格）',
  chartMonthHeader: '月份',
  chartTotalHeader: '合计',
  chartOther: '其他',
  /** Short month names for {monthName}, space-separated; none in Chinese, which writes 7月. */
  chartMonthNames: '',
  feeds: '订阅',
  atomFeed: 'Atom 订阅',
  jsonFeed: 'JSON Feed 订阅',
  feedSubtitle: '本档案新收录的报道，按收录日期由近及远排列，每条注明会议日期',
  feedOfProvince: '本档案新收录的',
  feedOfProvinceEnd: '报道，按收录日期由近及远排列，每条注明会议日期',
  provinceFeed: '订阅本省新收录的报道：',
  wholeArchive: '整个档案',
  feedsNote: '订阅源按报道收录进本档案的日期排列，新收录的在前；每条注明会议日期、记者和标签。整个档案有一个订阅源，每个省份各有一个：',
  addedDate: '收录日期',
  meetingDate: '会议日期',
  publishedDate: '发布日期',
  retrievedDate: '抓取日期',
  province: '省份',
  people: '人物',
  places: '地点',
  meetingType: '会议类型',
  publisher: '来源',
  site: '转载网站',
  sourceUrl: '原网址',
  dateline: '电头（文首署名）',
  authors: '记者',
  photographers: '摄影',
  editors: '编辑',
  originalTitle: '原标题',
  articleTitle: '标题',
  subtitle: '副题',
  contents: '本文目录',
  previous: '上一篇',
  next: '下一篇',
  olderNewer: '前后报道',
  provenance: '来源与整理',
  citeThis: '引用本文',
  citeIntro: '按 GB/T 7714 著录；同样的条目可下载为文献管理软件读取的格式：',
  citeEnglishName: 'Hunan–Henan COVID-control meetings archive',
  provenanceIntro: '本文由以下网页抓取文件整理而成。原始文件按原样保存，可用 SHA-256 校验。',
  rawFile: '原始抓取文件',
  bytes: '字节',
  sha256: 'SHA-256 校验值',
  sha256How: '下载原始文件后，在 Linux 终端运行 {sha256sum}（macOS 用 {shasum}），或在 Windows 命令提示符中运行 {certutil}，算出的值应与上面的校验值一致。',
  encoding: '文字编码',
  encodingUtf8: 'UTF-8（通用的 Unicode 编码）',
  encodingUtf16: 'UTF-16（Unicode 的另一种存法）',
  encodingGb18030: 'GB18030（国家标准的汉字编码，简体中文网页常用）',
  encodingBig5: 'Big5（繁体中文常用的编码，港台网页多用）',
  rawAsSaved: '原样字节',
  utf8Copy: 'UTF-8 转码副本',
  utf8CopyNote: '原始文件按原样字节发布；浏览器若把它显示成乱码，请看{copy}：按上面的编码解码后另存为 UTF-8，文字与原件相同。',
  waybackLink: '到互联网档案馆（Wayback Machine）查找这个网址的存档',
  originalScript: '原文用字',
  scriptHans: '简体',
  scriptHant: '繁体',
  scriptHantHK: '繁体（香港）',
  scriptHantTW: '繁体（台湾）',
  undated: '日期不详',
  unknownDay: '不详',
  undatedTitle: '日期不详的报道',
  undatedIntro: '以下报道的会议日期和发布日期都无法从采集的网页中读出，按标题拼音排列。',
  undatedLink: '日期不详的报道',
  fidelityNotes: '整理记录摘要',
  noFidelityNotes: '整理中没有需要说明的改动。',
  auditReport: '查看完整整理记录',
  photoNotArchived: '图片未存档',
  sectionLink: '本节的链接',
  missingPhotosNote: '原网页中的图片均未存档，仅保留图片说明。',
  tagKindProvince: '省份',
  tagKindPerson: '人物',
  tagKindPlace: '地点',
  tagKindMeetingType: '会议类型',
  roleTimeline: '任职经历',
  roleTimelineIntro: '按任职先后排列；每项职务下列出所据的报道原文或公开记录。',
  roleFromCapture: '报道原文',
  roleCaptureDay: '所述日期',
  roleRecord: '公开记录',
  roleChecked: '核实情况',
  meetingsByRole: '按当日职务分列的会议报道',
  meetingsRoleUncertain: '会议当日所任职务不能确定',
  meetingsRoleUncertainNote: '现有资料不能确定会议当天的职务（例如职务交接当月的会议，或日期不详的报道）。',
  placePath: '地区层级',
  placeWithin: '所涉下辖地区',
  roles: '职务',
  roleAtTheTime: '时任',
  metaSummaryMore: '报道信息',
  aliases: '又称',
  tagArticles: '相关报道',
  page: '页',
  pagination: '分页',
  previousPage: '上一页',
  nextPage: '下一页',
  yearArchive: '年报道',
  monthArchive: '{year}年{monthName}报道',
  wholeYear: '{year}年全部报道',
  years: '年份',
  searchTitle: '搜索',
  searchLabel: '搜索报道',
  searchSiteLabel: '搜索全站报道',
  searchButton: '搜索',
  searchHint: '按原文逐字查找标题、副题、正文和图片说明，简体繁体均可。多个词用空格隔开，须同时出现；带空格的短语请加引号；词前加减号（-）表示排除。',
  searchNeedsScript: '搜索需要浏览器启用 JavaScript。档案的其他部分无需 JavaScript 即可浏览：可按时间线或标签查找报道。',
  searchLoading: '正在搜索……',
  searchNoResults: '没有找到相关报道。',
  searchFound: '找到 {count} 篇报道',
  searchShowing: '，以下是第 {from}—{to} 篇',
  searchChecking: '已核对 {checked}/{candidates} 篇候选报道，已找到 {count} 篇……',
  searchIgnored: '（已忽略不含文字的词：{terms}）',
  searchFailed: '搜索索引未能加载。',
  searchFilters: '筛选与排序',
  searchAny: '全部',
  searchSort: '排序',
  sortRelevance: '相关度（标题、次数、位置）',
  sortNewest: '会议日期，由近及远',
  sortOldest: '会议日期，由远及近',
  searchApply: '应用',
  searchResultLoading: '正在载入……',
  searchPageOf: '第 {page}/{pages} 页',
  searchDay: '{year}年{month}月{day}日',
  searchOptionCount: '{text}（{count}）',
  aboutTitle: '关于本档案',
  notFoundTitle: '页面不存在',
  notFoundText: '没有找到这个页面。它可能从未存在，或者地址有误。',
  notFoundBack: '返回时间线',
  reportTitle: '整理记录',
  reportIntro: '下表列出把网页抓取文件整理成本文时的每一步改动，供核对。',
  reportCaptures: '抓取文件',
  reportCharacters: '字数统计',
  reportEntries: '逐项记录',
  reportStep: '步骤',
  reportRule: '依据',
  reportRuleCode: '规则代码',
  reportMovedTo: '移入',
  reportAction: '处理',
  reportText: '内容',
  reportShape: '文件形式',
  shapeHtml: '网页（HTML）',
  shapeHexoHtml: '博客文章，正文为网页（HTML）',
  shapeMarkdown: '博客文章，正文为 Markdown 格式的文字',
  shapeHexoText: '博客文章，正文为纯文本',
  shapeText: '纯文本',
  reportBackToArticle: '返回报道',
  reportNoEntries: '没有记录。',
  footerNote: '本站为静态档案，不加载任何外部资源，不做访问统计。',
  aboutLink: '关于本档案与整理方法',
  chineseOriginal: '以下为报道的中文原文。',
};

/** The interface's words: an edition's table must name every one (a missing label is a type error). */
export type Labels = { [Key in keyof typeof SIMPLIFIED]: string };
export type LabelKey = keyof Labels;

const ENGLISH: Labels = {
  downloadCsv: 'The whole archive as a CSV table (one row per article, its metadata)',
  ogImageAlt: 'Hunan–Henan COVID-control meetings archive: news reports of the meetings on COVID-19 control held in Hunan and Henan, 2020–2021',
  chartTitle: 'Meetings per month, by province',
  chartDescription: 'Meetings reported each month from {first} to {last}, stacked by province: {totals}. The table below the chart gives each month’s figures.',
  chartTotalsItem: '{province} {count} in all',
  chartListSeparator: ', ',
  chartMonth: '{monthName} {year}',
  chartTick: '{monthName}',
  chartYear: '{year}',
  chartBarTitle: '{month}: {parts}',
  chartTableCaption: 'Meetings per month',
  chartTableToggle: 'Meetings per month (table)',
  chartMonthHeader: 'Month',
  chartTotalHeader: 'Total',
  chartOther: 'Other',
  chartMonthNames: 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec',
  monthArchive: 'Articles of {monthName} {year}',
  wholeYear: 'All articles of {year}',
  siteName: 'Hunan–Henan COVID-control meetings archive',
  siteShortName: 'Hunan–Henan archive',
  siteTagline: 'News reports of the meetings on COVID-19 control held in Hunan and Henan, 2020–2021',
  skipToContent: 'Skip to content',
  primaryNav: 'Main navigation',
  navHome: 'Timeline',
  navTags: 'Tags',
  navSearch: 'Search',
  navAbout: 'About',
  editions: 'Editions',
  editionLabelHans: 'Simplified Chinese edition',
  editionLabelHant: 'Traditional Chinese edition',
  editionLabelEn: 'English edition',
  homeIntro:
    'This archive holds news reports of the meetings and inspections on COVID-19 control held in the provinces of Hunan and Henan in 2020 and 2021. Each report is made from web captures: page furniture removed, garbled text repaired, and the original files, their checksums and a record of every change published beside it. The reports are in Chinese; this edition gives the interface, names and dates in English.',
  timeline: 'Timeline',
  collectedPrefix: 'The archive holds',
  collectedRange: ', of meetings held from ',
  rangeTo: ' to ',
  fullStop: '.',
  kindOfTag: 'Kind',
  timelineNote: 'In order of the meeting date.',
  articlesUnit: 'articles',
  moreInYear: 'All articles of the year',
  browseTags: 'Browse by tag',
  allTags: 'All tags',
  download: 'Downloads',
  downloadArchive: 'The whole archive as JSON (metadata and full text)',
  feeds: 'Feeds',
  atomFeed: 'Atom feed (Chinese)',
  jsonFeed: 'JSON Feed (Chinese)',
  feedSubtitle: 'Articles new in the archive, latest added first, each with its meeting date',
  feedOfProvince: 'Articles new in the archive from ',
  feedOfProvinceEnd: ', latest added first, each with its meeting date',
  provinceFeed: 'Follow the articles new in the archive from this province: ',
  wholeArchive: 'The whole archive',
  feedsNote:
    'The feeds list the articles in the order they joined the archive, the newest first; each entry gives the meeting date, the reporters and the tags. They are in Chinese (the Simplified edition’s; the Traditional edition has its own). There is one feed of the whole archive and one for each province:',
  addedDate: 'Added',
  meetingDate: 'Meeting date',
  publishedDate: 'Published',
  retrievedDate: 'Captured',
  province: 'Province',
  people: 'People',
  places: 'Places',
  meetingType: 'Meeting type',
  publisher: 'Source',
  site: 'Republished by',
  sourceUrl: 'Original URL',
  dateline: 'Dateline',
  authors: 'Reporters',
  photographers: 'Photographers',
  editors: 'Editors',
  originalTitle: 'Original headline',
  articleTitle: 'Headline',
  subtitle: 'Deck',
  contents: 'Contents',
  previous: 'Previous',
  next: 'Next',
  olderNewer: 'Earlier and later articles',
  provenance: 'Provenance',
  citeThis: 'Cite this article',
  citeIntro: 'In GB/T 7714 form, the Chinese standard for references; the same entry to download for reference managers:',
  citeEnglishName: 'Hunan–Henan COVID-control meetings archive',
  provenanceIntro: 'This article was made from the web captures below. Each is kept exactly as it was saved and can be checked against its SHA-256.',
  rawFile: 'Raw capture',
  bytes: 'bytes',
  sha256: 'SHA-256 checksum',
  sha256How:
    'Download the raw file and run {sha256sum} in a Linux terminal ({shasum} on macOS), or {certutil} in the Windows command prompt: the value it prints should be the checksum above.',
  encoding: 'Text encoding',
  encodingUtf8: 'UTF-8 (the common encoding of Unicode)',
  encodingUtf16: 'UTF-16 (another way of storing Unicode)',
  encodingGb18030: 'GB18030 (the national standard encoding of Chinese characters, common on Simplified Chinese sites)',
  encodingBig5: 'Big5 (an encoding of Traditional Chinese, common on Hong Kong and Taiwan sites)',
  rawAsSaved: 'bytes as saved',
  utf8Copy: 'UTF-8 copy',
  utf8CopyNote:
    'The raw file is published as the bytes that were saved; if your browser shows it garbled, read the {copy}: the same text decoded with the encoding above and saved as UTF-8.',
  waybackLink: 'Look this address up in the Internet Archive’s Wayback Machine',
  originalScript: 'Script of the original',
  scriptHans: 'Simplified',
  scriptHant: 'Traditional',
  scriptHantHK: 'Traditional (Hong Kong)',
  scriptHantTW: 'Traditional (Taiwan)',
  undated: 'Date not known',
  unknownDay: 'not known',
  undatedTitle: 'Articles without a date',
  undatedIntro: 'Neither the meeting date nor the publication date of these articles can be read from their captures; they are listed by the pinyin of their headlines.',
  undatedLink: 'Articles without a date',
  fidelityNotes: 'Summary of the record of changes (in Chinese)',
  noFidelityNotes: 'Nothing was changed that needs a note.',
  auditReport: 'The full record of changes',
  photoNotArchived: 'Photo not archived',
  sectionLink: 'Link to this section',
  missingPhotosNote: 'None of the photos of the original page were archived; their captions are kept.',
  tagKindProvince: 'Province',
  tagKindPerson: 'Person',
  tagKindPlace: 'Place',
  tagKindMeetingType: 'Meeting type',
  roleTimeline: 'Posts held',
  roleTimelineIntro: 'In the order they were held; under each post, the words of the reports or the public record it is read from (quoted in Chinese).',
  roleFromCapture: 'Report',
  roleCaptureDay: 'date of the report',
  roleRecord: 'Public record',
  roleChecked: 'checked',
  meetingsByRole: 'Meetings by the post held on the day',
  meetingsRoleUncertain: 'Post on the day of the meeting not certain',
  meetingsRoleUncertainNote: 'The data cannot tell which post was held on the day of these meetings (a meeting in the month a post changed hands, or an article without a date).',
  placePath: 'Administrative levels',
  placeWithin: 'Places within named',
  roles: 'Roles',
  roleAtTheTime: 'then ',
  metaSummaryMore: 'About this report',
  aliases: 'Also called',
  tagArticles: 'Articles',
  page: 'pages',
  pagination: 'Pages',
  previousPage: 'Previous page',
  nextPage: 'Next page',
  yearArchive: 'articles',
  years: 'Years',
  searchTitle: 'Search',
  searchLabel: 'Search the articles',
  searchSiteLabel: 'Search the whole archive',
  searchButton: 'Search',
  searchHint:
    'Finds the exact Chinese characters you type in headlines, decks, text and captions, in Simplified or Traditional. Separate words with spaces to find articles with all of them; put a phrase with spaces in quotes; put a minus sign (-) before a word to leave it out.',
  searchNeedsScript: 'Search needs JavaScript in your browser. The rest of the archive works without it: find articles through the timeline or the tags.',
  searchLoading: 'Searching…',
  searchNoResults: 'No articles found.',
  searchFound: '{count} articles found',
  searchShowing: ', showing {from}–{to}',
  searchChecking: 'Checked {checked} of {candidates} candidate articles, {count} found so far…',
  searchIgnored: ' (words without characters left out: {terms})',
  searchFailed: 'The search index could not be loaded.',
  searchFilters: 'Filters and order',
  searchAny: 'Any',
  searchSort: 'Order',
  sortRelevance: 'Relevance (headline, frequency, position)',
  sortNewest: 'Meeting date, latest first',
  sortOldest: 'Meeting date, earliest first',
  searchApply: 'Apply',
  searchResultLoading: 'Loading…',
  searchPageOf: 'Page {page} of {pages}',
  searchDay: '{day} {monthName} {year}',
  searchOptionCount: '{text} ({count})',
  aboutTitle: 'About the archive',
  notFoundTitle: 'Page not found',
  notFoundText: 'There is no page at this address. It may never have existed, or the address may be mistyped.',
  notFoundBack: 'Back to the timeline',
  reportTitle: 'Record of changes',
  reportIntro: 'Every change made in turning the web captures into this article, step by step, for checking. The text quoted is the capture’s, in Chinese.',
  reportCaptures: 'Captures',
  reportCharacters: 'Characters',
  reportEntries: 'Entries',
  reportStep: 'Step',
  reportRule: 'Why',
  reportRuleCode: 'rule code',
  reportMovedTo: 'Moved to',
  reportAction: 'Action',
  reportText: 'Text',
  reportShape: 'Form of the file',
  shapeHtml: 'Web page (HTML)',
  shapeHexoHtml: 'Blog post, its text a web page (HTML)',
  shapeMarkdown: 'Blog post, its text in Markdown',
  shapeHexoText: 'Blog post, its text plain',
  shapeText: 'Plain text',
  reportBackToArticle: 'Back to the article',
  reportNoEntries: 'No entries.',
  footerNote: 'A static archive: it loads nothing from other sites and counts no visits.',
  aboutLink: 'About the archive and how it is made',
  chineseOriginal: 'The text below is the Chinese original, in Simplified characters, untranslated.',
};

/**
 * How an edition writes what is made of words and numbers. The Chinese format writes Simplified;
 * the Traditional edition's is the same, converted.
 */
export interface EditionFormat {
  /** A day (YYYY-MM-DD): 2021年7月28日, 28 July 2021. */
  day(day: string): string;
  /** A month of a year page or the timeline: 7月, July. */
  month(month: number): string;
  /** A year of the timeline: 2021年, 2021. */
  year(year: number): string;
  /** A year page's title: 2021年报道, Articles of 2021. */
  yearArchive(year: number): string;
  /** A count of articles: 3 篇, 3 articles. */
  articles(count: number): string;
  /** The word after a count printed apart (the home page's figure): 篇, article(s). */
  articlesUnit(count: number): string;
  /** Where a page is in a list of pages: 2 / 5 页, page 2 of 5. */
  pageOf(page: number, pages: number): string;
  /** The title of a later page of a list: 湖南（2）, Hunan (page 2). */
  numbered(title: string, page: number): string;
  /** A label and what it labels: 原标题：…, Original headline: … */
  labelled(label: string, value: string): string;
  /** An aside after a word: （…）, or a space and (…). */
  aside(text: string): string;
  /** The marks around an aside that holds markup: （ and ）, ( and ). */
  parentheses: readonly [string, string];
  /** Between the items of a list of names: 、 or a comma. */
  listSeparator: string;
  /** Between clauses that hold commas themselves (roles): ； or a semicolon. */
  clauseSeparator: string;
  /** What comes before an aside that holds markup, besides its mark: nothing in Chinese, a space in English. */
  asideSpace: string;
  /** Before what a quotation is from: ——, or a dash between spaces. */
  dash: string;
  /** How many people an article names: 3 位人物, 3 people. */
  people(count: number): string;
  /** How many places an article names: 2 处地点, 2 places. */
  places(count: number): string;
  /** How many sections a table of contents lists: 5 节, 5 sections. */
  sections(count: number): string;
  /** Of a tag page's articles, those listed only for a place within: 其中 2 篇只涉及下辖地区. */
  onlyWithin(count: number): string;
  /** A tag page's description. */
  tagDescription(kind: string, name: string, count: number): string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const dayParts = (day: string) => day.split('-').map(Number) as [number, number, number];

const chineseFormat = (convert: (text: string) => string): EditionFormat => ({
  day: (day) => {
    const [year, month, date] = dayParts(day);
    return convert(`${year}年${month}月${date}日`);
  },
  month: (month) => convert(`${month}月`),
  year: (year) => convert(`${year}年`),
  yearArchive: (year) => convert(`${year}年报道`),
  articles: (count) => convert(`${count} 篇`),
  articlesUnit: () => convert('篇'),
  pageOf: (page, pages) => convert(`${page} / ${pages} 页`),
  numbered: (title, page) => `${title}（${page}）`,
  labelled: (label, value) => `${label}：${value}`,
  aside: (text) => `（${text}）`,
  parentheses: ['（', '）'],
  listSeparator: '、',
  clauseSeparator: '；',
  asideSpace: '',
  dash: '—— ',
  people: (count) => convert(`${count} 位人物`),
  places: (count) => convert(`${count} 处地点`),
  sections: (count) => convert(`${count} 节`),
  onlyWithin: (count) => convert(`其中 ${count} 篇只涉及下辖地区`),
  tagDescription: (kind, name, count) => convert(`${kind}“${name}”的相关报道，共 ${count} 篇。`),
});

const ENGLISH_FORMAT: EditionFormat = {
  day: (day) => {
    const [year, month, date] = dayParts(day);
    return `${date} ${MONTHS[month - 1]} ${year}`;
  },
  month: (month) => MONTHS[month - 1]!,
  year: (year) => String(year),
  yearArchive: (year) => `Articles of ${year}`,
  articles: (count) => `${count} ${count === 1 ? 'article' : 'articles'}`,
  articlesUnit: (count) => (count === 1 ? 'article' : 'articles'),
  pageOf: (page, pages) => `page ${page} of ${pages}`,
  numbered: (title, page) => `${title} (page ${page})`,
  labelled: (label, value) => `${label}: ${value}`,
  aside: (text) => ` (${text})`,
  parentheses: ['(', ')'],
  listSeparator: ', ',
  clauseSeparator: '; ',
  asideSpace: ' ',
  dash: ' — ',
  people: (count) => (count === 1 ? '1 person' : `${count} people`),
  places: (count) => (count === 1 ? '1 place' : `${count} places`),
  sections: (count) => (count === 1 ? '1 section' : `${count} sections`),
  onlyWithin: (count) => `${count} of them only for places within it`,
  tagDescription: (kind, name, count) => `${kind} ${name}: ${count} ${count === 1 ? 'article' : 'articles'} in the archive.`,
};

export type InterfaceText = Labels & { format: EditionFormat };

/**
 * Each edition's name in its own script or language, the same on every page (the edition
 * switch): a reader looks for the edition they read, not for its name in the page's language.
 */
export const EDITION_NAMES: Record<Edition, string> = { 'zh-Hans': '简体', 'zh-Hant': '繁體', en: 'English' };

const cache = new Map<Edition, InterfaceText>();

export function interfaceText(edition: Edition): InterfaceText {
  let text = cache.get(edition);
  if (!text) {
    if (edition === 'en') text = { ...ENGLISH, format: ENGLISH_FORMAT };
    else if (edition === 'zh-Hans') text = { ...SIMPLIFIED, format: chineseFormat((value) => value) };
    else {
      const labels = Object.fromEntries(Object.entries(SIMPLIFIED).map(([key, value]) => [key, toTraditional(value)])) as Labels;
      text = { ...labels, format: chineseFormat(toTraditional) };
    }
    cache.set(edition, text);
  }
  return text;
}
