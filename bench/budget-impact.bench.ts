/**
 * Budget impact of a reform over a 1,000,000-person population: collectief maatwerk loonpremie
 * 60% → 65%, baseline and reform with the batch engine, on article JB0-1JEC2HA-WT (2024).
 * The check: the difference equals 5% of the capped wage of the eligible 60%-category persons.
 */
import { reformImpact } from '../src/budget/index.ts';
import { isoDate } from '../src/domain/dates.ts';
import { random } from '../test/support/random.ts';

const N = 1_000_000;
const CATS = ['60-hoog', '60-gemiddeld', '45-hoog', '45-gemiddeld', '45-laag'];

function population(n: number) {
  const r = random(20261203);
  const wop_actief = new Uint8Array(n);
  const wop_categorie: string[] = new Array(n);
  const instroom: string[] = new Array(n);
  const referteloon = new Float64Array(n);
  const ggmmi = new Float64Array(n).fill(200_000); // cents; GGMMI is an input assumption, not a seed figure
  const vte = new Float64Array(n).fill(50);
  const aandeel = new Float64Array(n).fill(70);
  const contingent = new Float64Array(n).fill(40);
  const tewerk = new Float64Array(n).fill(40);
  let expected = 0; // cents per month
  for (let i = 0; i < n; i++) {
    wop_actief[i] = r() < 0.95 ? 1 : 0;
    const cat = CATS[Math.floor(r() * CATS.length)] ?? '45-laag';
    wop_categorie[i] = cat;
    instroom[i] = r() < 0.3 ? 'zittend-tot-2018' : 'nieuw-vanaf-2019';
    referteloon[i] = 150_000 + Math.floor(r() * 200_000); // whole euros in cents
    const capped = Math.min(referteloon[i] ?? 0, 280_000);
    if (wop_actief[i] && cat.startsWith('60'))
      expected += Math.round(capped * 0.65) - Math.round(capped * 0.6);
  }
  const columns = {
    wop_actief: Array.from(wop_actief, (v) => v === 1),
    wop_categorie,
    instroom,
    referteloon,
    ggmmi,
    vte_dgwn_bedrijf: vte,
    aandeel_dgwn_personeel: aandeel,
    toegekend_contingent_vte: contingent,
    tewerkgestelde_dgwn_vte: tewerk,
  };
  return { columns, expected };
}

export async function run(log: (line: string) => void): Promise<void> {
  const { columns, expected } = population(N);
  const t0 = performance.now();
  const r = await reformImpact({
    measure: 'collectief-maatwerk',
    article: 'JB0-1JEC2HA-WT',
    date: '2024-06-01',
    columns,
    n: N,
    overrides: [{ parameter: 'loonpremie_60', validFrom: isoDate('2019-01-01'), value: 0.65 }],
    periods: 1,
  });
  const ms = performance.now() - t0;
  if (r.differenceCents !== expected)
    throw new Error(`verschil ${r.differenceCents} ≠ handtelling ${expected}`);
  log(`reform impact CMW loonpremie 60% → 65%, ${N.toLocaleString('en')} personen: ${ms.toFixed(0)} ms`);
  log(
    `  baseline ${(r.baselineCents / 100).toFixed(2)} EUR/maand, hervorming ${(r.reformCents / 100).toFixed(2)}, verschil ${(r.differenceCents / 100).toFixed(2)}`,
  );
}
