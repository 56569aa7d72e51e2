/**
 * The batch engine over a synthetic population, against the scalar path with a full trace: the
 * same formulas, so the totals must agree to the cent. Prints cases per second for both.
 */
import { calculate, calculateBatch, catalogue, getMeasure } from '../src/rules/index.ts';
import { random } from '../test/support/random.ts';

function population(n: number) {
  const r = random(20261123);
  const leeftijd = new Int32Array(n);
  const werkzoekend = new Int32Array(n);
  const inDienst = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    leeftijd[i] = 18 + Math.floor(r() * 47);
    werkzoekend[i] = Math.floor(r() * 60);
    inDienst[i] = Math.floor(r() * 24);
  }
  return { leeftijd, maanden_werkzoekend: werkzoekend, maanden_in_dienst: inDienst };
}

const euros = (cents: number) =>
  (cents / 100).toLocaleString('nl-BE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const rate = (n: number, ms: number) => Math.round((n / ms) * 1000).toLocaleString('nl-BE');

export async function run(log: (line: string) => void): Promise<void> {
  const m = await getMeasure('aanwervingsincentive');
  const { ruleset } = await catalogue();
  const date = '2020-06-01';
  for (const n of [10_000, 100_000, 1_000_000]) {
    const cols = population(n);
    const t0 = performance.now();
    const batch = calculateBatch(m, date, cols, n);
    const batchMs = performance.now() - t0;
    log(
      `aanwervingsincentive batch   n=${n.toLocaleString('nl-BE')}: ${batchMs.toFixed(1)} ms (${rate(n, batchMs)} gevallen/s), ` +
        `${batch.eligibleCount.toLocaleString('nl-BE')} rechthebbend, totaal € ${euros(batch.total)}`,
    );
  }
  // The scalar path with its full trace, on the first 10,000 cases: it must give the same total.
  const n = 10_000;
  const cols = population(n);
  const t0 = performance.now();
  let cents = 0;
  for (let i = 0; i < n; i++) {
    const r = calculate(
      m,
      date,
      {
        leeftijd: cols.leeftijd[i],
        maanden_werkzoekend: cols.maanden_werkzoekend[i],
        maanden_in_dienst: cols.maanden_in_dienst[i],
      },
      { ruleset },
    );
    cents += Math.round((r.amount ?? 0) * 100);
  }
  const scalarMs = performance.now() - t0;
  const batch = calculateBatch(m, date, cols, n);
  log(
    `aanwervingsincentive scalair n=10.000 met trace: ${scalarMs.toFixed(1)} ms (${rate(n, scalarMs)} gevallen/s)`,
  );
  if (cents !== batch.total)
    throw new Error(`batch (€ ${euros(batch.total)}) en scalair (€ ${euros(cents)}) verschillen`);
  log(`batch en scalair geven hetzelfde totaal: € ${euros(cents)}`);
}
