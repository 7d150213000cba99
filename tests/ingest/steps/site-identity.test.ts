import type { Root } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { pageHead } from '../../../src/ingest/steps/page-head.ts';
import { pageLines, siteIdentity } from '../../../src/ingest/steps/site-identity.ts';
import { archiveData, captureState, ingest } from '../helpers.ts';

const data = archiveData();

/** The step's reading of a page: its site's place, from the province down, and its registration. */
function identityOf(html: string) {
  const tree = unified().use(rehypeParse).parse(html) as Root;
  const state = captureState({ page: pageHead(tree) });
  const identity = siteIdentity(state, pageLines(tree), data.identity, data.gazetteer);
  return { places: identity?.places.map((place) => place.name) ?? [], source: identity?.source, registration: identity?.registration };
}

const LEAD = '1月5日晚，市委书记主持召开全市疫情防控工作调度会，听取近期疫情防控工作情况汇报，安排部署下一步工作。';
const MORE = '会议指出，当前我市疫情防控形势严峻复杂，各级各部门要坚决克服麻痹思想、厌战情绪，守牢疫情防控防线。';

describe('site identity', () => {
  it('reads the site’s place from its name in a site-name meta tag, the <title>, or the footer', () => {
    expect(identityOf('<html><head><title>x</title><meta name="SiteName" content="洛阳市人民政府"></head><body></body></html>')).toMatchObject({ places: ['河南', '洛阳'], source: 'meta' });
    expect(identityOf('<html><head><title>区委召开专题会议-张家界市永定区人民政府</title></head><body></body></html>')).toMatchObject({
      places: ['湖南', '张家界', '永定区'],
      source: 'title',
    });
    expect(identityOf('<html><body><p>正文</p><div class="foot"><p>主办：呼和浩特市卫生健康委员会　地址：呼和浩特市新城区</p></div></body></html>')).toMatchObject({
      places: ['内蒙古', '呼和浩特'],
      source: 'footer',
    });
    expect(identityOf('<html><head><title>x</title><meta name="author" content="西安发布"></head><body></body></html>')).toMatchObject({ places: ['陕西', '西安'], source: 'author' });
    expect(identityOf('<html><head><title>标题 | 两岸 | 海峽新聞網</title></head><body><p>© 2022 海峽新聞網 版權所有</p></body></html>').places).toEqual([]);
  });

  it('takes the province of the ICP or 公网安备 registration, and lets it decide between places sharing a name', () => {
    expect(identityOf('<html><head><title>标题_永定区人民政府</title></head><body><p>湘ICP备12001234号-1</p></body></html>')).toMatchObject({
      places: ['湖南', '张家界', '永定区'],
      registration: '湖南',
    });
    expect(identityOf('<html><head><title>标题_永定区人民政府</title></head><body><p>闽公网安备 35080302000100号</p></body></html>').places).toEqual(['福建', '龙岩', '永定区']);
    expect(identityOf('<html><head><title>标题_永定区人民政府</title></head><body></body></html>').places).toEqual([]);
  });

  it('gives the text’s words for its own place their place, and the article a province its text does not name', () => {
    const page = (title: string, footer = '') => `<html><head><title>${title}</title></head><body><h1>我市召开疫情防控工作调度会</h1><div class="content"><p>${LEAD}</p><p>${MORE}</p></div>${footer}</body></html>`;
    const city = ingest(page('我市召开疫情防控工作调度会_洛阳市人民政府'), 'content/raw/city.html');
    expect({ places: city.meta.places, placePaths: city.meta.placePaths, province: city.meta.province }).toEqual({ places: ['洛阳'], placePaths: ['河南/洛阳'], province: '河南' });
    // On a county's site, 我市 is its prefecture (a county's portal reprints the city's news); on a
    // city's site, 我县 is no place of its own.
    const county = ingest(page('我市召开疫情防控工作调度会_沈丘县人民政府'), 'content/raw/county.html');
    expect({ places: county.meta.places, placePaths: county.meta.placePaths }).toEqual({ places: ['周口'], placePaths: ['河南/周口'] });
    const cityCounty = ingest(page('我县召开疫情防控工作调度会_洛阳市人民政府').replaceAll('我市', '我县'), 'content/raw/city-county.html');
    expect({ places: cityCounty.meta.places, province: cityCounty.meta.province }).toEqual({ places: [], province: '河南' });
    // A site whose name names no place: the province of its registration, since the text speaks of its own place.
    const registered = ingest(page('我市召开疫情防控工作调度会_蓉城在线', '<div class="foot">蜀ICP备00000000号</div>'), 'content/raw/registered.html');
    expect({ places: registered.meta.places, province: registered.meta.province }).toEqual({ places: [], province: '四川' });
  });

  it('never outweighs the places the text names', () => {
    const text = '8月2日，郑州市召开疫情防控工作会议，部署全市疫情防控工作。会议要求，金水区、二七区要全力做好重点人员排查管控。';
    const result = ingest(`<html><head><title>郑州市召开疫情防控工作会议_湖南日报网</title></head><body><h1>郑州市召开疫情防控工作会议</h1><div class="content"><p>${text}</p></div><p>湘ICP备00000000号</p></body></html>`, 'content/raw/news.html');
    expect({ places: result.meta.places, province: result.meta.province }).toEqual({ places: ['郑州', '金水区', '二七区'], province: '河南' });
  });

  it('reads a page saved as text by its footer lines', () => {
    const result = ingest(['我市召开疫情防控工作调度会', LEAD, MORE, '主办：郑州市人民政府办公厅　　豫ICP备00000000号'].join('\n'));
    expect({ places: result.meta.places, province: result.meta.province }).toEqual({ places: ['郑州'], province: '河南' });
  });

  it('gives a Hong Kong outlet’s article the province 香港 when its text names no place', () => {
    const post = ['---', 'title: 行政長官主持會議', 'source: "https://www.news.example.hk/a.htm"', '---', '', '行政長官今日下午主持抗疫督導會議，聽取各政策局及部門匯報最新疫情及應對工作，並作出部署。', '', '行政長官表示，特區政府會全力以赴，盡快遏止疫情擴散，保障市民的生命安全和身體健康。'].join('\n');
    expect(ingest(post, 'content/raw/hk.md').meta.province).toBe('香港');
  });
});
