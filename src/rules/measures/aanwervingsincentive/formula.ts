/**
 * Aanwervingsincentive voor langdurig werkzoekenden — BVR van 17 februari 2017, gewijzigd op
 * 20 april 2020 (seeds/004_694cfc149f605398.txt:L3864-3877):
 *
 *   "… werkzoekenden tussen 25 en 54 jaar die twee jaar of langer werkzoekend zijn. De werkgever
 *    ontvangt de premie in twee schijven: 1.250 euro na drie maanden tewerkstelling en 3.000 euro
 *    na twaalf maanden tewerkstelling. … in voege sinds 1 januari 2017."
 *   "… zodat ook 55-jarigen beroep kunnen doen op deze premie en dat vanaf 1 januari 2020."
 *
 * The date of a calculation is the hiring date; the amount is what is due after the months of
 * employment so far.
 */
import { money } from '../../../domain/index.ts';
import { atLeast, between, defineFormula, fact } from '../../engine/index.ts';

const BVR = 'seeds/004_694cfc149f605398.txt:L3864-3870';

export default defineFormula({
  facts: {
    leeftijd: fact.integer('Leeftijd bij aanwerving', { unit: 'jaar', min: 15, max: 70 }),
    maanden_werkzoekend: fact.integer('Duur als werkzoekende vóór de aanwerving', {
      unit: 'maanden',
      min: 0,
      max: 600,
    }),
    maanden_in_dienst: fact.integer('Maanden tewerkstelling tot nu', { unit: 'maanden', min: 0, max: 600 }),
  },
  parameters: {
    min_leeftijd: 'integer',
    max_leeftijd: 'integer',
    min_maanden_werkzoekend: 'integer',
    eerste_schijf: 'money',
    maanden_eerste_schijf: 'integer',
    tweede_schijf: 'money',
    maanden_tweede_schijf: 'integer',
  },
  amount: { label: 'Premie verschuldigd tot nu', period: 'totaal' },
  versions: [
    {
      from: '2017-01-01',
      until: '2023-09-30',
      source: 'seeds/004_694cfc149f605398.txt:L3869-3870',
      conditions: [
        between(
          'leeftijd',
          'seeds/004_694cfc149f605398.txt:L3865-3867',
          'leeftijd',
          ['min_leeftijd', 'max_leeftijd'],
          (leeftijd, min_leeftijd, max_leeftijd) =>
            `leeftijd bij aanwerving (${leeftijd}) ligt tussen ${min_leeftijd} en ${max_leeftijd} jaar`,
        ),
        atLeast(
          'langdurig_werkzoekend',
          'seeds/004_694cfc149f605398.txt:L3866-3867',
          'maanden_werkzoekend',
          'min_maanden_werkzoekend',
          (maanden_werkzoekend, min_maanden_werkzoekend) =>
            `${maanden_werkzoekend} maanden werkzoekend, minstens ${min_maanden_werkzoekend} vereist`,
        ),
      ],
      amount: ({ f, p, stepMoney }) => {
        const eerste = stepMoney(
          'eerste_schijf_verschuldigd',
          f.maanden_in_dienst >= p.maanden_eerste_schijf ? p.eerste_schijf : money.ZERO,
          `${money.toEuroString(p.eerste_schijf)} euro na ${p.maanden_eerste_schijf} maanden tewerkstelling (${BVR})`,
        );
        const tweede = stepMoney(
          'tweede_schijf_verschuldigd',
          f.maanden_in_dienst >= p.maanden_tweede_schijf ? p.tweede_schijf : money.ZERO,
          `${money.toEuroString(p.tweede_schijf)} euro na ${p.maanden_tweede_schijf} maanden tewerkstelling (${BVR})`,
        );
        return money.add(eerste, tweede);
      },
    },
  ],
});
