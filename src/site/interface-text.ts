/**
 * Every word of the interface, written once in Simplified; the Traditional edition's strings are
 * converted with the same converter as the articles, so the two editions cannot drift apart.
 */
import { toTraditional, type Edition } from './editions.ts';

const SIMPLIFIED = {
  siteName: '湘豫防疫会议档案',
  siteTagline: '2020—2021 年湖南、河南新冠肺炎疫情防控会议报道档案',
  skipToContent: '跳到正文',
  primaryNav: '主导航',
  navHome: '时间线',
  navTags: '标签',
  navSearch: '搜索',
  navAbout: '关于',
  switchTo: '繁體',
  switchLabel: '切换到繁体版',
  editionName: '简体版',
  homeIntro:
    '本档案收录 2020 至 2021 年间湖南、河南两省新冠肺炎疫情防控会议与督导检查的新闻报道。每篇报道都由网页抓取原件整理而成：去除网页框架、修复乱码，原始文件、校验值与整理记录随文公开。',
  timeline: '时间线',
  yearSuffix: '年',
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
  feeds: '订阅',
  atomFeed: 'Atom 订阅',
  jsonFeed: 'JSON Feed 订阅',
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
  dateline: '电头',
  authors: '记者',
  photographers: '摄影',
  editors: '编辑',
  originalTitle: '原标题',
  contents: '本文目录',
  previous: '上一篇',
  next: '下一篇',
  olderNewer: '前后报道',
  provenance: '来源与整理',
  provenanceIntro: '本文由以下网页抓取文件整理而成。原始文件按原样保存，可用 SHA-256 校验。',
  rawFile: '原始抓取文件',
  bytes: '字节',
  sha256: 'SHA-256',
  encoding: '原始编码',
  originalScript: '原始字体',
  scriptHans: '简体',
  scriptHant: '繁体',
  fidelityNotes: '整理说明',
  noFidelityNotes: '整理中没有需要说明的改动。',
  auditReport: '查看完整整理记录',
  photoNotArchived: '图片未存档',
  missingPhotosNote: '原网页中的图片均未存档，仅保留图片说明。',
  tagKindProvince: '省份',
  tagKindPerson: '人物',
  tagKindPlace: '地点',
  tagKindMeetingType: '会议类型',
  roles: '职务',
  aliases: '又称',
  parentPlace: '上级地区',
  tagArticles: '相关报道',
  page: '页',
  pagination: '分页',
  previousPage: '上一页',
  nextPage: '下一页',
  yearArchive: '年报道',
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
  aboutTitle: '关于本档案',
  notFoundTitle: '页面不存在',
  notFoundText: '没有找到这个页面。它可能从未存在，或者地址有误。',
  notFoundBack: '返回时间线',
  reportTitle: '整理记录',
  reportFor: '整理记录：',
  reportIntro: '下表列出把网页抓取文件整理成本文时的每一步改动，供核对。',
  reportCaptures: '抓取文件',
  reportCharacters: '字数统计',
  reportEntries: '逐项记录',
  reportStep: '步骤',
  reportRule: '规则',
  reportAction: '处理',
  reportText: '内容',
  reportShape: '页面类型',
  reportBackToArticle: '返回报道',
  reportNoEntries: '没有记录。',
  footerNote: '本站为静态档案，不加载任何外部资源，不做访问统计。',
  aboutLink: '关于本档案与整理方法',
};

export type InterfaceText = typeof SIMPLIFIED;

const cache = new Map<Edition, InterfaceText>();

export function interfaceText(edition: Edition): InterfaceText {
  let text = cache.get(edition);
  if (!text) {
    text =
      edition === 'zh-Hans'
        ? SIMPLIFIED
        : (Object.fromEntries(Object.entries(SIMPLIFIED).map(([key, value]) => [key, toTraditional(value)])) as InterfaceText);
    if (edition === 'zh-Hant') {
      // The switch names the *other* edition, in that edition's own script.
      text = { ...text, switchTo: '简体', switchLabel: '切換到簡體版' };
    }
    cache.set(edition, text);
  }
  return text;
}
