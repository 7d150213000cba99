import { describe, expect, it } from 'vitest';
import { LOST, planCaptureRepairs, repairMisdecoded } from '../../../src/ingest/mojibake/redecode.ts';
import { asBig5, asGbk, asGbkIconv, asLatin1, asWindows1252, asWindows1252Lossy, big5, gbk, utf8 } from './misreadings.ts';

// Texts written for these tests, in the register of the archive's reports.
const SIMPLIFIED = '省委书记主持召开全省疫情防控工作会议，要求各地压实“四方责任”，严格落实各项措施。';
const NOTICE = '郑州市新冠肺炎疫情防控指挥部发布通告：自8月1日起，全市开展全员核酸检测。';
const TRADITIONAL = '香港特區政府今日公布，將於下週一起放寬社交距離措施，並呼籲市民盡快接種疫苗。';
const DATED = '湖南省联防联控机制召开电视电话会议。2021年12月11日，我县组织收听收看。';

const repaired = (text: string) => repairMisdecoded(text).text;

/** The repair gives back exactly the bytes the text was written in. */
function roundTrips(original: string, garbled: string): void {
  expect(garbled).not.toBe(original);
  // The wrong reading lost nothing: it is one of the lossless kinds.
  expect(garbled).not.toContain('\uFFFD');
  const result = repaired(garbled);
  expect(Buffer.from(result, 'utf8').equals(Buffer.from(original, 'utf8'))).toBe(true);
}

describe('undoing a wrong decoding that lost no byte', () => {
  it('UTF-8 read as Windows-1252 (湖南 arriving as æ¹–å—), as browsers read it', () => {
    for (const text of [SIMPLIFIED, NOTICE, TRADITIONAL, DATED]) roundTrips(text, asWindows1252(utf8(text)));
  });

  it('UTF-8 read as Latin-1, C1 controls and all', () => {
    for (const text of [SIMPLIFIED, NOTICE, TRADITIONAL, DATED]) roundTrips(text, asLatin1(utf8(text)));
  });

  it('GBK read as Latin-1 (我县组织 arriving as ÎÒÏØ×éÖ¯) and as Windows-1252', () => {
    for (const text of [SIMPLIFIED, NOTICE, DATED]) {
      roundTrips(text, asLatin1(gbk(text)));
      roundTrips(text, asWindows1252(gbk(text)));
    }
  });

  it('GBK read as Latin-1 where a GBK code has an ASCII trail byte (镕 is E9 46: `é` then `F`)', () => {
    const text = '朱镕基同志的讲话';
    expect(asLatin1(gbk(text))).toContain('éF');
    roundTrips(text, asLatin1(gbk(text)));
  });

  it('Big5 read as Latin-1', () => {
    roundTrips(TRADITIONAL, asLatin1(big5(TRADITIONAL)));
  });

  it('Big5 read as GBK, and GBK read as Big5 where Big5 has every pair', () => {
    roundTrips(TRADITIONAL, asGbk(big5(TRADITIONAL)));
    roundTrips(TRADITIONAL, asGbkIconv(big5(TRADITIONAL)));
    for (const text of [NOTICE, '湖南省联防联控机制召开电视电话会议', '我县组织收听收看全省会议']) {
      const garbled = asBig5(gbk(text));
      expect(garbled).not.toContain('\uFFFD');
      roundTrips(text, garbled);
    }
  });

  it('UTF-8 read as GBK where no run ends in a lone byte', () => {
    // 湖南省联防联控会议 is nine characters, 27 bytes: the last byte pairs with the trail byte `A`.
    roundTrips('湖南省联防联控会议A组织', asGbk(utf8('湖南省联防联控会议A组织')));
    roundTrips('省委书记主持召开会议', asGbk(utf8('省委书记主持召开会议')));
    roundTrips('省委书记主持召开会议', asGbkIconv(utf8('省委书记主持召开会议')));
  });

  it('any of these applied twice', () => {
    for (const text of [SIMPLIFIED, NOTICE]) {
      // UTF-8 read as Windows-1252, saved, read as Windows-1252 again.
      roundTrips(text, asWindows1252(utf8(asWindows1252(utf8(text)))));
      // GBK read as Latin-1, saved as UTF-8, that read as GBK (脛锚 for 年).
      roundTrips(text, asGbk(utf8(asLatin1(gbk(text)))));
      // UTF-8 read as Latin-1, saved, read as Windows-1252.
      roundTrips(text, asWindows1252(utf8(asLatin1(utf8(text)))));
    }
    // UTF-8 read as GBK, saved, read as Windows-1252 (no byte lost in the first reading).
    roundTrips('省委书记主持召开会议', asWindows1252(utf8(asGbk(utf8('省委书记主持召开会议')))));
  });
});

describe('what survives of a lossy wrong decoding', () => {
  it('UTF-8 read as GBK: a run of odd length lost its last byte; every other character comes back, the lost one is marked', () => {
    // 2021年12月11日: 年 and 月 each stand alone before a digit, so their last byte paired with
    // nothing and became U+FFFD; 湖南省 (9 bytes) lost the last byte of 省 before the space.
    const garbled = asGbk(utf8('湖南省 2021年12月11日，我县组织收听收看。'));
    expect(garbled).toContain('\uFFFD');
    expect(repaired(garbled)).toBe(`湖南${LOST} 2021${LOST}12${LOST}11日，我县组织收听收看${LOST}`);
  });

  it('says how many characters were lost, and marks each stretch once', () => {
    const { repairs } = repairMisdecoded(asGbk(utf8('湖南省 2021年12月11日，我县组织收听收看。')));
    expect(repairs.reduce((sum, repair) => sum + repair.lost, 0)).toBe(4);
    expect(repairs.every((repair) => repair.after.split(LOST).length - 1 <= repair.lost)).toBe(true);
  });

  it('Windows-1252 read by a decoder that has nothing for 0x81, 0x8D, 0x8F, 0x90, 0x9D', () => {
    // 南 (E5 8D 97), 省 (E7 9C 81) and 召 (E5 8F AC) each lose a byte: one stretch, one marker; 湖 and 开会议 survive.
    const garbled = asWindows1252Lossy(utf8('湖南省召开会议'));
    expect(repaired(garbled)).toBe(`湖${LOST}开会议`);
    expect(repairMisdecoded(garbled).repairs[0]!.lost).toBe(3);
  });

  it('a lossy reading undone as the second of two: UTF-8 read as Windows-1252, saved, read as GBK', () => {
    // The Windows-1252 text's own UTF-8 has runs of odd length: GBK lost the byte that ended them.
    const garbled = asGbk(utf8(asWindows1252(utf8(NOTICE))));
    expect(garbled).toContain('\uFFFD');
    const result = repaired(garbled);
    expect(result).toMatch(new RegExp(`^${[...NOTICE].map((char) => `(?:${escape(char)}|${LOST})`).join('')}$`, 'u'));
    expect(result.replaceAll(LOST, '').length).toBeGreaterThanOrEqual(NOTICE.length - 3);
  });

  it('锟斤拷: U+FFFD itself read as GBK, inside a text that is otherwise right', () => {
    const garbled = `会议于${asGbk(utf8('\uFFFD\uFFFD'))}召开`;
    expect(garbled).toBe('会议于锟斤拷召开');
    expect(repaired(garbled)).toBe(`会议于${LOST}召开`);
  });

  it('烫烫烫 and 屯屯屯: uninitialised memory, not text', () => {
    expect(repaired('会议指出烫烫烫烫烫，要坚决')).toBe(`会议指出${LOST}，要坚决`);
    expect(repaired('屯屯屯屯屯屯')).toBe(LOST);
  });
});

describe('per run, on evidence', () => {
  it('repairs the damaged part of a string and leaves the rest as it was', () => {
    const garbled = `来源：${asGbk(utf8('省委书记主持召开会议'))}　正文${SIMPLIFIED}`;
    expect(garbled).not.toContain('\uFFFD');
    expect(repaired(garbled)).toBe(`来源：省委书记主持召开会议　正文${SIMPLIFIED}`);
  });

  it('repairs one string of a capture and leaves the others alone', () => {
    const plan = planCaptureRepairs([SIMPLIFIED, asWindows1252(utf8(NOTICE)), TRADITIONAL]);
    expect(plan.map((repairs) => repairs.length > 0)).toEqual([false, true, false]);
  });

  it('leaves clean text alone, whatever it holds', () => {
    for (const text of [
      SIMPLIFIED,
      TRADITIONAL,
      NOTICE,
      '醫(yī)學資訊 發(fā)布時間:2020-02-16',
      '作者：冒蕞 孙敏坚　摄影：羅新國',
      'Café Müller, Zürich: São Paulo — “quoted” … ©2021 ±5 °C ×3',
      '朱镕基、温家宝、瑷珲、犇羴鱻 😀 𠮷',
      '倍偶液撩銊钇髽', // seed 003's GBK one-byte-out-of-step run: not a whole-character misreading
      '会议\uFFFD召开',
      'Ñoño está aquí; Øresund; Ålesund',
    ]) {
      expect(repaired(text)).toBe(text);
    }
  });

  it('does not read one short window on its own evidence, but does once the capture shows the same misreading', () => {
    // `Äê` is 年 in GBK read as Latin-1, and also just two Latin-1 letters.
    expect(repaired('2021Äê')).toBe('2021Äê');
    const [title, date] = planCaptureRepairs([asLatin1(gbk('我县组织收听收看全省会议')), '2021Äê']);
    expect(title!.length).toBe(1);
    expect(date!.map((repair) => repair.after)).toEqual(['年']);
  });

  it('reads every window again once most of the capture shows one misreading (年 in GBK read as Big5 is the common 爛)', () => {
    const garbled = asBig5(gbk(NOTICE.replace('8月1日', '2021年8月1日')));
    expect(garbled).toContain('爛');
    expect(repaired(garbled)).toBe(NOTICE.replace('8月1日', '2021年8月1日'));
  });

  it('restores a no-break space a text saved from the page trimmed or turned into a space', () => {
    // 习 is E4 B9 A0: read as Latin-1 its last byte is a no-break space.
    const garbled = asLatin1(utf8('学习')).trimEnd();
    expect(repaired(garbled)).toBe('学习');
    expect(repaired(asLatin1(utf8('学习强国')).replace('\u00a0', ' '))).toBe('学习强国');
  });
});

function escape(char: string): string {
  return char.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}
