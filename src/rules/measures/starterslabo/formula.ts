/**
 * Activiteitencoöperatie Starterslabo: jaarlijkse subsidie volgens de MB's van 2019 en 2020
 * (seeds/004_694cfc149f605398.txt:L2651-2661):
 *
 *   "(som van totale maanden niet-doelgroep * 130 euro) + (som van totale aantal maanden doelgroep
 *    * 168,89 euro) + 11.505 forfait = maximale subsidie. Per KO die de facturatiefase van de
 *    trajectbegeleiding opstart, wordt een aanvullende vergoeding van 710 euro toegekend en dit
 *    vanaf het uitvoeringsbesluit (MB) van 2019. Het resultaat … kan nooit hoger zijn dan
 *    149.505 euro."
 *
 * The date is a day in the funding (calendar) year; the facts are the totals of one cooperative.
 */
import { money } from '../../../domain/index.ts';
import { defineFormula, euroText, fact } from '../../engine/index.ts';

const S = 'seeds/004_694cfc149f605398.txt';

export default defineFormula({
  facts: {
    maanden_niet_doelgroep: fact.integer(
      'Begeleidingsmaanden van kandidaat-ondernemers buiten de doelgroepen',
      {
        unit: 'maanden',
        min: 0,
        max: 100_000,
        description: 'Som over alle kandidaat-ondernemers van de begeleidingsmaanden in het kalenderjaar.',
      },
    ),
    maanden_doelgroep: fact.integer('Begeleidingsmaanden van kandidaat-ondernemers uit de doelgroepen', {
      unit: 'maanden',
      min: 0,
      max: 100_000,
      description:
        'Laaggeschoolden, arbeidsgehandicapten, ouderen (minstens 50) en allochtonen; som van de maanden in het kalenderjaar.',
    }),
    ko_facturatiefase: fact.integer('Kandidaat-ondernemers die de facturatiefase opstarten', {
      unit: 'personen',
      min: 0,
      max: 10_000,
    }),
  },
  parameters: {
    bedrag_maand_niet_doelgroep: 'money',
    bedrag_maand_doelgroep: 'money',
    forfait: 'money',
    vergoeding_facturatiefase: 'money',
    max_subsidie: 'money',
    max_per_ko_doelgroep: 'money',
    max_per_ko_niet_doelgroep: 'money',
    max_maanden_traject: 'integer',
  },
  amount: { label: 'Subsidie per Starterslabo', period: 'per jaar' },
  versions: [
    {
      from: '2019-01-01',
      source: `${S}:L2645-2661`,
      conditions: [],
      amount: ({ f, p, step, stepMoney }) => {
        const nietDoelgroep = stepMoney(
          'deel_niet_doelgroep',
          money.mul(p.bedrag_maand_niet_doelgroep, f.maanden_niet_doelgroep),
          `${f.maanden_niet_doelgroep} maanden × ${euroText(p.bedrag_maand_niet_doelgroep, true)} (${S}:L2657)`,
        );
        const doelgroep = stepMoney(
          'deel_doelgroep',
          money.mul(p.bedrag_maand_doelgroep, f.maanden_doelgroep),
          `${f.maanden_doelgroep} maanden × ${euroText(p.bedrag_maand_doelgroep, true)} (${S}:L2657-2658)`,
        );
        const forfait = stepMoney('deel_forfait', p.forfait, `forfait voor de werking (${S}:L2652-2654)`);
        const facturatie = stepMoney(
          'deel_facturatiefase',
          money.mul(p.vergoeding_facturatiefase, f.ko_facturatiefase),
          `${f.ko_facturatiefase} × ${euroText(p.vergoeding_facturatiefase, true)} per kandidaat-ondernemer die de facturatiefase start (${S}:L2658-2660)`,
        );
        const berekend = stepMoney('berekend', money.add(nietDoelgroep, doelgroep, forfait, facturatie));
        step(
          'plafond_bereikt',
          berekend > p.max_subsidie,
          `de subsidie kan nooit hoger zijn dan ${euroText(p.max_subsidie, true)} (${S}:L2660-2661)`,
        );
        return stepMoney('subsidie', money.min(berekend, p.max_subsidie));
      },
      outputs: {
        max_maanden_traject: {
          label: 'Maximale duur van het starterstraject',
          unit: 'maanden',
          value: ({ p }) => p.max_maanden_traject,
        },
        max_per_ko_doelgroep: {
          label: 'Maximale vergoeding per kandidaat-ondernemer uit de doelgroepen (18 maanden)',
          unit: 'EUR',
          value: ({ p }) => money.toEuros(p.max_per_ko_doelgroep),
        },
        max_per_ko_niet_doelgroep: {
          label: 'Maximale vergoeding per kandidaat-ondernemer buiten de doelgroepen (18 maanden)',
          unit: 'EUR',
          value: ({ p }) => money.toEuros(p.max_per_ko_niet_doelgroep),
        },
      },
    },
  ],
});
