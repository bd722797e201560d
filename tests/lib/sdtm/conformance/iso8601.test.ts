import { describe, expect, it } from 'vitest';
import { compareDtc, isCompleteDate, parseDtc } from '../../../../lib/sdtm/conformance/iso8601.ts';
import { studyDay } from '../../../../lib/sdtm/conformance/rules/core-000529.ts';

describe('SDTM ISO 8601 date/times', () => {
  it.each([
    '2024',
    '2024-03',
    '2024-03-05',
    '2024-03-05T10',
    '2024-03-05T10:30',
    '2024-03-05T10:30:15',
    '2024-03-05T10:30:15.250',
    '2003---15',
    '--12-15',
    '2003-12-15T-:15',
    '2024-02-29',
    '2024-03-05T10:30Z',
    '2024-03-05T10:30+01:00',
    '2024-03-05/2024-03-07',
  ])('accepts %s', (value) => expect(parseDtc(value)).toBe(true));

  it.each([
    '',
    'x',
    '24-03-05',
    '2024-3-5',
    '2024-13',
    '2024-00',
    '2023-02-29',
    '2024-04-31',
    '2024-03-05T24',
    '2024-03-05T10:60',
    '2024-03-05T10:30:60',
    '2024-03-05 10:30',
    '2024-03-',
    '2003--',
    '2024T10',
    '05/03/2024',
    '2024-03-05/',
    '2024-03-05T10:30+1',
  ])('rejects %j', (value) => expect(parseDtc(value)).toBe(false));

  it('tells complete dates from partial ones', () => {
    expect(isCompleteDate('2024-03-05')).toBe(true);
    expect(isCompleteDate('2024-03-05T10:30')).toBe(true);
    expect(isCompleteDate('2024-03')).toBe(false);
    expect(isCompleteDate('2003---15')).toBe(false);
    expect(isCompleteDate('2024-03-05/2024-03-06')).toBe(false);
  });

  it('compares at the common precision, reading a missing time of a complete date as 00:00', () => {
    expect(compareDtc('2024-03-06', '2024-03-05')).toBe(1);
    expect(compareDtc('2024-03-04', '2024-03-05')).toBe(-1);
    expect(compareDtc('2024-03', '2024-03-05')).toBe(0);
    expect(compareDtc('2024-03-05T12:00', '2024-03-05')).toBe(1);
    expect(compareDtc('2024-03-05T12:00', '2024-03-05T12:00')).toBe(0);
    expect(compareDtc('bad', '2024-03-05')).toBeUndefined();
  });

  it('computes the SDTMIG study day (no day 0)', () => {
    expect(studyDay(100, 100)).toBe(1);
    expect(studyDay(101, 100)).toBe(2);
    expect(studyDay(99, 100)).toBe(-1);
  });
});
