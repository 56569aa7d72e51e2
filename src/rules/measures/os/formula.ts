/**
 * Opleidingsstage (OS) — werkplekleren na de hervorming van 6 juli 2018, in voege 1 september 2018
 * (seeds/004_694cfc149f605398.txt:L2212-2225, L4098-4113):
 *
 *   "Bedrijven bieden een cursist die een VDAB-beroepsopleiding volgt de kans om een stage te doen …
 *    Dit kan ook voor opleidingen van partners die door VDAB erkend zijn."
 *   "Duurtijd is de helft van het volledige opleidingstraject (opleiding + stage), met als maximum
 *    zes maanden. Het bedrijf betaalt geen stagepremie. Een OS is altijd een onderdeel van een
 *    opleiding."
 *
 * stage ≤ ½ × (opleiding + stage) is the same as stage ≤ opleiding; with an aandeel a in general
 * stage ≤ a / (1 − a) × opleiding. Compared exactly in integers: stage × den ≤ num × (opleiding + stage).
 */
import { roundHalfAway } from '../../../domain/index.ts';
import { atMost, decimalComma, defineFormula, fact, requires } from '../../engine/index.ts';

export default defineFormula({
  facts: {
    in_beroepsopleiding: fact.boolean(
      'Onderdeel van een VDAB-beroepsopleiding of een door VDAB erkende opleiding',
      {
        description:
          'Een opleidingsstage is altijd een onderdeel van een opleiding; het initiatief gaat uit van de lesgever.',
      },
    ),
    opleidingsmaanden: fact.number('Duur van het opleidingsdeel (zonder stage)', {
      description: 'De duur van het opleidingstraject zonder de stage.',
      unit: 'maanden',
      min: 0,
      max: 120,
    }),
    stagemaanden: fact.number('Duur van de opleidingsstage', {
      description:
        'De duur van de stage in het bedrijf (hoogstens de helft van opleiding plus stage en hoogstens zes maanden).',
      unit: 'maanden',
      min: 0,
      max: 120,
    }),
  },
  parameters: {
    max_aandeel_stage: 'rate',
    max_maanden: 'integer',
  },
  versions: [
    {
      from: '2018-09-01',
      source: 'seeds/004_694cfc149f605398.txt:L4098-4113',
      conditions: [
        requires(
          'in_beroepsopleiding',
          'seeds/004_694cfc149f605398.txt:L2214-2221',
          'een opleidingsstage is altijd een onderdeel van een (door VDAB erkende) beroepsopleiding',
          'onderdeel_van_opleiding',
        ),
        {
          id: 'aandeel_in_traject',
          source: 'seeds/004_694cfc149f605398.txt:L2219-2220',
          holds: ({ f, p }) =>
            f.stagemaanden * p.max_aandeel_stage.den <=
            p.max_aandeel_stage.num * (f.opleidingsmaanden + f.stagemaanden),
          text: ({ f, p }) =>
            `stage van ${decimalComma(f.stagemaanden)} maanden op een traject van ${decimalComma(f.opleidingsmaanden + f.stagemaanden)} maanden, hoogstens ${decimalComma(p.max_aandeel_stage.value * 100)} %`,
        },
        atMost(
          'maximale_duur',
          'seeds/004_694cfc149f605398.txt:L2219-2220',
          'stagemaanden',
          'max_maanden',
          (stagemaanden, max_maanden) =>
            `stage van ${decimalComma(stagemaanden)} maanden, hoogstens ${max_maanden}`,
        ),
      ],
      outputs: {
        max_stagemaanden: {
          label: 'Langst mogelijke stage bij dit opleidingsdeel',
          unit: 'maanden',
          value: ({ f, p, step }) => {
            const a = p.max_aandeel_stage;
            const volgensAandeel = step(
              'max_volgens_aandeel',
              roundHalfAway((a.num * f.opleidingsmaanden) / (a.den - a.num), 2),
              `aandeel ${decimalComma(a.value * 100)} %: stage ≤ ${a.num}/${a.den - a.num} × ${decimalComma(f.opleidingsmaanden)} maanden opleiding`,
            );
            return Math.min(volgensAandeel, p.max_maanden);
          },
        },
        stagepremie_bedrijf: {
          label: 'Stagepremie die het bedrijf betaalt',
          unit: 'EUR',
          value: () => 0,
        },
      },
    },
  ],
});
