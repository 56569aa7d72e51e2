/**
 * Duaal leren — decreet betreffende duaal leren en de aanloopfase, in werking op 1 september 2019
 * (seeds/004_694cfc149f605398.txt:L2369-2615, L4212-4229; seeds/000_3bfdbb028fdab786.txt:L5548-5584):
 *
 *   "Het 'duaal leren' richt zich tot jongeren vanaf 15 jaar die arbeidsrijp zijn (kunnen werken)
 *    alsook arbeidsbereid zijn (willen werken)."
 *   De aanloopfase is "bedoeld om leerlingen die arbeidsbereid zijn (wel willen), maar nog niet
 *    arbeidsrijp (nog niet kunnen) of geen werkplek vinden, voor te bereiden" (L4214-4216).
 *   SOAO "voor zij die minder dan 20u per week, gemiddeld op jaarbasis, op een werkplek leren";
 *   OAO "voor die jongeren die 20u of meer per week … op een werkplek leren".
 *   Standaardtrajecten: trede 6; aanloopfases: trede 4 (L2554-2558).
 *   Volwassenenonderwijs vanaf 1 september 2022.
 *
 * The date of a calculation is the start of the pupil's track (a school year starts on 1 September).
 */
import { defineFormula, fact, requires } from '../../engine/index.ts';

export default defineFormula({
  facts: {
    onderwijsniveau: fact.choice(
      'Onderwijsniveau',
      ['secundair', 'buitengewoon-secundair', 'volwassenenonderwijs'],
      { description: 'Gewoon of buitengewoon secundair onderwijs (BUSO), of volwassenenonderwijs.' },
    ),
    leeftijd: fact.integer('Leeftijd bij de start', {
      description: 'Duaal leren in het secundair onderwijs is er voor jongeren vanaf 15 jaar.',
      unit: 'jaar',
      min: 0,
      max: 100,
    }),
    arbeidsbereid: fact.boolean('Arbeidsbereid (wil werken)', {
      description: 'De leerling wil werken; vereist voor het standaardtraject en voor de aanloopfase.',
    }),
    arbeidsrijp: fact.boolean('Arbeidsrijp (kan werken)', {
      description: 'De leerling kan werken; anders start hij in de aanloopfase.',
    }),
    werkplek_gevonden: fact.boolean('Er is een werkplek gevonden', {
      description: 'Wie geen werkplek vindt, start in de aanloopfase.',
      default: true,
    }),
    uren_werkplek_per_week: fact.number('Uren per week op de werkplek, gemiddeld op jaarbasis', {
      description: 'Bepaalt de overeenkomst: SOAO onder 20 uur per week, OAO vanaf 20 uur.',
      unit: 'uur per week',
      min: 0,
      max: 60,
    }),
  },
  parameters: {
    min_leeftijd: 'integer',
    grens_uren_oao: 'number',
    aanloopfase_duaal_leren: 'boolean',
    volwassenenonderwijs_open: 'boolean',
  },
  versions: [
    {
      from: '2019-09-01',
      source: 'seeds/004_694cfc149f605398.txt:L4223',
      conditions: [
        {
          id: 'onderwijsniveau',
          source: 'seeds/000_3bfdbb028fdab786.txt:L5580-5584',
          holds: ({ f, p }) => {
            const open = p.volwassenenonderwijs_open; // always read, so the trace shows it
            return f.onderwijsniveau !== 'volwassenenonderwijs' || open;
          },
          text: ({ f }) =>
            f.onderwijsniveau === 'volwassenenonderwijs'
              ? 'duaal leren in het volwassenenonderwijs kan vanaf 1 september 2022'
              : `duaal leren in het ${f.onderwijsniveau === 'secundair' ? 'secundair onderwijs' : 'buitengewoon secundair onderwijs'} kan vanaf 1 september 2019`,
        },
        {
          id: 'leeftijd',
          source: 'seeds/004_694cfc149f605398.txt:L2501-2503',
          holds: ({ f, p }) => f.onderwijsniveau === 'volwassenenonderwijs' || f.leeftijd >= p.min_leeftijd,
          text: ({ f, p }) =>
            f.onderwijsniveau === 'volwassenenonderwijs'
              ? 'de bronnen geven geen minimumleeftijd voor het volwassenenonderwijs'
              : `leeftijd ${f.leeftijd} jaar, minstens ${p.min_leeftijd}`,
        },
        requires(
          'arbeidsbereid',
          'seeds/004_694cfc149f605398.txt:L4214-4216',
          'de leerling is arbeidsbereid (ook voor de aanloopfase)',
        ),
      ],
      outputs: {
        traject: {
          label: 'Traject',
          value: ({ f, step }) =>
            step(
              'standaardtraject',
              f.arbeidsrijp && f.werkplek_gevonden,
              'arbeidsrijp en een werkplek gevonden (seeds/004_694cfc149f605398.txt:L2501-2507, L4214-4216)',
            )
              ? 'standaardtraject'
              : 'aanloopfase',
        },
        trede: {
          label: 'Trede van de participatieladder',
          value: ({ f }) => (f.arbeidsrijp && f.werkplek_gevonden ? 6 : 4),
        },
        overeenkomst: {
          label: 'Overeenkomst (leeg: aanloopfase of geen werkplekuren)',
          value: ({ f, p }) =>
            !(f.arbeidsrijp && f.werkplek_gevonden) || f.uren_werkplek_per_week === 0
              ? null
              : f.uren_werkplek_per_week < p.grens_uren_oao
                ? 'SOAO'
                : 'OAO',
        },
        aanloopfase: {
          label: 'Soort aanloopfase',
          value: ({ f, p }) => {
            const duaal = p.aanloopfase_duaal_leren; // always read, so the trace shows it
            if (f.arbeidsrijp && f.werkplek_gevonden) return null;
            return duaal
              ? "aanloopfase 'duaal leren' (of aanloopfase vorming/werkervaring in een Centrum Leren en Werken of Syntra Leertijd)"
              : 'aanloopfase vorming of werkervaring (Centrum Leren en Werken of Syntra Leertijd)';
          },
        },
      },
    },
  ],
});
