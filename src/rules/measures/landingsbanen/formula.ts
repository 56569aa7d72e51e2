/**
 * Aanmoedigingspremie landingsbanen — toegang voor nieuwe dossiers
 * (seeds/000_3bfdbb028fdab786.txt:L3805-3812):
 *
 *   "De Vlaamse premie komt immers bovenop de federale uitkering. Vanaf 1 juni 2015 werd de
 *    instapleeftijd eindeloopbaan opgetrokken van 55 naar 60 jaar. Daarnaast werd vanaf 1 juni 2016
 *    de instroom beperkt tot zorg-gerelateerde beroepen."
 *
 * The seeds give neither the amount nor the period in which 55 applied, so the formula starts on
 * 1 June 2015 and answers only whether a new landingsbaan gives access to the premium. The date of
 * a calculation is the start of the landingsbaan.
 */
import { atLeast, defineFormula, fact, requires } from '../../engine/index.ts';

const RULE = 'seeds/000_3bfdbb028fdab786.txt:L3805-3810';

export default defineFormula({
  facts: {
    leeftijd: fact.integer('Leeftijd bij de start van de landingsbaan', { unit: 'jaar', min: 15, max: 70 }),
    federale_uitkering: fact.boolean('Ontvangt de federale uitkering voor de landingsbaan', {
      description: 'de Vlaamse premie komt bovenop de federale uitkering',
    }),
    zorggerelateerd_beroep: fact.boolean('Oefent een zorggerelateerd beroep uit', { default: false }),
  },
  parameters: {
    min_instapleeftijd: 'integer',
    enkel_zorggerelateerde_beroepen: 'boolean',
  },
  versions: [
    {
      from: '2015-06-01',
      source: 'seeds/000_3bfdbb028fdab786.txt:L3808-3809',
      conditions: [
        requires('federale_uitkering', 'seeds/000_3bfdbb028fdab786.txt:L3806-3808', [
          'de Vlaamse premie komt bovenop een federale uitkering',
          'zonder federale uitkering is er geen Vlaamse premie bovenop',
        ]),
        atLeast(
          'instapleeftijd',
          RULE,
          'leeftijd',
          'min_instapleeftijd',
          (leeftijd, min_instapleeftijd) =>
            `leeftijd ${leeftijd}, instapleeftijd minstens ${min_instapleeftijd} jaar`,
        ),
        {
          id: 'zorggerelateerd_beroep',
          source: 'seeds/000_3bfdbb028fdab786.txt:L3809-3810',
          holds: ({ f, p }) => !p.enkel_zorggerelateerde_beroepen || f.zorggerelateerd_beroep,
          text: ({ f, p }) =>
            !p.enkel_zorggerelateerde_beroepen
              ? 'vóór 1 juni 2016 is de instroom niet beperkt tot zorgberoepen'
              : f.zorggerelateerd_beroep
                ? 'zorggerelateerd beroep, zoals vereist sinds 1 juni 2016'
                : 'sinds 1 juni 2016 enkel instroom in zorggerelateerde beroepen',
        },
      ],
    },
  ],
});
