import { describe, expect, it } from 'vitest';
import { findPlaces } from '../../src/ingest/gazetteer.ts';
import { archiveData, ingest } from './helpers.ts';

const gazetteer = () => archiveData().gazetteer;
const places = (text: string, province?: string) => findPlaces(text, gazetteer(), province).places.map((place) => place.path.join('/'));

describe('the national gazetteer', () => {
  it('knows every province, with Hong Kong, Macau and Taiwan, by short name', () => {
    const names = gazetteer().provinces.map((province) => province.name);
    expect(names).toHaveLength(34);
    expect(names).toEqual(expect.arrayContaining(['江苏', '上海', '广东', '四川', '湖北', '新疆', '内蒙古', '广西', '西藏', '宁夏', '香港', '澳门', '台湾']));
  });

  it('places a prefecture and its counties under their province, by full or short name', () => {
    expect(places('南京市江宁区、鼓楼区开展全员核酸检测，扬州全市停止堂食。')).toEqual(['江苏/南京', '江苏/南京/江宁区', '江苏/南京/鼓楼区', '江苏/扬州']);
    expect(places('武汉市江汉区')).toEqual(['湖北/武汉', '湖北/武汉/江汉区']);
    expect(places('伊犁哈萨克自治州霍尔果斯市')).toEqual(['新疆/伊犁', '新疆/伊犁/霍尔果斯市']);
    expect(places('锡林郭勒盟二连浩特市')).toEqual(['内蒙古/锡林郭勒', '内蒙古/锡林郭勒/二连浩特市']);
    expect(places('浦东新区')).toEqual(['上海/浦东新区']);
    expect(places('成都市郫都区')).toEqual(['四川/成都', '四川/成都/郫都区']);
  });

  it('reads the longest name once: a county named after its prefecture is not the prefecture', () => {
    expect(places('长沙县')).toEqual(['湖南/长沙/长沙县']);
    expect(places('湘西土家族苗族自治州')).toEqual(['湖南/湘西']);
    expect(places('通道侗族自治县')).toEqual(['湖南/怀化/通道侗族自治县']);
    expect(places('通道县')).toEqual(['湖南/怀化/通道侗族自治县']);
  });

  it('does not tag places from ordinary words', () => {
    expect(places('开辟绿色通道，城区和新区的开发区、东区都要落实措施，市中区域封控')).toEqual([]);
    expect(places('朝阳产业迎来来宾，祝大家平安顺利、长治久安，吃三明治')).toEqual([]);
    expect(places('推进新县城建设，和平发展，江北大地')).toEqual([]);
  });

  it('tags a name that is also a word with its suffix, in a list, or after its prefecture', () => {
    expect(places('朝阳市')).toEqual(['辽宁/朝阳']);
    expect(places('锦州、朝阳、阜新')).toEqual(['辽宁/锦州', '辽宁/朝阳', '辽宁/阜新']);
    expect(places('阳泉市城区')).toEqual(['山西/阳泉', '山西/阳泉/城区']);
    expect(places('香港东区')).toEqual(['香港/香港岛/东区']);
    expect(places('光山县、新县、商城县')).toEqual(['河南/信阳/光山县', '河南/信阳/新县', '河南/信阳/商城县']);
  });

  it('tells apart places that share a name by the prefecture or province the text names', () => {
    expect(places('南京市召开会议。鼓楼区、玄武区…')).toContain('江苏/南京/鼓楼区');
    expect(places('福州市鼓楼区')).toEqual(['福建/福州', '福建/福州/鼓楼区']);
    expect(places('北京市朝阳区')).toEqual(['北京/朝阳区']);
    expect(places('吉林省长春市朝阳区')).toEqual(['吉林/长春', '吉林/长春/朝阳区']);
    // Without evidence, a shared name is left untagged rather than guessed.
    expect(places('鼓楼区开展核酸检测')).toEqual([]);
    expect(places('鼓楼区开展核酸检测', '福建')).toEqual(['福建/福州/鼓楼区']);
  });

  it('keeps the archive’s own names from places.yaml: aliases and former names', () => {
    expect(places('湘西州')).toEqual(['湖南/湘西']);
    expect(places('沈丘')).toEqual(['河南/周口/沈丘县']);
    expect(places('祁阳县')).toEqual(['湖南/永州/祁阳县']);
  });

  it('counts the provinces a text names, by themselves and through their places', () => {
    const { provinces } = findPlaces('江苏省南京市、扬州市，上海市', gazetteer());
    expect(Object.fromEntries(provinces)).toEqual({ 江苏: 3, 上海: 1 });
  });
});

describe('province and places of an article', () => {
  const article = (title: string, lead: string) => ingest(`${title}\n发布时间：2021-08-09 10:00\n${lead}\n会议强调，要坚决遏制疫情扩散蔓延势头。\n`).meta;

  it('is the province the article is about, wherever in China', () => {
    expect(article('南京市召开疫情防控工作会议', '8月8日，南京市召开疫情防控工作会议，江宁区、鼓楼区负责同志参加。').province).toBe('江苏');
    expect(article('上海部署疫情防控工作', '8月8日，上海市召开会议，浦东新区、闵行区作交流发言。').province).toBe('上海');
    expect(article('武汉开展全员核酸检测', '8月2日，武汉市召开新闻发布会，江汉区、武昌区通报进展。').province).toBe('湖北');
    expect(article('特区政府加强防疫', '8月8日，香港特区政府宣布收紧入境检疫措施，全港加强检测。').province).toBe('香港');
  });

  it('lists each place with its path for the site', () => {
    const meta = article('南京市召开疫情防控工作会议', '8月8日，南京市召开疫情防控工作会议，江宁区负责同志参加。');
    expect(meta.places).toEqual(['南京', '江宁区']);
    expect(meta.placePaths).toEqual(['江苏/南京', '江苏/南京/江宁区']);
  });
});
