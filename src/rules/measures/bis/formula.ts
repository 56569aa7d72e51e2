/**
 * Beroepsinlevingsstage (BIS, voorheen BIO) — BVR van 6 juli 2018, in voege 1 september 2018
 * (seeds/004_694cfc149f605398.txt:L2248-2271):
 *
 *   "Het betreft een opleidingsovereenkomst van maximaal zes maanden tussen de werkzoekende en de
 *    werkgever waarin VDAB enkel het opleidingsplan goedkeurt."
 *   "Er is geen opvolging of begeleiding op de werkvloer van een BIS."
 *   "De BIS kan niet ingezet worden binnen een TWE-traject."
 *
 * The date of a calculation is the start of the stage.
 */
import { atMost, defineFormula, excludes, fact, requires } from '../../engine/index.ts';

export default defineFormula({
  facts: {
    maanden: fact.number('Duur van de opleidingsovereenkomst', {
      description:
        'Duur van de opleidingsovereenkomst tussen werkzoekende en werkgever (hoogstens zes maanden).',
      unit: 'maanden',
      min: 0,
      max: 120,
    }),
    in_twe: fact.boolean('Binnen een TWE-traject', {
      description: 'De BIS kan niet binnen een TWE-traject.',
      default: false,
    }),
    opleidingsplan_goedgekeurd: fact.boolean('Opleidingsplan goedgekeurd door VDAB', {
      description: 'VDAB keurt enkel het opleidingsplan goed.',
      default: true,
    }),
  },
  parameters: {
    max_maanden: 'integer',
  },
  versions: [
    {
      from: '2018-09-01',
      source: 'seeds/004_694cfc149f605398.txt:L2269-2271',
      conditions: [
        atMost(
          'maximale_duur',
          'seeds/004_694cfc149f605398.txt:L2250-2253',
          'maanden',
          'max_maanden',
          (maanden, max_maanden) =>
            `opleidingsovereenkomst van ${String(maanden).replace('.', ',')} maanden, hoogstens ${max_maanden}`,
        ),
        excludes(
          'in_twe',
          'seeds/004_694cfc149f605398.txt:L2266-2267',
          'de BIS valt buiten een TWE-traject (een BIS kan niet binnen TWE)',
          'niet_in_twe',
        ),
        requires(
          'opleidingsplan_goedgekeurd',
          'seeds/004_694cfc149f605398.txt:L2252-2253',
          'VDAB keurt het opleidingsplan goed',
        ),
      ],
      outputs: {
        betaald: { label: 'Betaalde stage', value: () => true },
        begeleiding_op_werkvloer: { label: 'Begeleiding op de werkvloer', value: () => false },
        max_maanden: { label: 'Maximale duur', unit: 'maanden', value: ({ p }) => p.max_maanden },
      },
    },
  ],
});
