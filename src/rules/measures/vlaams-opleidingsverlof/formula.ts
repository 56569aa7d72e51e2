/**
 * Vlaams opleidingsverlof — decreet van 12 oktober 2018, BVR van 21 december 2018
 * (seeds/000_3bfdbb028fdab786.txt:L5763-5773):
 *
 *   "Na de opleiding kan de werkgever een forfaitair bedrag (21,30 euro per goedgekeurd
 *    opleidingsuur, zoals bij BEV) terugbetaald krijgen als compensatie."
 *   "Sinds 1 september 2019 vervangt het Vlaams opleidingsverlof (VOV) het betaald educatief verlof."
 *
 * The amount is the refund to the employer for the approved training hours; the maximum number of
 * hours per school year is not in the seeds (see not_modelled).
 */
import { money } from '../../../domain/index.ts';
import { defineFormula, fact, requires } from '../../engine/index.ts';

export default defineFormula({
  facts: {
    goedgekeurde_uren: fact.integer('Goedgekeurde opleidingsuren waarvoor VOV werd opgenomen', {
      unit: 'uur',
      min: 0,
      max: 2000,
    }),
    opleiding_in_databank: fact.boolean('De opleiding is geregistreerd in de opleidingsdatabank'),
  },
  parameters: { forfait_per_uur: 'money' },
  amount: { label: 'Terugbetaling aan de werkgever', period: 'totaal' },
  versions: [
    {
      from: '2019-09-01',
      source: 'seeds/000_3bfdbb028fdab786.txt:L5763-5773',
      conditions: [
        requires(
          'opleiding_in_databank',
          'seeds/001_4a57afe77d69f3a4.txt:L9449-9451',
          'de opleiding is geregistreerd in de opleidingsdatabank Vlaamse opleidingsincentives',
          'erkende_opleiding',
        ),
      ],
      amount: ({ f, p, stepMoney }) =>
        stepMoney(
          'terugbetaling',
          money.mul(p.forfait_per_uur, f.goedgekeurde_uren),
          `${f.goedgekeurde_uren} uur × ${money.toEuroString(p.forfait_per_uur)} euro (seeds/000_3bfdbb028fdab786.txt:L5769-5773)`,
        ),
    },
  ],
});
