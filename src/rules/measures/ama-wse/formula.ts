/**
 * Arbeidsmatige activiteiten in de sociale economie (AMA WSE), BVR principieel goedgekeurd op
 * 16 oktober 2020, in werking op 1 april 2021 (seeds/004_694cfc149f605398.txt:L3381-3390):
 *
 *   "… een begeleidingssubsidie van 2.650 euro per begeleide arbeidszorgmedewerker per jaar …
 *    voor wie arbeidszorg verricht in een maatwerkbedrijf of een organisatie die via een
 *    samenwerkingsovereenkomst aan een MWB verbonden is én waarbij de persoon minimaal 12u per
 *    week actief is in arbeidszorg."
 *
 * VDAB checks four criteria together at referral (seeds/002_fa7ec9f147cf0c36.txt:L1467-1493):
 * MMPPS, at least 12 hours a week, steps towards paid work, motivation. The three judgements other
 * than the hours are VDAB's; they default to true (a referred person) and can be set to false.
 *
 * The date is the day considered; the amount is the yearly subsidy for one participant.
 */
import { atLeast, decimalComma, defineFormula, euroText, fact, requires } from '../../engine/index.ts';

const BVR = 'seeds/004_694cfc149f605398.txt:L3381-3387';
const VDAB = 'seeds/002_fa7ec9f147cf0c36.txt:L1467-1493';

export default defineFormula({
  facts: {
    uren_per_week: fact.number('Deelname in arbeidszorg per week', {
      unit: 'uur per week',
      min: 0,
      max: 60,
      description: 'Het aantal uren per week dat de persoon actief is in arbeidszorg.',
    }),
    in_maatwerkbedrijf: fact.boolean(
      'Arbeidszorg in een maatwerkbedrijf of een eraan verbonden organisatie',
      {
        description:
          'Waar: de activiteit gebeurt in een maatwerkbedrijf of in een organisatie die via een samenwerkingsovereenkomst aan een maatwerkbedrijf verbonden is.',
      },
    ),
    mmpps: fact.boolean('Kan door MMPPS-problemen niet deelnemen aan het reguliere aanbod', {
      default: true,
      description: 'Oordeel van VDAB bij de toeleiding (doelgroep van het werk- en zorgdecreet).',
    }),
    stappen_naar_betaald_werk: fact.boolean('Kan door deelname stappen naar betaald werk zetten', {
      default: true,
      description: 'Oordeel van VDAB bij de toeleiding en de jaarlijkse evaluatie.',
    }),
    gemotiveerd: fact.boolean('Is gemotiveerd om deel te nemen', {
      default: true,
      description: 'Oordeel van VDAB bij de toeleiding.',
    }),
  },
  parameters: {
    subsidie_per_jaar: 'money',
    min_uren_per_week: 'number',
    max_maanden_combinatie: 'integer',
  },
  amount: { label: 'Begeleidingssubsidie per arbeidszorgmedewerker', period: 'per jaar' },
  versions: [
    {
      from: '2021-04-01',
      source: 'seeds/004_694cfc149f605398.txt:L4326-4332',
      conditions: [
        requires('mmpps', 'seeds/002_fa7ec9f147cf0c36.txt:L1475-1481', [
          'de persoon kan door MMPPS-problemen niet deelnemen aan het reguliere aanbod',
          'de persoon moet door MMPPS-problemen niet kunnen deelnemen aan het reguliere aanbod',
        ]),
        atLeast(
          'minstens_12_uur',
          BVR,
          'uren_per_week',
          'min_uren_per_week',
          (uren_per_week, min_uren_per_week) =>
            `${decimalComma(uren_per_week)} uur per week actief, minstens ${decimalComma(min_uren_per_week)} uur vereist`,
        ),
        requires('in_maatwerkbedrijf', BVR, [
          'arbeidszorg in een maatwerkbedrijf of een eraan verbonden organisatie',
          'arbeidszorg moet gebeuren in een maatwerkbedrijf of een organisatie die via een samenwerkingsovereenkomst eraan verbonden is',
        ]),
        requires('stappen_naar_betaald_werk', 'seeds/004_694cfc149f605398.txt:L3388-3390', [
          'de persoon kan stappen naar betaald werk zetten',
          'de persoon moet door deelname stappen naar betaald werk kunnen zetten',
        ]),
        requires('gemotiveerd', 'seeds/002_fa7ec9f147cf0c36.txt:L1489-1493', [
          'de persoon is gemotiveerd',
          'de persoon moet gemotiveerd zijn',
        ]),
      ],
      amount: ({ p, stepMoney }) =>
        stepMoney(
          'subsidie_per_jaar',
          p.subsidie_per_jaar,
          `${euroText(p.subsidie_per_jaar, true)} per begeleide arbeidszorgmedewerker per jaar, onafhankelijk van het statuut (${BVR}); VDAB-criteria samen (${VDAB})`,
        ),
      outputs: {
        max_maanden_combinatie: {
          label:
            'Maximale duur van een gelijktijdige combinatie met werkplekinstrument, TWE, wijk-werken of deeltijds collectief maatwerk',
          unit: 'maanden',
          value: ({ p }) => p.max_maanden_combinatie,
        },
      },
    },
  ],
});
