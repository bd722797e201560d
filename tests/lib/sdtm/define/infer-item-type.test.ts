import { describe, expect, it } from 'vitest';
import type { SdtmValue, SdtmVariable } from '../../../../lib/sdtm/dataset.ts';
import { inferItemType } from '../../../../lib/sdtm/define/infer-item-type.ts';
import { toDefineClass } from '../../../../lib/sdtm/define/define-metadata.ts';

const char = (name: string, length?: number): SdtmVariable => ({ name, label: name, type: 'Char', length });
const num = (name: string): SdtmVariable => ({ name, label: name, type: 'Num' });
const typeOf = (v: SdtmVariable, values: SdtmValue[]) => inferItemType(v, values);

describe('inferItemType', () => {
  it('gives --DTC variables the narrowest ISO 8601 type that fits every value', () => {
    expect(typeOf(char('AESTDTC'), ['2024-03-05', '2023-12-31', null])).toEqual({ dataType: 'date' });
    expect(typeOf(char('LBDTC'), ['2024-03-05T09:30:00', '2024-03-05T09:30:00.5+01:00'])).toEqual({
      dataType: 'datetime',
    });
    expect(typeOf(char('BRTHDTC'), ['1981-04', '1950-11-30', '1970'])).toEqual({ dataType: 'partialDate' });
    expect(typeOf(char('VSDTC'), ['2024-03-05T09:30:00', '2024-03-05'])).toEqual({
      dataType: 'partialDatetime',
    });
    expect(typeOf(char('VSDTC'), ['2024-03-05T09:30'])).toEqual({ dataType: 'partialDatetime' });
    expect(typeOf(char('MHSTDTC'), ['2003---15', '2004-01'])).toEqual({ dataType: 'incompleteDatetime' });
    expect(typeOf(char('EXSTDTC'), ['2003-01-01/2003-06-30', '2003-02'])).toEqual({
      dataType: 'intervalDatetime',
    });
    expect(typeOf(char('CMSTDTC'), [])).toEqual({ dataType: 'datetime' });
  });

  it('falls back to text (with a length) when a --DTC value is not ISO 8601', () => {
    expect(typeOf(char('VSDTC'), ['2024-03-05', '05/03/2024'])).toEqual({ dataType: 'text', length: 10 });
    expect(typeOf(char('VSDTC'), ['20240305'])).toEqual({ dataType: 'text', length: 8 });
  });

  it('recognises ISO 8601 durations', () => {
    expect(typeOf(char('AEDUR'), ['P2Y3M', 'PT1H30M', 'P1W'])).toEqual({ dataType: 'durationDatetime' });
    expect(typeOf(char('AEDUR'), ['P2Y3M', '2 days'])).toEqual({ dataType: 'text', length: 6 });
  });

  it('measures text in UTF-8 bytes unless the variable declares a length', () => {
    expect(typeOf(char('MHTERM'), ['asthma', 'ülcer', null, ''])).toEqual({ dataType: 'text', length: 6 });
    expect(typeOf(char('MHTERM'), ['é'])).toEqual({ dataType: 'text', length: 2 });
    expect(typeOf(char('MHTERM'), [])).toEqual({ dataType: 'text', length: 1 });
    expect(typeOf(char('MHTERM', 40), ['asthma'])).toEqual({ dataType: 'text', length: 40 });
  });

  it('types numbers as integer or float with length and significant digits', () => {
    expect(typeOf(num('AGE'), [42, 7, null, 103])).toEqual({ dataType: 'integer', length: 3 });
    expect(typeOf(num('VSSTRESN'), [-12.5, 100.25, 3])).toEqual({
      dataType: 'float',
      length: 6,
      significantDigits: 2,
    });
    expect(typeOf(num('LBSTRESN'), [1e-7])).toEqual({ dataType: 'float', length: 9, significantDigits: 7 });
    expect(typeOf(num('VSSEQ'), [])).toEqual({ dataType: 'integer', length: 8 });
    expect(typeOf(num('VSSTRESN'), [])).toEqual({ dataType: 'float', length: 8 });
  });

  it('handles a column of 300,000 values (no argument-spread limits)', () => {
    const values = Array.from({ length: 300_000 }, (_, i) => i);
    expect(typeOf(num('LBSEQ'), values)).toEqual({ dataType: 'integer', length: 6 });
  });
});

describe('toDefineClass', () => {
  it('maps SDTMIG class names to the Define-XML enumeration', () => {
    expect(toDefineClass('Special-Purpose')).toBe('SPECIAL PURPOSE');
    expect(toDefineClass('Findings About')).toBe('FINDINGS ABOUT');
    expect(toDefineClass('Trial Design')).toBe('TRIAL DESIGN');
    expect(toDefineClass('Relationship')).toBe('RELATIONSHIP');
    expect(toDefineClass('Analysis')).toBeUndefined();
  });
});
