/**
 * RSZ-doelgroepvermindering voor zittende oudere werknemers — versterking van het doelgroepenbeleid
 * op 1 januari 2019 (seeds/000_3bfdbb028fdab786.txt:L2119-2123):
 *
 *   "Op 1 januari 2019 ging de versterking van het doelgroepenbeleid in voege. … het verhogen van de
 *    doelgroepvermindering voor zittende 60-plussers van 1.150 euro naar 1.500 euro per kwartaal"
 *
 * Only the part the seeds quantify is calculated: the quarterly reduction for an employee aged 60 or
 * more who is already employed (zittend). The wage ceiling, the amounts for 55/58-59 and the
 * two-year exemption at hiring are not in the seeds (see not_modelled). From 1 January 2022 the age
 * is raised step by step without a schedule in the seeds, so the formula stops on 31 December 2021.
 */
import { atLeast, defineFormula, fact, requires } from '../../engine/index.ts';

export default defineFormula({
  facts: {
    leeftijd: fact.integer('Leeftijd van de werknemer in het kwartaal', { unit: 'jaar', min: 15, max: 80 }),
    zittend: fact.boolean('De werknemer is al in dienst (zittende werknemer, geen nieuwe aanwerving)'),
  },
  parameters: {
    min_leeftijd_zittend_hoog: 'integer',
    vermindering_zittend_60_plus: 'money',
  },
  amount: { label: 'Doelgroepvermindering', period: 'per kwartaal' },
  versions: [
    {
      from: '2016-07-01',
      until: '2021-12-31',
      source: 'seeds/004_694cfc149f605398.txt:L3815-3827',
      conditions: [
        requires(
          'zittend',
          'seeds/000_3bfdbb028fdab786.txt:L2122-2123',
          'het gaat om een zittende werknemer (de vrijstelling bij aanwerving staat zonder bedrag in de bronnen)',
          'zittende_werknemer',
        ),
        atLeast(
          'leeftijd',
          'seeds/000_3bfdbb028fdab786.txt:L2122-2123',
          'leeftijd',
          'min_leeftijd_zittend_hoog',
          (leeftijd, min_leeftijd_zittend_hoog) =>
            `leeftijd ${leeftijd} jaar, minstens ${min_leeftijd_zittend_hoog} jaar`,
        ),
      ],
      amount: ({ p, stepMoney }) =>
        stepMoney(
          'vermindering_per_kwartaal',
          p.vermindering_zittend_60_plus,
          'doelgroepvermindering zittende 60-plusser per kwartaal (seeds/000_3bfdbb028fdab786.txt:L2119-2123)',
        ),
    },
  ],
});
