import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { ResearchDataError } from '../../src/site/research/data-file.ts';
import {
  loadEnglishNames,
  meetingTypeName,
  parseEnglishNames,
  personName,
  placeName,
  provinceName,
  publisherName,
} from '../../src/site/research/english-names.ts';

const names = loadEnglishNames('content/data/english.yaml');
const dataList = (file: string) => parse(readFileSync(`content/data/${file}`, 'utf8')) as Record<string, unknown>[];

describe('people in Hanyu Pinyin', () => {
  it('writes the surname first and the given name as one word', () => {
    expect(personName('许达哲', names)).toBe('Xu Dazhe');
    expect(personName('楼阳生', names)).toBe('Lou Yangsheng');
    expect(personName('王凯', names)).toBe('Wang Kai');
    expect(personName('冒蕞', names)).toBe('Mao Zui');
  });

  it('reads surnames as surnames', () => {
    expect(personName('单雄信', names)).toBe('Shan Xiongxin');
    expect(personName('曾国藩', names)).toBe('Zeng Guofan');
    expect(personName('解振华', names)).toBe('Xie Zhenhua');
    expect(personName('仇和', names)).toBe('Qiu He');
  });

  it('keeps compound surnames together, and marks syllable boundaries before a, o, e', () => {
    expect(personName('欧阳琼', names)).toBe('Ouyang Qiong');
    expect(personName('长孙无忌', names)).toBe('Zhangsun Wuji');
    expect(personName('张嘉安', names)).toBe("Zhang Jia'an");
    expect(personName('吕梁', names)).toBe('Lü Liang');
  });

  it('gives every official in officials.yaml a two-part name in Latin letters', () => {
    for (const official of dataList('officials.yaml')) {
      expect(personName(String(official.name), names), String(official.name)).toMatch(/^[A-Z][a-zü']+ [A-Z][a-zü']+$/);
    }
  });
});

describe('places', () => {
  it('names prefectures by their pinyin and counties with the English word for their suffix', () => {
    expect(placeName('长沙', names, 'prefecture')).toBe('Changsha');
    expect(placeName('湘西', names, 'prefecture')).toBe('Xiangxi');
    expect(placeName('沈丘县', names, 'county')).toBe('Shenqiu County');
    expect(placeName('岳麓区', names, 'county')).toBe('Yuelu District');
    expect(placeName('邵东市', names, 'county')).toBe('Shaodong City');
    expect(placeName('西安', names)).toBe("Xi'an");
  });

  it('uses the readings the data gives where the usual reading is wrong for the place', () => {
    expect(placeName('浚县', names, 'county')).toBe('Xun County');
    expect(placeName('单县', names, 'county')).toBe('Shan County');
  });

  it('names every place in places.yaml, counties with a suffix and prefectures without', () => {
    for (const place of dataList('places.yaml')) {
      const english = placeName(String(place.name), names, place.level as 'prefecture' | 'county');
      expect(english, String(place.name)).toMatch(place.level === 'county' ? /^[A-Z][a-zü']+ (County|District|City|Autonomous County|Banner)$/ : /^[A-Z][a-zü']+$/);
    }
  });
});

describe('provinces, meeting types and publishers in English', () => {
  it('translates every province and meeting type the archive uses', () => {
    const provinces = new Set([...dataList('places.yaml'), ...dataList('officials.yaml')].map((row) => String(row.province)));
    for (const province of provinces) expect(names.provinces.has(province), province).toBe(true);
    for (const type of dataList('meeting-types.yaml')) expect(meetingTypeName(String(type.name), names), String(type.name)).toBeTruthy();
    expect(provinceName('湖南', names)).toBe('Hunan');
    expect(meetingTypeName('电视电话会议', names)).toBe('Video and telephone conference');
    expect(publisherName('湖南日报', names)).toBe('Hunan Daily');
  });

  it('falls back to pinyin for a province the data lacks, and to nothing for an unknown meeting type', () => {
    expect(provinceName('湖北省', names)).toBe('Hubei');
    expect(meetingTypeName('座谈会', names)).toBeUndefined();
    expect(publisherName('沈丘县融媒体中心', names)).toBeUndefined();
  });
});

describe('reading english.yaml', () => {
  it('refuses a malformed section in one line naming the file', () => {
    const read = (value: unknown) => () => parseEnglishNames(value, 'content/data/english.yaml');
    expect(read([])).toThrow(new ResearchDataError('content/data/english.yaml', 'must be a YAML mapping of sections'));
    expect(read({ provinces: { 湖南: '' } })).toThrow(/^content\/data\/english\.yaml: provinces: 湖南 must be a non-empty English name$/);
    expect(read({ compoundSurnames: ['欧'] })).toThrow(/compoundSurnames must be a list of two-character surnames$/);
  });

  it('lets the longest suffix win', () => {
    const custom = parseEnglishNames({ placeSuffixes: { 县: 'County', 自治县: 'Autonomous County' } }, 'english.yaml');
    expect(placeName('城步苗族自治县', custom, 'county')).toMatch(/ Autonomous County$/);
  });
});
