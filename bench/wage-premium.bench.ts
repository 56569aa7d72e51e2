/**
 * The engine-neutral wage-premium benchmark of ../shared/bench/wage-premium.md: a dated rate, an
 * eligibility rule and an amount, evaluated by Trede's batch engine for 10⁴, 10⁵ and 10⁶ persons
 * drawn from the specified generator. The totals must equal the published reference to the cent.
 *
 * The measure is not one of the seeds, so it is defined here with the engine's own building
 * blocks (defineFormula, dated parameters) instead of in the catalogue.
 */
import { type Cents, type IsoDate, money } from '../src/domain/index.ts';
import {
  buildSeries,
  calculateBatch,
  defineFormula,
  fact,
  type LoadedMeasure,
} from '../src/rules/engine/index.ts';
import { median, nl, peakMemory, ratio } from './support.ts';

const SPEC = 'shared/bench/wage-premium.md';
const MICRO = 1_000_000;

const formula = defineFormula({
  facts: {
    age: fact.integer('Leeftijd', { unit: 'jaar' }),
    months_jobseeker: fact.integer('Maanden werkzoekend', { unit: 'maanden' }),
    hours_per_week: fact.number('Uren per week', { unit: 'uur' }),
    fte: fact.number('Arbeidsvolume', { unit: 'VTE' }),
    reference_wage: fact.money('Referteloon'),
  },
  parameters: {
    wage_premium_rate: 'rate',
    min_age: 'integer',
    max_age: 'integer',
    min_months_jobseeker: 'integer',
    min_hours: 'number',
  },
  amount: { label: 'Loonpremie', period: 'per maand' },
  versions: [
    {
      from: '2020-01-01',
      source: SPEC,
      conditions: [
        {
          id: 'age',
          source: SPEC,
          holds: ({ f, p }) => f.age >= p.min_age && f.age <= p.max_age,
          text: ({ f }) => `leeftijd ${f.age}`,
        },
        {
          id: 'jobseeker',
          source: SPEC,
          holds: ({ f, p }) => f.months_jobseeker >= p.min_months_jobseeker,
          text: ({ f }) => `${f.months_jobseeker} maanden werkzoekend`,
        },
      ],
      // reference_wage × fte × rate, rounded once to the cent (half away from zero).
      amount: ({ f, p }) =>
        f.hours_per_week >= p.min_hours
          ? money.mulFactorRatio(f.reference_wage, f.fte, p.wage_premium_rate)
          : money.ZERO,
    },
  ],
});

function param(type: 'rate' | 'integer' | 'number', values: [string, number][]) {
  return {
    description: 'benchmark',
    type,
    unit: '',
    values: values.map(([from, value]) => ({ valid_from: from as IsoDate, value, source: SPEC })),
  };
}

export const measure: LoadedMeasure = {
  id: 'wage-premium-benchmark',
  meta: { sources: [], not_modelled: [] } as unknown as LoadedMeasure['meta'],
  parameters: buildSeries({
    wage_premium_rate: param('rate', [
      ['2020-01-01', 0.35],
      ['2023-07-01', 0.4],
      ['2025-01-01', 0.45],
    ]),
    max_age: param('integer', [['2020-01-01', 55]]),
    min_age: param('integer', [['2020-01-01', 25]]),
    min_months_jobseeker: param('integer', [['2020-01-01', 24]]),
    min_hours: param('number', [['2020-01-01', 12]]),
  }),
  formula,
  scenarios: [],
  path: 'bench',
};

/** The normative generator: a 32-bit LCG from 20240101, five draws per person. */
export function population(n: number) {
  const age = new Int32Array(n);
  const months = new Int32Array(n);
  const hours = new Float64Array(n);
  const fte = new Float64Array(n);
  const wage = new Float64Array(n);
  let s = 20240101;
  const draw = (range: number) => {
    s = (1664525 * s + 1013904223) % 4294967296;
    return Math.floor((s * range) / 4294967296);
  };
  for (let i = 0; i < n; i++) {
    age[i] = 18 + draw(50);
    months[i] = draw(48);
    hours[i] = draw(81) / 2;
    fte[i] = (1 + draw(8)) / 8;
    wage[i] = (1500 + draw(3501)) * 100; // money facts arrive in cents
  }
  return { age, months_jobseeker: months, hours_per_week: hours, fte, reference_wage: wage };
}

export const REFERENCE: Record<number, { paid: number; total: Cents }> = {
  10000: { paid: 2_226, total: money.euros('1638945.55') },
  100000: { paid: 22_006, total: money.euros('16062396.20') },
  1000000: { paid: 218_508, total: money.euros('159606773.00') },
};

/**
 * The practical limit: the same formula written by hand as one loop over the typed arrays, with
 * the parameters of 2024-01 as constants and the same exact integer-cent arithmetic (one rounding,
 * half away from zero). It returns what the engine returns: eligibility and amount per person.
 */
export function bareLoop(cols: ReturnType<typeof population>, n: number) {
  const { age, months_jobseeker, hours_per_week, fte, reference_wage } = cols;
  const eligible = new Uint8Array(n);
  const amounts = new Float64Array(n);
  const num = 40; // wage_premium_rate 0.40 from 2023-07-01
  const den = 100;
  let total = 0;
  let count = 0;
  for (let i = 0; i < n; i++) {
    const a = age[i]!;
    if (a < 25 || a > 55 || months_jobseeker[i]! < 24) continue;
    eligible[i] = 1;
    count++;
    if (hours_per_week[i]! < 12) continue;
    const x = reference_wage[i]! * Math.round(fte[i]! * MICRO) * num;
    const d = MICRO * den;
    const q = Math.floor(x / d);
    const cents = 2 * (x - q * d) >= d ? q + 1 : q;
    amounts[i] = cents;
    total += cents;
  }
  return { eligible, amounts, eligibleCount: count, total };
}

/**
 * Trede and the bare loop timed in turns (one warm-up each, then 5 runs of each, alternating), so
 * that both meet the same load on a shared machine: the medians of wall time and of this
 * process's CPU time (steadier when other processes compete for the cores), in ms.
 */
function timedPair<A, B>(a: () => A, b: () => B) {
  const runs = {
    a: { wall: [] as number[], cpu: [] as number[] },
    b: { wall: [] as number[], cpu: [] as number[] },
  };
  let ra = a();
  let rb = b();
  const time = <T>(fn: () => T, into: { wall: number[]; cpu: number[] }) => {
    const t = performance.now();
    const c = process.cpuUsage();
    const r = fn();
    const used = process.cpuUsage(c);
    into.wall.push(performance.now() - t);
    into.cpu.push((used.user + used.system) / 1000);
    return r;
  };
  for (let k = 0; k < 5; k++) {
    ra = time(a, runs.a);
    rb = time(b, runs.b);
  }
  const med = (r: { wall: number[]; cpu: number[] }) => ({ ms: median(r.wall), cpu: median(r.cpu) });
  return { a: { ...med(runs.a), result: ra }, b: { ...med(runs.b), result: rb } };
}

export async function run(log: (line: string) => void): Promise<void> {
  const date = '2024-01-01';
  const memory = peakMemory();
  for (const n of [10_000, 100_000, 1_000_000]) {
    const t0 = performance.now();
    const cols = population(n);
    const buildMs = performance.now() - t0;
    const { a: trede, b: bare } = timedPair(
      () => calculateBatch(measure, date, cols, n),
      () => bareLoop(cols, n),
    );
    memory.sample();
    const result = trede.result;
    let paid = 0;
    for (let i = 0; i < n; i++) if (result.amounts[i]! > 0) paid++;
    const ref = REFERENCE[n]!;
    log(
      `N=${nl(n)}: opbouw ${nl(buildMs, 1)} ms; Trede ${nl(trede.ms, 1)} ms ` +
        `(${nl(Math.round((n / trede.ms) * 1000))} personen/s), kale lus ${nl(bare.ms, 1)} ms: ` +
        `verhouding ${ratio(trede.ms, bare.ms)} (CPU-tijd ${nl(trede.cpu, 1)} / ${nl(bare.cpu, 1)} ms: ` +
        `${ratio(trede.cpu, bare.cpu)}); premie aan ${nl(paid)}, totaal € ${nl(result.total / 100, 2)}; ` +
        `piekgeheugen ${memory.mib()} MiB`,
    );
    if (paid !== ref.paid || result.total !== ref.total)
      throw new Error(
        `N=${n}: ${paid} / € ${nl(result.total / 100, 2)} wijkt af van de referentie ${ref.paid} / € ${nl(ref.total / 100, 2)}`,
      );
    if (bare.result.total !== result.total || bare.result.eligibleCount !== result.eligibleCount)
      throw new Error(`N=${n}: de kale lus geeft een ander resultaat dan Trede`);
  }
  log(
    'medianen van 5 beurten; alle totalen gelijk aan de referentie (tot op de cent); doel: Trede binnen 1,5× van de kale lus',
  );
}
