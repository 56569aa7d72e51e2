/**
 * Vrijstelling van werkgeversbijdragen bij aanwerving, sinds de versterking van het
 * doelgroepenbeleid op 1 januari 2019 (seeds/000_3bfdbb028fdab786.txt:L2119-2131):
 *
 *   "- de vrijstelling van werkgeversbijdragen bij de aanwerving van niet-werkende werkzoekende
 *      55-plussers gedurende twee jaar, (…)
 *    - en de vrijstelling van werkgeversbijdragen bij de aanwerving van laaggeschoolde jongeren
 *      voor twee jaar."
 *
 * Jongeren are "-25 jaar" (seeds/004_694cfc149f605398.txt:L1243-1250). The seeds do not say which
 * contributions are exempted, so the employer contributions due for the quarter are an input and
 * the exemption is that amount, during the 24 months after the hiring. The date of a calculation
 * is a day in the quarter.
 */
import { below, defineFormula, fact } from '../../engine/index.ts';

const RULE = 'seeds/000_3bfdbb028fdab786.txt:L2125-2131';

export default defineFormula({
  facts: {
    doelgroep: fact.choice('Doelgroep van de aanwerving', [
      'werkzoekende-55-plus',
      'laaggeschoolde-jongere',
    ] as const),
    leeftijd_bij_aanwerving: fact.integer('Leeftijd bij de aanwerving', { unit: 'jaar', min: 14, max: 80 }),
    niet_werkend_werkzoekend: fact.boolean('Niet-werkende werkzoekende bij de aanwerving', {
      default: false,
    }),
    laaggeschoold: fact.boolean('Laaggeschoold (zonder diploma hoger onderwijs)', { default: false }),
    maanden_sinds_aanwerving: fact.integer(
      'Volle maanden sinds de aanwerving bij het begin van het kwartaal',
      {
        unit: 'maanden',
        min: 0,
        max: 600,
      },
    ),
    werkgeversbijdragen: fact.money('Verschuldigde werkgeversbijdragen voor het kwartaal', {
      min: 0,
      max: 1000000,
      description:
        'Het bedrag dat zonder vrijstelling verschuldigd is; de bronnen geven de bijdragevoet niet.',
    }),
  },
  parameters: {
    min_leeftijd_ouderen: 'integer',
    max_leeftijd_jongeren_exclusief: 'integer',
    duur_vrijstelling_maanden: 'integer',
  },
  amount: { label: 'Vrijstelling van werkgeversbijdragen', period: 'per kwartaal' },
  versions: [
    {
      from: '2019-01-01',
      source: 'seeds/000_3bfdbb028fdab786.txt:L2119-2120',
      conditions: [
        {
          id: 'doelgroep_ouderen',
          source: 'seeds/000_3bfdbb028fdab786.txt:L2125-2126',
          holds: ({ f, p }) =>
            f.doelgroep !== 'werkzoekende-55-plus' ||
            (f.niet_werkend_werkzoekend && f.leeftijd_bij_aanwerving >= p.min_leeftijd_ouderen),
          text: ({ f, p }) =>
            f.doelgroep !== 'werkzoekende-55-plus'
              ? 'geen aanwerving van een 55-plusser'
              : `niet-werkende werkzoekende ${f.niet_werkend_werkzoekend ? 'ja' : 'nee'}, leeftijd ${f.leeftijd_bij_aanwerving}, minstens ${p.min_leeftijd_ouderen} jaar`,
        },
        {
          id: 'doelgroep_jongeren',
          source: 'seeds/000_3bfdbb028fdab786.txt:L2129-2131',
          holds: ({ f, p }) =>
            f.doelgroep !== 'laaggeschoolde-jongere' ||
            (f.laaggeschoold && f.leeftijd_bij_aanwerving < p.max_leeftijd_jongeren_exclusief),
          text: ({ f, p }) =>
            f.doelgroep !== 'laaggeschoolde-jongere'
              ? 'geen aanwerving van een jongere'
              : `laaggeschoold ${f.laaggeschoold ? 'ja' : 'nee'}, leeftijd ${f.leeftijd_bij_aanwerving}, jonger dan ${p.max_leeftijd_jongeren_exclusief} jaar`,
        },
        below(
          'binnen_twee_jaar',
          RULE,
          'maanden_sinds_aanwerving',
          'duur_vrijstelling_maanden',
          (maanden_sinds_aanwerving, duur_vrijstelling_maanden) =>
            `${maanden_sinds_aanwerving} maanden na de aanwerving, vrijstelling gedurende de eerste ${duur_vrijstelling_maanden} maanden`,
        ),
      ],
      amount: ({ f, stepMoney }) =>
        stepMoney(
          'vrijstelling',
          f.werkgeversbijdragen,
          `de verschuldigde werkgeversbijdragen van het kwartaal zijn vrijgesteld (${RULE})`,
        ),
    },
  ],
});
