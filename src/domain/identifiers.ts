/**
 * Belgian identifiers with their check digits.
 *
 * - KBO enterprise number (ondernemingsnummer): 10 digits, first digit 0 or 1; the last two digits
 *   are 97 − (the first eight digits mod 97).
 * - INSZ (rijksregisternummer or bis-nummer): 11 digits YYMMDD.SSS.CC; CC = 97 − (first nine digits
 *   mod 97) for people born before 2000 and 97 − ("2" + first nine digits mod 97) from 2000 on.
 *   A bis-nummer adds 20 (sex unknown) or 40 (sex known) to the month.
 */
import type { IsoDate } from './dates.ts';
import { isIsoDate } from './dates.ts';

export type ParseResult<T> = { ok: true; value: T } | { ok: false; reason: string };

function digitsOnly(input: string): string {
  return input.replace(/[\s.\-/]/g, '');
}

declare const kboBrand: unique symbol;
export type Kbo = string & { readonly [kboBrand]: true };

export function parseKbo(input: string): ParseResult<Kbo> {
  let d = digitsOnly(input.trim().replace(/^BE/i, ''));
  if (/^\d{9}$/.test(d)) d = `0${d}`; // old 9-digit notation
  if (!/^\d{10}$/.test(d)) return { ok: false, reason: 'een KBO-nummer telt 10 cijfers (bv. 0123.456.749)' };
  if (d[0] !== '0' && d[0] !== '1') return { ok: false, reason: 'een KBO-nummer begint met 0 of 1' };
  const base = Number(d.slice(0, 8));
  const check = Number(d.slice(8));
  if (97 - (base % 97) !== check)
    return { ok: false, reason: 'het controlegetal (laatste twee cijfers) klopt niet' };
  return { ok: true, value: d as Kbo };
}

/** `0123456749` → `0123.456.749`. */
export function formatKbo(kbo: Kbo | string): string {
  return `${kbo.slice(0, 4)}.${kbo.slice(4, 7)}.${kbo.slice(7)}`;
}

declare const inszBrand: unique symbol;
export type Insz = string & { readonly [inszBrand]: true };

export interface InszInfo {
  insz: Insz;
  kind: 'rijksregisternummer' | 'bisnummer';
  /** Birth date when the number encodes a complete one (not for unknown day/month). */
  birthDate: IsoDate | null;
  /** 'M' for an odd sequence number, 'V' for even; null for a bis-nummer with sex unknown. */
  sex: 'M' | 'V' | null;
}

export function parseInsz(input: string): ParseResult<InszInfo> {
  const d = digitsOnly(input.trim());
  if (!/^\d{11}$/.test(d)) return { ok: false, reason: 'een INSZ telt 11 cijfers (bv. 85.07.30-033.28)' };
  const first9 = Number(d.slice(0, 9));
  const check = Number(d.slice(9));
  let century: 1900 | 2000;
  if (97 - (first9 % 97) === check) century = 1900;
  else if (97 - ((2_000_000_000 + first9) % 97) === check) century = 2000;
  else return { ok: false, reason: 'het controlegetal (laatste twee cijfers) klopt niet' };

  let month = Number(d.slice(2, 4));
  let kind: InszInfo['kind'] = 'rijksregisternummer';
  let sexKnown = true;
  if (month >= 40) {
    kind = 'bisnummer';
    month -= 40;
  } else if (month >= 20) {
    kind = 'bisnummer';
    month -= 20;
    sexKnown = false;
  }
  if (month > 12) return { ok: false, reason: 'de maand in het INSZ is ongeldig' };
  const day = Number(d.slice(4, 6));
  if (day > 31) return { ok: false, reason: 'de dag in het INSZ is ongeldig' };
  const year = century + Number(d.slice(0, 2));
  const candidate = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const birthDate = month > 0 && day > 0 && isIsoDate(candidate) ? candidate : null;
  if (month > 0 && day > 0 && !birthDate)
    return { ok: false, reason: 'de geboortedatum in het INSZ bestaat niet' };
  const seq = Number(d.slice(6, 9));
  const sex = sexKnown ? (seq % 2 === 1 ? 'M' : 'V') : null;
  return { ok: true, value: { insz: d as Insz, kind, birthDate, sex } };
}

/** `85073003328` → `85.07.30-033.28`. */
export function formatInsz(insz: Insz | string): string {
  return `${insz.slice(0, 2)}.${insz.slice(2, 4)}.${insz.slice(4, 6)}-${insz.slice(6, 9)}.${insz.slice(9)}`;
}
