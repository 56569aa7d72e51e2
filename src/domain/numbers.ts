/**
 * Exact rounding for reported figures. Shares and growth rates are computed from counts as exact
 * fractions and rounded half away from zero only at output, as the department's and POM's tables
 * do: 69/80 − 1 = −13.75 % prints as −13.8 %, which binary floating point would get wrong (−13.7).
 */
import { divRound } from './money.ts';

/** A non-negative or negative decimal value as an exact fraction of two safe integers. */
export interface Fraction {
  num: number;
  den: number;
}

/** Scales a decimal number (≤ 6 decimals, e.g. 0.4 × 1412 = 564.8) to an exact fraction. */
export function fraction(value: number): Fraction {
  const den = 1_000_000;
  const num = Math.round(value * den);
  return { num, den };
}

/** `num / den` rounded half away from zero to `decimals` places, computed in integers. */
export function roundDiv(num: number, den: number, decimals = 0): number {
  if (den === 0) throw new RangeError('deling door nul');
  const scale = 10 ** decimals;
  return divRound(num * scale, den) / scale;
}

/** `part / whole × 100`, rounded half away from zero; null when the whole is zero or missing. */
export function percent(part: number, whole: number, decimals = 1): number | null {
  if (!whole) return null;
  const p = fraction(part);
  const w = fraction(whole);
  return roundDiv(p.num * 100, w.num, decimals);
}

/** Growth `(new / old − 1) × 100`, rounded half away from zero; null when there is no base. */
export function growth(oldValue: number | null, newValue: number | null, decimals = 1): number | null {
  if (oldValue === null || newValue === null || oldValue === 0) return null;
  const o = fraction(oldValue);
  const n = fraction(newValue);
  return roundDiv((n.num - o.num) * 100, o.num, decimals);
}

/** Rounds a decimal value half away from zero (counts with a 40 % weight, e.g. 51,900.8 → 51,901). */
export function roundHalfAway(value: number, decimals = 0): number {
  const f = fraction(value);
  return roundDiv(f.num, f.den, decimals);
}
