/**
 * Doelgroepvermindering gesco's maatwerkbedrijven ex-sociale werkplaatsen
 * (seeds/000_3bfdbb028fdab786.txt:L6621-6624; seeds/003_041d48c097fadc86.txt:L899-919):
 *
 *   "kredieten van de doelgroepvermindering gesco's maatwerkbedrijven ex-sociale werkplaatsen,
 *    bestaande uit een deel doelgroepwerknemers met een psychosociale arbeidsproblematiek en hun
 *    begeleiders. De maatregel wordt beheerd door de federale operator RSZ."
 *   "De wijziging, retroactief vanaf 1 januari 2023, schrapt de regelgeving waarbij de
 *    doelgroepvermindering voor gesco's voor doelgroepwerknemers in de maatwerkbedrijven kan worden
 *    gebruikt. (…) De maatregel is dus volledig stopgezet."
 *
 * The seeds give the target group, the operator and the end, not the amount: the formula gives
 * the eligibility (and the operator) only. Its start is an assumption: maatwerkbedrijven ex-SW
 * exist from the start of collectief maatwerk on 1 January 2019.
 */
import { defineFormula, fact, requires } from '../../engine/index.ts';

export default defineFormula({
  facts: {
    maatwerkbedrijf_ex_sw: fact.boolean('De werkgever is een maatwerkbedrijf ex-sociale werkplaats'),
    gesco: fact.boolean('De werknemer is tewerkgesteld als gesubsidieerde contractueel (gesco)'),
    functie: fact.choice(
      'Functie van de werknemer',
      ['doelgroepwerknemer-psychosociaal', 'begeleider', 'andere'] as const,
      {
        description:
          'Een doelgroepwerknemer met een psychosociale arbeidsproblematiek, zijn begeleider, of een andere werknemer.',
      },
    ),
  },
  parameters: {},
  versions: [
    {
      from: '2019-01-01',
      until: '2022-12-31',
      source: 'seeds/003_041d48c097fadc86.txt:L906-919',
      assumption:
        'De bronnen geven de begindatum niet. Trede rekent vanaf 1 januari 2019, de start van collectief maatwerk, vanaf wanneer de maatwerkbedrijven ex-sociale werkplaatsen bestaan (seeds/004_694cfc149f605398.txt:L1726-1727). Het einde op 31 december 2022 volgt uit de retroactieve schrapping vanaf 1 januari 2023.',
      conditions: [
        requires('maatwerkbedrijf_ex_sw', 'seeds/000_3bfdbb028fdab786.txt:L6621-6622', [
          'de werkgever is een maatwerkbedrijf ex-sociale werkplaats',
          'de vermindering geldt enkel in maatwerkbedrijven ex-sociale werkplaatsen',
        ]),
        requires('gesco', 'seeds/000_3bfdbb028fdab786.txt:L6621', [
          'de werknemer is een gesco',
          "de vermindering geldt enkel voor gesco's",
        ]),
        {
          id: 'doelgroep',
          source: 'seeds/000_3bfdbb028fdab786.txt:L6622-6624',
          holds: ({ f }) => f.functie !== 'andere',
          text: ({ f }) =>
            f.functie === 'andere'
              ? 'enkel doelgroepwerknemers met een psychosociale arbeidsproblematiek en hun begeleiders'
              : f.functie === 'begeleider'
                ? 'begeleider van doelgroepwerknemers met een psychosociale arbeidsproblematiek'
                : 'doelgroepwerknemer met een psychosociale arbeidsproblematiek',
        },
      ],
      outputs: {
        operator: {
          label: 'Wie de vermindering beheert',
          value: () => 'RSZ (federale operator)',
        },
      },
    },
  ],
});
