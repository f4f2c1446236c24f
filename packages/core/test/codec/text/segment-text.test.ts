import { chooseEncoding, CodecError, countSegments, segmentBudget, segmentText, type SegmentOptions } from '@smsbridge/core';

const a = (n: number) => 'a'.repeat(n);
const zhe = (n: number) => 'ж'.repeat(n);

describe('segmentText boundaries', () => {
  it.each([
    [a(160), 'gsm7', [160]],
    [a(161), 'gsm7', [153, 8]],
    [a(306), 'gsm7', [153, 153]],
    [a(307), 'gsm7', [153, 153, 1]],
    [zhe(70), 'ucs2', [70]],
    [zhe(71), 'ucs2', [67, 4]],
    [zhe(134), 'ucs2', [67, 67]],
    [zhe(135), 'ucs2', [67, 67, 1]],
  ])('%#: %s…', (text, encoding, units) => {
    const plan = segmentText(text);
    expect(plan.encoding).toBe(encoding);
    expect(plan.units).toEqual(units);
    expect(plan.count).toBe(units.length);
    expect(plan.segments.join('')).toBe(text);
    expect(plan.national).toBeUndefined();
  });

  it('uses 152 septets / 66 units per part with a 16-bit reference', () => {
    expect(segmentText(a(161), { referenceBits: 16 }).units).toEqual([152, 9]);
    expect(segmentText(a(304), { referenceBits: 16 }).count).toBe(2);
    expect(segmentText(a(305), { referenceBits: 16 }).count).toBe(3);
    expect(segmentText(zhe(71), { referenceBits: 16 }).units).toEqual([66, 5]);
    expect(segmentText(zhe(133), { referenceBits: 16 }).count).toBe(3);
  });

  it('counts an extension character as 2 septets', () => {
    expect(segmentText(a(158) + '€').count).toBe(1);
    expect(segmentText(a(159) + '€').units).toEqual([153, 8]);
  });

  it('never splits an escape pair: € at septet 153 moves to the next part', () => {
    const plan = segmentText(a(152) + '€' + a(10));
    expect(plan.segments).toEqual([a(152), '€' + a(10)]);
    expect(plan.units).toEqual([152, 12]);
  });

  it('never splits a surrogate pair: an emoji at unit 67 moves to the next part', () => {
    const plan = segmentText(zhe(66) + '😀' + zhe(10));
    expect(plan.encoding).toBe('ucs2');
    expect(plan.segments).toEqual([zhe(66), '😀' + zhe(10)]);
    expect(plan.units).toEqual([66, 12]);
  });

  it('sends empty text as one empty GSM-7 part', () => {
    expect(segmentText('')).toEqual({ encoding: 'gsm7', segments: [''], count: 1, units: [0] });
    expect(segmentText('', { encoding: 'ucs2' })).toEqual({ encoding: 'ucs2', segments: [''], count: 1, units: [0] });
  });

  it('takes UCS-2 for one character outside GSM-7, and UCS-2 when asked', () => {
    expect(segmentText(a(100) + 'ç').encoding).toBe('ucs2');
    expect(segmentText(a(71), { encoding: 'ucs2' }).units).toEqual([67, 4]);
  });

  it('transliterates when GSM-7 is forced; the parts are the transliterated text', () => {
    const plan = segmentText('\u201Cá\u201D \u2013 😀', { encoding: 'gsm7' });
    expect(plan.encoding).toBe('gsm7');
    expect(plan.segments.join('')).toBe('"a" - ?');
    expect(chooseEncoding('\u201Cá\u201D', { encoding: 'gsm7' })).toEqual({ encoding: 'gsm7', text: '"a"' });
  });

  it('rejects bad options with SMSB_CODEC_BAD_OPTION', () => {
    const bad = [{ encoding: 'utf8' }, { referenceBits: 12 }, { nationalLanguages: ['klingon'] }] as unknown as SegmentOptions[];
    for (const options of bad) {
      expect(() => segmentText('x', options)).toThrow(CodecError);
      expect(() => countSegments('x', options)).toThrow(expect.objectContaining({ code: 'SMSB_CODEC_BAD_OPTION' }));
    }
  });
});

describe('national language tables in segmentation', () => {
  const turkish = 'Ağaç gölgesinde şişe ılık içildi';

  it('sends Turkish text as GSM-7 only when the caller allows Turkish tables', () => {
    expect(segmentText(turkish).encoding).toBe('ucs2');
    const plan = segmentText(turkish, { nationalLanguages: ['turkish'] });
    expect(plan.encoding).toBe('gsm7');
    expect(plan.count).toBe(1);
    // One national IE is enough and the single shift table comes first among equals.
    expect(plan.national).toEqual({ singleShift: 'turkish' });
    expect(chooseEncoding(turkish, { nationalLanguages: ['turkish'] }).national).toEqual({ singleShift: 'turkish' });
  });

  it('takes the locking shift table when that saves parts', () => {
    const text = 'ş'.repeat(100);
    const plan = segmentText(text, { nationalLanguages: ['turkish'] });
    expect(plan.national).toEqual({ lockingShift: 'turkish' });
    expect(plan.units).toEqual([100]);
    expect(countSegments(text, { nationalLanguages: ['turkish'] })).toEqual({ encoding: 'gsm7', count: 1, units: 100 });
  });

  it('charges the national IEs to the budget', () => {
    expect(segmentBudget('gsm7', false, 8, { singleShift: 'turkish' })).toBe(155);
    expect(segmentBudget('gsm7', false, 8, { lockingShift: 'turkish', singleShift: 'turkish' })).toBe(152);
    expect(segmentBudget('gsm7', true, 8, { singleShift: 'turkish' })).toBe(149);
    expect(segmentBudget('gsm7', true, 8, { lockingShift: 'turkish', singleShift: 'turkish' })).toBe(146);
    expect(segmentBudget('gsm7', true, 16, { singleShift: 'turkish' })).toBe(148);
    expect(segmentBudget('ucs2', true, 16)).toBe(66);
    // 78 × ş = 156 septets via single shift: one part would need 156 > 155, so locking wins.
    const plan = segmentText('ş'.repeat(78), { nationalLanguages: ['turkish'] });
    expect(plan.national).toEqual({ lockingShift: 'turkish' });
  });

  it('keeps national letters when GSM-7 is forced and only an emoji needs replacing', () => {
    const plan = segmentText('şişe 😀', { encoding: 'gsm7', nationalLanguages: ['turkish'] });
    expect(plan.segments).toEqual(['şişe ?']);
    expect(plan.national).toEqual({ singleShift: 'turkish' });
    expect(segmentText('şişe 😀', { encoding: 'gsm7' }).segments).toEqual(['sise ?']);
  });

  it('does not use national tables when the default alphabet does as well', () => {
    expect(segmentText('hello', { nationalLanguages: ['turkish', 'portuguese'] }).national).toBeUndefined();
  });

  it('uses a national table when it saves parts even for default-alphabet text', () => {
    // € is 2 septets in the default extension table but 1 in the Portuguese locking table.
    const text = '€'.repeat(150);
    expect(segmentText(text).count).toBe(2);
    const plan = segmentText(text, { nationalLanguages: ['portuguese'] });
    expect(plan.count).toBe(1);
    expect(plan.national).toEqual({ lockingShift: 'portuguese' });
  });

  it('writes Hindi with the Hindi locking table', () => {
    const hindi = 'नमस्ते दुनिया';
    expect(segmentText(hindi).encoding).toBe('ucs2');
    const plan = segmentText(hindi, { nationalLanguages: ['hindi'] });
    expect(plan.encoding).toBe('gsm7');
    expect(plan.national?.lockingShift).toBe('hindi');
  });
});
