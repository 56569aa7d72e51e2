/**
 * Oproep 'activerende arbeidszorg decreet WSE' (AAZ), 15 juli 2018 tot 31 maart 2021
 * (seeds/004_694cfc149f605398.txt:L2917-3002):
 *
 *   "Het totale contingent AZ-medewerkers mocht niet meer bedragen dan 5% van het contingent dgwn in
 *    het MWB. (…) Elke aanvraag moest over ten minste 2,5 VTE bijkomende AZ-medewerkers gaan en dus
 *    garanderen dat er minstens een halftijds begeleider kon worden aangeworven."
 *   "De subsidie loopt in eerste instantie voor twaalf maanden en kan na gunstige evaluatie verlengd
 *    worden voor maximaal twaalf maanden."
 *   "… één VTE AZ-begeleider omkaderingsubsidie voor vijf VTE AZ-medewerkers."
 *   Verlenging oktober 2019 - december 2020 (later maart 2021): "enkel open voor de toenmalig erkende
 *    initiatieven"; "Indien minder dan 60% van het oorspronkelijk aantal uren werd ingevuld, kon geen
 *    uitbreiding worden aangevraagd, maar werd het aantal toegekende uren verminderd."
 *
 * One calculation is one application by a maatwerkbedrijf or samenwerkingsverband. The seeds give
 * no euro amount per supervisor, so the formula has no amount: it gives the supervision in FTE.
 */
import { fraction, roundHalfAway } from '../../../domain/index.ts';
import {
  type Condition,
  decimalComma,
  defineFormula,
  fact,
  type Output,
  requires,
} from '../../engine/index.ts';

const exact = (n: number) => fraction(n).num;

const facts = {
  aanvrager: fact.choice(
    'Wie de aanvraag indient',
    ['maatwerkbedrijf', 'samenwerkingsverband', 'ander'] as const,
    {
      description: 'Enkel maatwerkbedrijven konden intekenen, alleen of via een samenwerkingsverband.',
    },
  ),
  contingent_dgwn_vte: fact.number('Contingent doelgroepwerknemers van het MWB (of de partners samen)', {
    unit: 'VTE',
    min: 0,
  }),
  bestaande_az_vte: fact.number('AZ-medewerkers die het MWB al heeft', { unit: 'VTE', min: 0, default: 0 }),
  gevraagde_az_vte: fact.number('Gevraagde bijkomende AZ-medewerkers', { unit: 'VTE', min: 0 }),
  gunstige_evaluatie: fact.boolean('Gunstige evaluatie na de eerste twaalf maanden', { default: false }),
  reeds_erkend: fact.boolean(
    'Het initiatief was erkend in het pilootjaar (voor de verlenging vanaf oktober 2019)',
    {
      default: false,
    },
  ),
  invulling_uren_pct: fact.number('Ingevuld deel van het oorspronkelijk toegekende aantal uren', {
    unit: '%',
    min: 0,
    max: 100,
    default: 0,
    description: 'Enkel van belang voor een uitbreiding bij de verlenging vanaf oktober 2019.',
  }),
};
const parameters = {
  max_aandeel_az_contingent: 'rate',
  min_vte_aanvraag: 'number',
  az_medewerkers_per_begeleider: 'number',
  maanden_subsidie: 'integer',
  max_maanden_verlenging: 'integer',
  min_invulling_uren_uitbreiding: 'rate',
} as const;
type F = typeof facts;
type P = typeof parameters;

const aanvrager: Condition<F, P> = {
  id: 'maatwerkbedrijf',
  source: 'seeds/004_694cfc149f605398.txt:L2926-2927',
  holds: ({ f }) => f.aanvrager !== 'ander',
  text: ({ f }) =>
    f.aanvrager === 'ander'
      ? 'enkel maatwerkbedrijven en hun samenwerkingsverbanden konden intekenen'
      : `aanvraag door een ${f.aanvrager}`,
};

const plafondVijfProcent: Condition<F, P> = {
  id: 'max_5_procent_contingent',
  source: 'seeds/004_694cfc149f605398.txt:L2961-2966',
  holds: ({ f, p }) =>
    (exact(f.bestaande_az_vte) + exact(f.gevraagde_az_vte)) * p.max_aandeel_az_contingent.den <=
    exact(f.contingent_dgwn_vte) * p.max_aandeel_az_contingent.num,
  text: ({ f, p }) =>
    `${decimalComma((exact(f.bestaande_az_vte) + exact(f.gevraagde_az_vte)) / exact(1))} VTE AZ-medewerkers, hoogstens ${(p.max_aandeel_az_contingent.num * 100) / p.max_aandeel_az_contingent.den}% van ${decimalComma(f.contingent_dgwn_vte)} VTE dgwn`,
};

const outputs: Record<string, Output<F, P>> = {
  omkadering_vte: {
    label: 'Omkaderingssubsidie: VTE AZ-begeleider',
    unit: 'VTE',
    value: ({ f, p }) => roundHalfAway(f.gevraagde_az_vte / p.az_medewerkers_per_begeleider, 3),
  },
  max_az_vte: {
    label: 'Hoogstens toegelaten AZ-medewerkers (5% van het contingent dgwn)',
    unit: 'VTE',
    value: ({ f, p }) =>
      Math.round(
        (exact(f.contingent_dgwn_vte) * p.max_aandeel_az_contingent.num) /
          p.max_aandeel_az_contingent.den /
          10_000,
      ) / 100,
  },
  max_maanden_subsidie: {
    label: 'Maanden subsidie per traject (twaalf, na gunstige evaluatie hoogstens twaalf meer)',
    unit: 'maanden',
    value: ({ f, p }) => p.maanden_subsidie + (f.gunstige_evaluatie ? p.max_maanden_verlenging : 0),
  },
};

export default defineFormula({
  facts,
  parameters,
  versions: [
    {
      from: '2018-07-15',
      until: '2019-10-14',
      source: 'seeds/004_694cfc149f605398.txt:L2940-2942',
      conditions: [
        aanvrager,
        {
          id: 'minstens_2_5_vte',
          source: 'seeds/004_694cfc149f605398.txt:L2967-2968',
          holds: ({ f, p }) => exact(f.gevraagde_az_vte) >= exact(p.min_vte_aanvraag),
          text: ({ f, p }) =>
            `aanvraag voor ${decimalComma(f.gevraagde_az_vte)} VTE bijkomende AZ-medewerkers, minstens ${decimalComma(p.min_vte_aanvraag)} VTE`,
        },
        plafondVijfProcent,
      ],
      outputs,
    },
    {
      from: '2019-10-15',
      until: '2021-03-31',
      source: 'seeds/004_694cfc149f605398.txt:L2941-2946',
      conditions: [
        aanvrager,
        requires('reeds_erkend', 'seeds/004_694cfc149f605398.txt:L2944-2946', [
          'het initiatief was al erkend',
          'de verlenging staat enkel open voor de toen erkende initiatieven',
        ]),
        plafondVijfProcent,
      ],
      outputs: {
        ...outputs,
        uitbreiding_uren_mogelijk: {
          label: 'Uitbreiding van uren kan worden aangevraagd (minstens 60% van de uren ingevuld)',
          value: ({ f, p }) =>
            exact(f.invulling_uren_pct) * p.min_invulling_uren_uitbreiding.den >=
            exact(100) * p.min_invulling_uren_uitbreiding.num,
        },
      },
    },
  ],
});
