import { describe, expect, it } from 'vitest';
import { repairMojibake } from '../../../src/ingest/steps/mojibake.ts';

// Every damaged run below is copied from content/raw/003_1f2945b8a6910abd.txt; the expected
// readings were checked by re-encoding the run as GB18030 by hand (see the comments).
describe('repairMojibake', () => {
  it('puts back a lead byte that lost its high bit and re-reads the bytes that followed out of step', () => {
    // ? = 。, ! = 0x21 → 0xA1 (lead of ”), 倍偶液撩銊钇髽 = B1B6 C5BC … F398, I = 0x49 (trail of 業).
    const result = repairMojibake('實現全年目標任務作貢獻?!倍偶液撩銊钇髽I(yè)負責人。');
    expect(result.text).toBe('實現全年目標任務作貢獻。”杜家毫勉勵企業(yè)負責人。');
    expect(result.repairs).toHaveLength(1);
    expect(result.repairs[0]).toMatchObject({ before: '?!倍偶液撩銊钇髽I', after: '。”杜家毫勉勵企業' });
    expect(result.unrepaired).toEqual([]);
  });

  it('repairs each of the short runs before a name or a verb', () => {
    expect(repairMojibake('“大家辛苦了?!痹S達哲說,不用害怕').text).toBe('“大家辛苦了。”許達哲說,不用害怕');
    expect(repairMojibake('保護人民群眾?!彪x開醫(yī)院時').text).toBe('保護人民群眾。”離開醫(yī)院時');
    expect(repairMojibake('採取了措施?!崩铒w年詳細介紹').text).toBe('採取了措施。”李飛年詳細介紹');
  });

  it('chooses the opening quote when the trail byte says so (“沒有通行證)', () => {
    // 皼 = B0 9B, ] = 0x5D: A1 B0 is “, 9B 5D is 沒.
    expect(repairMojibake('發當天小區的通行證?!皼]有通行證就進不去').text).toBe('發當天小區的通行證。“沒有通行證就進不去');
  });

  it('restores a quote whose trail byte was swallowed with the < of a closing tag, by pairing quotes', () => {
    // The trail byte and the following < were lost together; ” closes the open “ of the sentence.
    const result = repairMojibake('對方回答:“有點害怕,但是工作還是得好好做?!?/p>');
    expect(result.text).toBe('對方回答:“有點害怕,但是工作還是得好好做。”</p>');
    expect(result.repairs[0]).toMatchObject({ before: '?!?', after: '。”<' });
  });

  it('uses a pinyin annotation that split a character to find its lost lead byte (當地黨委)', () => {
    // The annotator read the trail of 當 (94) with the lost byte as 數 (shù); only 0xB5 gives that.
    expect(repairMojibake('當?shù)攸h委政府也派出駐廠防疫聯絡員').text).toBe('當地黨委政府也派出駐廠防疫聯絡員');
  });

  it('uses a second annotation to recover the trail byte swallowed with its parenthesis (當地聯(lián)防)', () => {
    expect(repairMojibake('暗訪當?shù)芈?lián)防聯控').text).toBe('暗訪當地聯(lián)防聯控');
  });

  it('keeps a private-use character that is part of the damaged bytes (負責同志 was 刎撠熗\uE0F1靖嬖V)', () => {
    expect(repairMojibake('當?shù)刎撠熗\uE0F1靖嬖V杜家毫').text).toBe('當地負責同志告訴杜家毫');
  });

  it('reads a question before the lost quote as a question', () => {
    expect(repairMojibake('你們怎麼看?!痹S達哲說').text).toBe('你們怎麼看？”許達哲說');
  });

  it('leaves real question marks and ordinary text alone', () => {
    for (const text of ['“面對疫情,害怕不害怕?”交流中', '怎麼感染的都清楚嗎?採取了哪些措施?”', '他問:真的嗎?OK,明白了。', '比分是3?1。']) {
      const result = repairMojibake(text);
      expect(result.text).toBe(text);
      expect(result.repairs).toEqual([]);
      expect(result.unrepaired).toEqual([]);
    }
  });

  it('repairs nothing where two readings are equally plausible: the evidence does not tell the lost byte', () => {
    // `?a?` could be 。 and any of the common characters 0xE1 makes with a lost trail byte.
    for (const text of ['是?a?', '?a?a?a?a', '他说?x?']) {
      const result = repairMojibake(text);
      expect(result.text).toBe(text);
      expect(result.repairs).toEqual([]);
    }
  });

  it('flags a damaged run it cannot make plausible, and leaves it as it is', () => {
    // A run of rare characters after ?! whose re-reading gives no common text.
    const damaged = '工作?!鼷鼷鼷鼷z';
    const result = repairMojibake(damaged);
    expect(result.text).toBe(damaged);
    expect(result.unrepaired).toEqual(['?!鼷鼷鼷鼷z']);
  });
});
