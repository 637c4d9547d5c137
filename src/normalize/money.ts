/**
 * Exact money: amounts are whole units plus millionths, summed as two integers so that no
 * binary fraction ever enters a total; BigInt only once per client, at the end.
 */
export const MICROS_PER_UNIT = 1_000_000n;
const MICRO = 1_000_000;

/** A non-negative amount as read: whole units and millionths (0 ≤ micro < 1e6). */
export interface Amount {
  whole: number;
  micro: number;
}

export function compareAmounts(a: Amount, b: Amount): number {
  return a.whole - b.whole || a.micro - b.micro;
}

/** a + b, exact. */
export function addAmounts(a: Amount, b: Amount): Amount {
  const micro = a.micro + b.micro;
  return micro >= MICRO ? { whole: a.whole + b.whole + 1, micro: micro - MICRO } : { whole: a.whole + b.whole, micro };
}

/** 2·a ≥ twice, exact, without allocating. */
export function atLeastHalfOf(a: Amount, twice: Amount): boolean {
  const micro = 2 * a.micro;
  const whole = 2 * a.whole + (micro >= MICRO ? 1 : 0);
  const m = micro >= MICRO ? micro - MICRO : micro;
  return whole !== twice.whole ? whole > twice.whole : m >= twice.micro;
}

/** The amount as a float key for sorting: order-preserving up to 15 significant digits. */
export function amountKey(a: Amount): number {
  return a.whole + a.micro / MICRO;
}

export class MoneySum {
  whole = 0;
  micro = 0;

  add(whole: number, micro: number): void {
    this.whole += whole;
    this.micro += micro;
  }

  /** The sum in millionths. Throws if a partial sum left the range JS numbers hold exactly. */
  toMicros(): bigint {
    if (!Number.isSafeInteger(this.whole) || !Number.isSafeInteger(this.micro)) {
      throw new RangeError('sum too large to hold exactly');
    }
    return BigInt(this.whole) * MICROS_PER_UNIT + BigInt(this.micro);
  }
}

/** Millionths as a decimal string without trailing zeros: 1234560000n → "1234.56". */
export function formatMicros(micros: bigint): string {
  const negative = micros < 0n;
  const abs = negative ? -micros : micros;
  const whole = abs / MICROS_PER_UNIT;
  const frac = (abs % MICROS_PER_UNIT).toString().padStart(6, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${frac ? `.${frac}` : ''}`;
}

/** Millionths as a JS number of units, for JSON; exact for amounts of up to 15 significant digits. */
export function microsToNumber(micros: bigint): number {
  return Number(formatMicros(micros));
}

/**
 * `a / b` as the nearest float: one correctly rounded division when both are exact as
 * floats, else through 18 digits of BigInt division.
 */
export function ratio(a: bigint, b: bigint): number {
  if (b === 0n) return 0;
  const limit = BigInt(Number.MAX_SAFE_INTEGER);
  const abs = (x: bigint): bigint => (x < 0n ? -x : x);
  if (abs(a) <= limit && abs(b) <= limit) return Number(a) / Number(b);
  return Number((a * 10n ** 18n) / b) / 1e18;
}

/** An exact fraction for a percentage such as 10 or 12.5: `{num: 125n, den: 1000n}`. */
export interface Fraction {
  num: bigint;
  den: bigint;
}

export function percentFraction(percent: number): Fraction {
  const [int, frac = ''] = String(percent).split('.');
  const den = 100n * 10n ** BigInt(frac.length);
  return { num: BigInt(`${int}${frac}`), den };
}

/**
 * A percentage as the fraction JSON carries (`12.3` → 0.123): the decimal's digits over its
 * power of ten, one correctly rounded division, so no `0.12300000000000001`.
 */
export function percentToNumber(percent: number): number {
  const f = percentFraction(percent);
  return Number(f.num) / Number(f.den);
}

/** part / whole > fraction, exactly. */
export function exceeds(part: bigint, whole: bigint, f: Fraction): boolean {
  return part * f.den > whole * f.num;
}

/**
 * The amount as the nearest float, like parsing its decimal text: one correctly rounded
 * division of two exact integers, where they are exact; the text otherwise.
 */
export function amountToNumber(a: Amount): number {
  const micros = a.whole * MICRO + a.micro;
  return Number.isSafeInteger(micros)
    ? micros / MICRO
    : microsToNumber(BigInt(a.whole) * MICROS_PER_UNIT + BigInt(a.micro));
}
