import { describe, expect, it } from 'vitest';
import { addMonths, isIsoDate, quarterBounds, quarterOf } from './dates.ts';
import { formatInsz, formatKbo, parseInsz, parseKbo } from './identifiers.ts';
import { cents, divRound, euros, mul, mulRatio, ratio, toEuroString } from './money.ts';
import { growth, percent, roundHalfAway } from './numbers.ts';

describe('KBO enterprise numbers', () => {
  it('accepts a number whose last two digits are 97 − (first eight mod 97), in any notation', () => {
    // 01234567 mod 97 = 48; 97 − 48 = 49
    expect(parseKbo('0123.456.749')).toEqual({ ok: true, value: '0123456749' });
    expect(parseKbo('BE 0123 456 749')).toEqual({ ok: true, value: '0123456749' });
    expect(parseKbo('123456749')).toEqual({ ok: true, value: '0123456749' });
    expect(formatKbo('0123456749')).toBe('0123.456.749');
  });

  it('refuses a wrong check digit, a wrong length and a wrong first digit with a reason', () => {
    expect(parseKbo('0123.456.748')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('controlegetal'),
    });
    expect(parseKbo('012345')).toMatchObject({ ok: false, reason: expect.stringContaining('10 cijfers') });
    expect(parseKbo('2123456749')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('begint met 0 of 1'),
    });
  });
});

describe('INSZ numbers', () => {
  it('validates the pre-2000 check digit and derives birth date and sex', () => {
    // 850730033 mod 97 = 69 → 97 − 69 = 28; sequence 033 is odd → man
    expect(parseInsz('85.07.30-033.28')).toEqual({
      ok: true,
      value: { insz: '85073003328', kind: 'rijksregisternummer', birthDate: '1985-07-30', sex: 'M' },
    });
    expect(formatInsz('85073003328')).toBe('85.07.30-033.28');
  });

  it('validates the check digit of people born from 2000 on with the leading 2', () => {
    // (2 000 000 000 + 010101123) mod 97 = 96 → 97 − 96 = 01
    expect(parseInsz('01010112301')).toMatchObject({
      ok: true,
      value: { birthDate: '2001-01-01', sex: 'M' },
    });
    // 29 February 2000 exists; (2 000 000 000 + 000229001) mod 97 = 52 → 45
    expect(parseInsz('00022900145')).toMatchObject({
      ok: true,
      value: { birthDate: '2000-02-29', sex: 'M' },
    });
  });

  it('reads bis-numbers: month + 40 when the sex is known, + 20 when it is not', () => {
    expect(parseInsz('85453003303')).toMatchObject({
      ok: true,
      value: { kind: 'bisnummer', birthDate: '1985-05-30', sex: 'M' },
    });
    expect(parseInsz('85253003357')).toMatchObject({
      ok: true,
      value: { kind: 'bisnummer', birthDate: '1985-05-30', sex: null },
    });
  });

  it('refuses wrong check digits, impossible dates and wrong lengths', () => {
    expect(parseInsz('85073003329')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('controlegetal'),
    });
    expect(parseInsz('8507300332')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('11 cijfers'),
    });
    // 1 February 1985 + day 30 in a month 02: 85.02.30 does not exist (check digits made valid)
    const n9 = 850230033;
    const check = String(97 - (n9 % 97)).padStart(2, '0');
    expect(parseInsz(`${n9}${check}`)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('bestaat niet'),
    });
  });
});

describe('money in cents', () => {
  it('parses euro amounts exactly and prints them back', () => {
    expect(euros('13638.64')).toBe(1_363_864);
    expect(euros(1250)).toBe(125_000);
    expect(toEuroString(cents(425_000))).toBe('4250.00');
    expect(() => euros('1.234')).toThrow(/twee decimalen/);
  });

  it('rounds half away from zero in integer arithmetic', () => {
    expect(divRound(5, 2)).toBe(3);
    expect(divRound(-5, 2)).toBe(-3);
    expect(divRound(4, 3)).toBe(1);
    // 0.35 × € 12,34 = € 4,319 → € 4,32; 0.45 × € 0,10 = € 0,045 → € 0,05 (half away from zero)
    expect(mulRatio(cents(1234), ratio('0.35'))).toBe(432);
    expect(mul(cents(10), 0.45)).toBe(5);
    expect(mul(cents(-10), 0.45)).toBe(-5);
    expect(mul(cents(250_000), 0.125)).toBe(31_250);
  });
});

describe('exact report rounding', () => {
  it('prints −13.8 % for 80 → 69, where binary floating point would give −13.7', () => {
    expect(growth(80, 69)).toBe(-13.8);
    expect(Math.round((69 / 80 - 1) * 1000) / 10).not.toBe(-13.8); // the trap this module avoids
  });

  it('computes shares and rounds weighted counts half away from zero', () => {
    expect(percent(51_901, 63_552)).toBe(81.7);
    expect(percent(1, 0)).toBeNull();
    expect(roundHalfAway(45_237 + 0.4 * 1_412 + 6_099)).toBe(51_901);
    expect(roundHalfAway(45_424.5)).toBe(45_425);
  });
});

describe('calendar dates', () => {
  it('validates ISO dates including leap years', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-13-01')).toBe(false);
  });

  it('adds months clamping to the end of the month, and maps dates to quarters', () => {
    expect(addMonths('2024-01-31' as never, 1)).toBe('2024-02-29');
    expect(quarterOf('2024-08-15' as never)).toBe('2024-Q3');
    expect(quarterBounds('2024-Q1')).toEqual({ start: '2024-01-01', end: '2024-03-31' });
  });
});
