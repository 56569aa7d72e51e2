/**
 * Money is held as an integer number of euro cents, branded so that cents and euros cannot be
 * mixed by accident. Every operation that can produce a fraction of a cent rounds explicitly, half
 * away from zero, in integer arithmetic (no binary floating point in sums).
 */

declare const centsBrand: unique symbol;
export type Cents = number & { readonly [centsBrand]: true };

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

export function cents(value: number): Cents {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`Bedrag in cent moet een veilig geheel getal zijn, niet ${value}`);
  }
  return value as Cents;
}

export const ZERO = 0 as Cents;

/** Parses a decimal euro amount (`"1250"`, `"13638.64"`, `1250.5`) exactly into cents. */
export function euros(value: string | number): Cents {
  const text = typeof value === 'number' ? numberToPlainString(value) : value.trim();
  const m = /^(-)?(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) throw new RangeError(`'${text}' is geen bedrag in euro met hoogstens twee decimalen`);
  const whole = Number(m[2]);
  const frac = Number((m[3] ?? '').padEnd(2, '0'));
  return cents((m[1] ? -1 : 1) * (whole * 100 + frac));
}

/** Integer division rounded half away from zero: the legal rounding of amounts to the cent. */
export function divRound(numerator: number, denominator: number): number {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator === 0) {
    throw new RangeError(`divRound(${numerator}, ${denominator}) is buiten het veilige bereik`);
  }
  if (numerator >= 0 && denominator > 0) {
    // The common case (amounts and rates are positive) without the sign handling.
    const q = Math.floor(numerator / denominator);
    return 2 * (numerator - q * denominator) >= denominator ? q + 1 : q;
  }
  const sign = Math.sign(numerator) * Math.sign(denominator);
  const n = Math.abs(numerator);
  const d = Math.abs(denominator);
  const q = Math.floor(n / d);
  const r = n - q * d;
  return sign * (2 * r >= d ? q + 1 : q);
}

/** An exact rational number, used for rates, shares and FTE fractions. */
export interface Ratio {
  readonly num: number;
  readonly den: number;
}

/** Converts a decimal (`0.4`, `"0.45"`, `0.125`) into an exact ratio with a power-of-ten denominator. */
export function ratio(value: string | number): Ratio {
  const text = typeof value === 'number' ? numberToPlainString(value) : value.trim();
  const m = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) throw new RangeError(`'${text}' is geen decimaal getal`);
  const decimals = (m[3] ?? '').length;
  if (decimals > 9) throw new RangeError(`'${text}' heeft meer dan 9 decimalen`);
  const den = 10 ** decimals;
  const num = (m[1] ? -1 : 1) * (Number(m[2]) * den + Number(m[3] ?? '0'));
  return { num, den };
}

/** `amount × factor`, rounded to the cent half away from zero. */
export function mulRatio(amount: Cents, factor: Ratio): Cents {
  const product = amount * factor.num;
  if (Math.abs(product) > MAX_SAFE) throw new RangeError('Bedrag te groot voor exacte berekening');
  return cents(divRound(product, factor.den));
}

const MICRO = 1_000_000;

/**
 * `amount × factor` where factor is a plain decimal number (FTE 0.8, months 7), rounded to the
 * cent. Factors with up to six decimals take an integer fast path (batch evaluation); others are
 * converted exactly from their decimal notation.
 */
export function mul(amount: Cents, factor: number): Cents {
  const micro = Math.round(factor * MICRO);
  if (micro / MICRO === factor && Math.abs(amount * micro) <= MAX_SAFE)
    return cents(divRound(amount * micro, MICRO));
  return mulRatio(amount, ratio(factor));
}

/**
 * `amount × factor × rate` rounded once to the cent, half away from zero: a wage × FTE × premium
 * rate without the error of rounding twice. A factor with up to six decimals takes the integer
 * path; another is converted exactly from its decimal notation.
 */
export function mulFactorRatio(amount: Cents, factor: number, rate: Ratio): Cents {
  const micro = Math.round(factor * MICRO);
  const exact = micro / MICRO === factor ? null : ratio(factor);
  const product = amount * (exact ? exact.num : micro) * rate.num;
  if (Math.abs(product) > MAX_SAFE) throw new RangeError('Bedrag te groot voor exacte berekening');
  return cents(divRound(product, (exact ? exact.den : MICRO) * rate.den));
}

export function add(...amounts: Cents[]): Cents {
  let total = 0;
  for (const a of amounts) total += a;
  return cents(total);
}

export function min(a: Cents, b: Cents): Cents {
  return (a < b ? a : b) as Cents;
}

export function max(a: Cents, b: Cents): Cents {
  return (a > b ? a : b) as Cents;
}

/** Cents as a euro number with exactly two decimals (what the API returns: `4250` → `42.5`). */
export function toEuros(amount: Cents): number {
  return amount / 100;
}

/** Cents as a fixed-point string, `425000` → `"4250.00"`. */
export function toEuroString(amount: Cents): string {
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

function numberToPlainString(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`${n} is geen eindig getal`);
  // toPrecision(15) removes binary noise (0.1 + 0.2) while keeping every digit a YAML/JSON author wrote.
  const s = Number(n.toPrecision(15)).toString();
  if (!/e/i.test(s)) return s;
  return n.toFixed(9).replace(/\.?0+$/, '');
}
