/**
 * Instapstage voor jongeren (seeds/004_694cfc149f605398.txt:L2202-2210):
 *
 *   "Een competentieversterkende stage voor uitsluitend schoolverlaters (jonger dan 25 jaar en
 *    laaggeschoold) … De instapstage kon niet ingezet worden in een TWE-traject. … Stopgezet
 *    1 september 2018 via BVR hervorming werkplekleren van 6 juli 2018. Het was een betaalde stage
 *    van drie maanden voltijds engagement."
 *
 * The seeds do not give the legal start; 1 January 2014 is the first year they attest (Tabel 26).
 * The date of a calculation is the start date of the stage.
 */
import { below, defineFormula, excludes, fact, requires } from '../../engine/index.ts';

const RULE = 'seeds/004_694cfc149f605398.txt:L2202-2207';

export default defineFormula({
  facts: {
    leeftijd: fact.integer('Leeftijd bij de start van de stage', { unit: 'jaar', min: 14, max: 70 }),
    schoolverlater: fact.boolean('Schoolverlater', {
      description: 'de jongere heeft de school net verlaten',
    }),
    laaggeschoold: fact.boolean('Laaggeschoold', { description: 'zonder diploma hoger secundair onderwijs' }),
    binnen_twe: fact.boolean('Ingezet binnen een TWE-traject', { default: false }),
  },
  parameters: {
    max_leeftijd_exclusief: 'integer',
    duur_maanden: 'integer',
  },
  versions: [
    {
      from: '2014-01-01',
      until: '2018-08-31',
      source: 'seeds/004_694cfc149f605398.txt:L5616-5620',
      assumption:
        'De bron geeft de wettelijke start van de instapstage niet. Trede rekent vanaf 1 januari 2014, het eerste jaar dat Tabel 26 gestarte instapstages telt (L5616); het einde op 1 september 2018 staat wel in de bron (L2209).',
      conditions: [
        requires('schoolverlater', RULE, [
          'de jongere is schoolverlater',
          'de jongere is geen schoolverlater',
        ]),
        below(
          'jonger_dan_25',
          RULE,
          'leeftijd',
          'max_leeftijd_exclusief',
          (leeftijd, max_leeftijd_exclusief) =>
            `leeftijd ${leeftijd} is jonger dan ${max_leeftijd_exclusief} jaar`,
        ),
        requires('laaggeschoold', RULE, ['de jongere is laaggeschoold', 'de jongere is niet laaggeschoold']),
        excludes(
          'binnen_twe',
          'seeds/004_694cfc149f605398.txt:L2207',
          [
            'de stage valt buiten een TWE-traject',
            'de instapstage kan niet binnen een TWE-traject worden ingezet',
          ],
          'niet_binnen_twe',
        ),
      ],
      outputs: {
        duur_maanden: {
          label: 'Duur van de stage (voltijds)',
          unit: 'maanden',
          value: ({ p, step }) =>
            step(
              'duur_maanden',
              p.duur_maanden,
              `betaalde stage van ${p.duur_maanden} maanden voltijds (L2209-2210)`,
            ),
        },
      },
    },
  ],
});
