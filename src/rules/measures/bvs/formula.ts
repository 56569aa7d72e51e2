/**
 * Beroepsverkennende stage (BVS) — werkplekleren na de hervorming van 6 juli 2018, in voege
 * 1 september 2018 (seeds/004_694cfc149f605398.txt:L2169-2200, L4098-4113):
 *
 *   "Doel: onbetaalde oriënterende stage."
 *   "Kan bestaan uit twee fases: Beroepsverkenning (max. vijf dagen) en competentiekloof in kaart
 *    brengen (max. 30 dagen min aantal dagen fase 1)."
 *   "Werkzoekende blijft beschikbaar voor de arbeidsmarkt."
 *   Binnen TWE "enkel bij het begin van dit traject"; bij leefloongerechtigden "enkel in de twee
 *   maanden voorafgaand aan de start van de arbeidsovereenkomst via art. 60 §7 en art. 61".
 *
 * The date of a calculation is the start of the stage.
 */
import { atMost, defineFormula, fact } from '../../engine/index.ts';

export default defineFormula({
  facts: {
    dagen_fase1: fact.integer('Dagen beroepsverkenning (fase 1)', {
      description: 'Fase 1, beroepsverkenning: hoogstens vijf dagen.',
      unit: 'dagen',
      min: 0,
      max: 366,
    }),
    dagen_fase2: fact.integer('Dagen competentiekloof in kaart brengen (fase 2)', {
      description:
        'Fase 2, de competentiekloof in kaart brengen: hoogstens 30 dagen min de dagen van fase 1.',
      unit: 'dagen',
      min: 0,
      max: 366,
    }),
    in_twe: fact.choice('Binnen een TWE-traject', ['nee', 'twe-vdab', 'twe-ocmw'], {
      default: 'nee',
      description: 'Een BVS kan los van TWE, of in een TWE-traject via VDAB of via OCMW.',
    }),
    bij_aanvang_twe: fact.boolean('De BVS valt bij het begin van het TWE-traject', {
      description: 'Binnen een TWE-traject kan een BVS enkel bij het begin van het traject.',
      default: true,
    }),
    voor_arbeidsovereenkomst_art60: fact.boolean(
      'De BVS valt in de twee maanden vóór de arbeidsovereenkomst art. 60 §7/61',
      { default: true, description: 'Enkel van belang in het TWE-spoor via OCMW.' },
    ),
  },
  parameters: {
    max_dagen_fase1: 'integer',
    max_dagen_totaal: 'integer',
  },
  versions: [
    {
      from: '2018-09-01',
      source: 'seeds/004_694cfc149f605398.txt:L4098-4113',
      conditions: [
        atMost(
          'fase1',
          'seeds/004_694cfc149f605398.txt:L2174',
          'dagen_fase1',
          'max_dagen_fase1',
          (dagen_fase1, max_dagen_fase1) =>
            `fase 1 (beroepsverkenning) duurt ${dagen_fase1} dagen, hoogstens ${max_dagen_fase1}`,
        ),
        {
          id: 'fase2',
          source: 'seeds/004_694cfc149f605398.txt:L2174-2175',
          holds: ({ f, p, step }) =>
            f.dagen_fase2 <=
            step(
              'max_dagen_fase2',
              p.max_dagen_totaal - f.dagen_fase1,
              `${p.max_dagen_totaal} dagen min ${f.dagen_fase1} dagen van fase 1`,
            ),
          text: ({ f, p }) =>
            `fase 2 (competentiekloof) duurt ${f.dagen_fase2} dagen, hoogstens ${p.max_dagen_totaal} min ${f.dagen_fase1} = ${p.max_dagen_totaal - f.dagen_fase1}`,
        },
        {
          id: 'twe_enkel_bij_aanvang',
          source: 'seeds/004_694cfc149f605398.txt:L2193-2195',
          holds: ({ f }) => f.in_twe === 'nee' || f.bij_aanvang_twe,
          text: () => 'binnen een TWE-traject kan een BVS enkel bij het begin van het traject',
        },
        {
          id: 'ocmw_voor_art60',
          source: 'seeds/004_694cfc149f605398.txt:L2195-2196',
          holds: ({ f }) => f.in_twe !== 'twe-ocmw' || f.voor_arbeidsovereenkomst_art60,
          text: () =>
            'in een TWE-traject via OCMW kan een BVS enkel in de twee maanden vóór de arbeidsovereenkomst art. 60 §7/61',
        },
      ],
      outputs: {
        max_dagen_fase2: {
          label: 'Maximale duur van fase 2',
          unit: 'dagen',
          value: ({ f, p }) => p.max_dagen_totaal - f.dagen_fase1,
        },
        totaal_dagen: {
          label: 'Duur van de stage',
          unit: 'dagen',
          value: ({ f }) => f.dagen_fase1 + f.dagen_fase2,
        },
        betaald: { label: 'Betaalde stage', value: () => false },
        beschikbaar_voor_arbeidsmarkt: {
          label: 'De werkzoekende blijft beschikbaar voor de arbeidsmarkt',
          value: () => true,
        },
      },
    },
  ],
});
