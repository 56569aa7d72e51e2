/**
 * Onthaaltrajecten in het geïntegreerd breed onthaal voor niet-toeleidbare werkzoekenden
 * (seeds/004_694cfc149f605398.txt:L3545-3593):
 *
 *   "Op jaarbasis is, voor alle projecten samen, financiering voor maximaal 1.000 onthaaltrajecten
 *    voorzien. (…) 647 onthaaltrajecten toegekend voor 2019 en 591 onthaaltrajecten voor 2020. Dit
 *    betekent dat er (…) nog een beschikbaar contingent was van 353 onthaaltrajecten voor 2019 en
 *    voor 409 onthaaltrajecten voor 2020."
 *   "Per opgestart onthaaltraject is er een forfaitaire basisfinanciering van 360 euro."
 *
 * One calculation is one project in one year (the date is a day in that year). The 1.000
 * trajectories a year cap the amount: only the trajectories under the ceiling that the other
 * projects leave are financed.
 */
import { money } from '../../../domain/index.ts';
import { defineFormula, euroText, fact, requires } from '../../engine/index.ts';

export default defineFormula({
  facts: {
    advies_niet_toeleidbaar: fact.boolean(
      'De trajecten zijn voor werkzoekenden met een VDAB-advies niet-toeleidbaar',
      {
        description: 'VDAB geeft dit advies na een gespecialiseerde screening (MMPPS-problematiek).',
      },
    ),
    opgestarte_trajecten: fact.integer('Opgestarte onthaaltrajecten van het project in het jaar', {
      unit: 'trajecten',
      min: 0,
      max: 100000,
    }),
    toegekende_trajecten_vlaanderen: fact.integer(
      'Reeds toegekende onthaaltrajecten voor dat jaar, alle projecten samen',
      {
        unit: 'trajecten',
        min: 0,
        max: 100000,
        default: 0,
        description: 'Om het nog beschikbare contingent voor een nieuwe oproep te bepalen.',
      },
    ),
    gefinancierde_trajecten_andere_projecten: fact.integer(
      'Onthaaltrajecten die in dat jaar al voor de andere projecten gefinancierd worden',
      {
        unit: 'trajecten',
        min: 0,
        max: 100000,
        default: 0,
        description:
          'De financiering is voor alle projecten samen op hoogstens 1.000 trajecten per jaar begrensd; wat de andere projecten al gebruiken, gaat van dat plafond af.',
      },
    ),
  },
  parameters: {
    basisfinanciering_per_traject: 'money',
    max_trajecten_per_jaar: 'integer',
  },
  amount: { label: 'Basisfinanciering voor de opgestarte onthaaltrajecten', period: 'per jaar' },
  versions: [
    {
      from: '2019-01-01',
      source: 'seeds/004_694cfc149f605398.txt:L3567-3573',
      conditions: [
        requires(
          'advies_niet_toeleidbaar',
          'seeds/004_694cfc149f605398.txt:L3550-3556',
          [
            'de trajecten zijn voor werkzoekenden met een advies niet-toeleidbaar',
            'onthaaltrajecten zijn enkel voor werkzoekenden met een advies niet-toeleidbaar',
          ],
          'niet_toeleidbaar',
        ),
      ],
      amount: ({ f, p, step, stepMoney }) => {
        const ruimte = step(
          'ruimte_onder_jaarplafond',
          Math.max(0, p.max_trajecten_per_jaar - f.gefinancierde_trajecten_andere_projecten),
          `${p.max_trajecten_per_jaar} trajecten per jaar voor alle projecten samen − ${f.gefinancierde_trajecten_andere_projecten} al gefinancierd voor andere projecten (seeds/004_694cfc149f605398.txt:L3569-3570)`,
        );
        const gefinancierd = step(
          'gefinancierde_trajecten',
          Math.min(f.opgestarte_trajecten, ruimte),
          `het kleinste van ${f.opgestarte_trajecten} opgestarte trajecten en ${ruimte} trajecten onder het jaarplafond`,
        );
        return stepMoney(
          'basisfinanciering',
          money.mul(p.basisfinanciering_per_traject, gefinancierd),
          `${gefinancierd} gefinancierde trajecten × ${euroText(p.basisfinanciering_per_traject)} euro (seeds/004_694cfc149f605398.txt:L3593)`,
        );
      },
      outputs: {
        beschikbaar_contingent: {
          label: 'Nog beschikbaar contingent onthaaltrajecten voor het jaar (alle projecten samen)',
          unit: 'trajecten',
          value: ({ f, p }) => Math.max(0, p.max_trajecten_per_jaar - f.toegekende_trajecten_vlaanderen),
        },
      },
    },
  ],
});
