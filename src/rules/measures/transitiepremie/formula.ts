/**
 * Transitiepremie — decreet van 22 december 2017, BVR van 23 februari 2018, van start op
 * 15 maart 2018 (seeds/000_3bfdbb028fdab786.txt:L2709-2717, seeds/004_694cfc149f605398.txt:L2670-2685):
 *
 *   "… uitkeringsgerechtigde werkzoekenden tussen 45 en 65 jaar die starten als zelfstandige in
 *    hoofdberoep, na het volgen van een pre-starterstraject. Het is een premie voor maximaal 24
 *    maanden, startend aan 1.000 euro per maand en (per kwartaal) dalend tot 300 euro per maand …"
 *   "… online aangevraagd … binnen de drie maanden nadat men als zelfstandige in hoofdberoep start
 *    (zij die in bijberoep starten hebben er dus geen recht op)."
 *
 * From 1 April 2021 all ages, at half the premium (temporary until 31 March 2022, structural from
 * 1 April 2022: seeds/000_3bfdbb028fdab786.txt:L1303-1314). "Tot april 2021 (en voor +45 jarigen tot
 * juni 2021) … 15.600 euro … Vanaf 1 april 2021 … gehalveerd naar 7800 euro"
 * (seeds/001_4a57afe77d69f3a4.txt:L8891-8894).
 *
 * The date is the start as self-employed; the amount is the total premium over at most 24 months,
 * for a benefit-entitled jobseeker.
 */
import type { Cents } from '../../../domain/index.ts';
import { money } from '../../../domain/index.ts';
import {
  atMost,
  type Condition,
  type Context,
  decimalComma,
  defineFormula,
  euroText,
  fact,
  type Output,
  type Rate,
  requires,
} from '../../engine/index.ts';

const S0 = 'seeds/000_3bfdbb028fdab786.txt';
const S1 = 'seeds/001_4a57afe77d69f3a4.txt';
const S4 = 'seeds/004_694cfc149f605398.txt';

const facts = {
  leeftijd: fact.integer('Leeftijd bij de start als zelfstandige', { unit: 'jaar', min: 15, max: 100 }),
  traject_voltooid: fact.boolean('Heeft met succes een erkend ondernemerschapstraject doorlopen', {
    description:
      'Bv. Labo- of START!-traject van Starterslabo, Maak werk van je zaak, Go4Business (met attest).',
  }),
  hoofdberoep: fact.boolean('Start als zelfstandige in hoofdberoep', {
    description: 'Niet waar bij een start in bijberoep: die geeft geen recht.',
  }),
  maanden_tot_aanvraag: fact.integer('Maanden tussen de start en de online aanvraag', {
    unit: 'maanden',
    min: 0,
    max: 120,
  }),
} as const;

const parameters = {
  min_leeftijd: 'integer',
  max_leeftijd: 'integer',
  max_maanden_tot_aanvraag: 'integer',
  volledige_premie: 'money',
  aandeel_premie: 'rate',
  premie_eerste_maand: 'money',
  premie_laatste_kwartaal: 'money',
  max_maanden: 'integer',
} as const;

type FD = typeof facts;
type PD = typeof parameters;
type Ctx = Context<FD, PD>;

const common: Condition<FD, PD>[] = [
  requires('traject_voltooid', `${S4}:L2677-2685`, [
    'met succes een erkend ondernemerschapstraject doorlopen',
    'de premie vraagt een met succes doorlopen erkend ondernemerschapstraject',
  ]),
  requires('hoofdberoep', `${S4}:L2680-2681`, [
    'start als zelfstandige in hoofdberoep',
    'wie als zelfstandige in bijberoep start, heeft geen recht op de premie',
  ]),
  atMost(
    'aanvraag_binnen_termijn',
    `${S4}:L2680-2681`,
    'maanden_tot_aanvraag',
    'max_maanden_tot_aanvraag',
    (maanden_tot_aanvraag, max_maanden_tot_aanvraag) =>
      `aanvraag ${maanden_tot_aanvraag} ${maanden_tot_aanvraag === 1 ? 'maand' : 'maanden'} na de start, hoogstens ${max_maanden_tot_aanvraag} maanden toegelaten`,
  ),
];

const leeftijd: Condition<FD, PD> = {
  id: 'leeftijd',
  source: `${S0}:L2713-2714`,
  holds: ({ f, p }) => f.leeftijd >= p.min_leeftijd && f.leeftijd <= p.max_leeftijd,
  text: ({ f, p }) => `leeftijd ${f.leeftijd} ligt tussen ${p.min_leeftijd} en ${p.max_leeftijd} jaar`,
};

/** The share of the full premium: 1 before the halving, the dated share after it. */
function premie(ctx: Ctx, share: Rate, why: string): Cents {
  const { p, step, stepMoney } = ctx;
  step('aandeel', share.value, why);
  stepMoney(
    'eerste_maand',
    money.mulRatio(p.premie_eerste_maand, share),
    `${euroText(p.premie_eerste_maand, true)} × ${decimalComma(share.value)} voor de eerste maand (${S0}:L2715-2716)`,
  );
  stepMoney(
    'per_maand_laatste_kwartaal',
    money.mulRatio(p.premie_laatste_kwartaal, share),
    `${euroText(p.premie_laatste_kwartaal, true)} × ${decimalComma(share.value)} per maand in het laatste kwartaal (${S0}:L2716-2717)`,
  );
  return stepMoney(
    'totale_premie',
    money.mulRatio(p.volledige_premie, share),
    `${euroText(p.volledige_premie, true)} × ${decimalComma(share.value)} over hoogstens ${p.max_maanden} maanden (${S1}:L8891-8894)`,
  );
}

const FULL: Rate = { ...money.ratio(1), value: 1 };

const duur: Record<string, Output<FD, PD>> = {
  max_maanden: { label: 'Maximale duur van de premie', unit: 'maanden', value: ({ p }) => p.max_maanden },
};

export default defineFormula({
  facts,
  parameters,
  amount: { label: 'Transitiepremie (totaal, niet geïndexeerd)', period: 'totaal' },
  versions: [
    {
      from: '2018-03-15',
      until: '2021-03-31',
      source: `${S0}:L2709-2717`,
      conditions: [leeftijd, ...common],
      amount: (ctx) =>
        premie(ctx, ctx.p.aandeel_premie, `volledige premie voor 45-plussers (${S0}:L2713-2717)`),
      outputs: duur,
    },
    {
      // "Tot april 2021 (en voor +45 jarigen tot juni 2021)": 45-plussers keep the full premium.
      from: '2021-04-01',
      until: '2021-05-31',
      source: `${S1}:L8891-8894`,
      conditions: common,
      amount: (ctx) => {
        const { f, p, step } = ctx;
        const overgang = step(
          'overgang_45_plus',
          f.leeftijd >= p.min_leeftijd && f.leeftijd <= p.max_leeftijd,
          `+45-jarigen behouden tot juni 2021 de hogere premie (${S1}:L8892-8893)`,
        );
        return overgang
          ? premie(
              ctx,
              FULL,
              `overgangsregel: volledige premie voor 45-plussers tot juni 2021 (${S1}:L8892-8893)`,
            )
          : premie(
              ctx,
              p.aandeel_premie,
              `uitbreiding naar alle leeftijden met gehalveerde premie (${S0}:L2764-2766)`,
            );
      },
      outputs: duur,
    },
    {
      from: '2021-06-01',
      until: '2022-03-31',
      source: `${S0}:L2764-2766`,
      conditions: common,
      amount: (ctx) =>
        premie(
          ctx,
          ctx.p.aandeel_premie,
          `tijdelijke uitbreiding naar alle leeftijden, premie gehalveerd (${S0}:L2764-2766)`,
        ),
      outputs: duur,
    },
    {
      from: '2022-04-01',
      source: `${S0}:L1310-1314`,
      conditions: common,
      amount: (ctx) =>
        premie(
          ctx,
          ctx.p.aandeel_premie,
          `structurele uitbreiding naar alle leeftijden, premie gehalveerd (${S0}:L1310-1313)`,
        ),
      outputs: duur,
    },
  ],
});
