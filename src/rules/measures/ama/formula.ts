/**
 * Arbeidsmatige activiteiten (AMA, Welzijn) onder het werk- en zorgdecreet, BVR van 2 februari 2018;
 * financiering sinds de eerste overeenkomsten van 1 juli 2018 (seeds/004_694cfc149f605398.txt:L3442-3501):
 *
 *   "De erkende begeleider AMA ontvangt per jaar per begeleide deelnemer 840 euro Vlaamse subsidie
 *    (70 euro per maand per deelnemer)."
 *   "Personen, ouder dan 18 jaar en jonger dan 65 jaar, voor wie betaalde beroepsarbeid tijdelijk
 *    niet mogelijk is door … MMPPS-problematiek."
 *
 * Exclusions: AZ workers already funded by the social economy; VAPH dagondersteuning or begeleid
 * werken; no permission from the benefit institution; an RVA benefit without a VDAB/GTB ticket
 * "niet-toeleidbaar". The date is a day of the year considered; the amount is the subsidy for the
 * months the participant is coached in that year (12 by default: 840 euro).
 */
import { money } from '../../../domain/index.ts';
import { between, defineFormula, euroText, excludes, fact, requires } from '../../engine/index.ts';

const S = 'seeds/004_694cfc149f605398.txt';

export default defineFormula({
  facts: {
    leeftijd: fact.integer('Leeftijd van de deelnemer', { unit: 'jaar', min: 0, max: 120 }),
    betaald_werk_niet_mogelijk: fact.boolean(
      'Betaald werk is op korte en middellange termijn niet mogelijk door MMPPS-problemen',
    ),
    toelating_uitkeringsinstantie: fact.boolean('Toelating van de uitkeringsinstantie om aan AMA te doen', {
      description:
        'Adviserend arts bij een RIZIV-uitkering, VDAB bij niet-werkende werkzoekenden, OCMW bij leefloon.',
    }),
    rva_uitkering: fact.boolean('Ontvangt een RVA-uitkering', { default: false }),
    ticket_niet_toeleidbaar: fact.boolean('Heeft een ticket "niet-toeleidbaar" van VDAB of GTB', {
      default: false,
    }),
    gefinancierd_via_sociale_economie: fact.boolean(
      'Is als arbeidszorgmedewerker al gefinancierd via het departement Sociale Economie',
      { default: false },
    ),
    vaph_dagondersteuning_of_begeleid_werken: fact.boolean(
      'Krijgt dagondersteuning of begeleid werken vanuit het VAPH (ook via persoonsvolgend budget)',
      { default: false },
    ),
    maanden_begeleid: fact.integer('Maanden begeleid in het jaar', {
      unit: 'maanden',
      min: 0,
      max: 12,
      default: 12,
    }),
  },
  parameters: {
    bedrag_per_maand: 'money',
    min_leeftijd: 'integer',
    max_leeftijd: 'integer',
  },
  amount: { label: 'Begeleidingssubsidie voor de erkende begeleider AMA', period: 'per jaar' },
  versions: [
    {
      from: '2018-07-01',
      source: `${S}:L3442-3447`,
      conditions: [
        between(
          'leeftijd',
          `${S}:L3488-3490`,
          'leeftijd',
          ['min_leeftijd', 'max_leeftijd'],
          (leeftijd, min_leeftijd, max_leeftijd) =>
            `leeftijd ${leeftijd} ligt tussen ${min_leeftijd} en ${max_leeftijd} jaar`,
        ),
        requires(
          'betaald_werk_niet_mogelijk',
          `${S}:L3449-3451`,
          [
            'betaald werk is door MMPPS-problemen op korte en middellange termijn niet mogelijk',
            'AMA is enkel voor wie door MMPPS-problemen op korte en middellange termijn niet betaald kan werken',
          ],
          'mmpps',
        ),
        requires('toelating_uitkeringsinstantie', `${S}:L3493-3495`, [
          'de uitkeringsinstantie heeft toelating gegeven',
          'een toelating van de uitkeringsinstantie is nodig om aan AMA te mogen doen',
        ]),
        {
          id: 'ticket_niet_toeleidbaar',
          source: `${S}:L3497-3501`,
          holds: ({ f }) => !f.rva_uitkering || f.ticket_niet_toeleidbaar,
          text: ({ f }) =>
            !f.rva_uitkering
              ? 'geen RVA-uitkering, dus geen ticket "niet-toeleidbaar" nodig'
              : f.ticket_niet_toeleidbaar
                ? 'RVA-uitkering met een ticket "niet-toeleidbaar" van VDAB of GTB'
                : 'wie een RVA-uitkering ontvangt heeft een ticket "niet-toeleidbaar" van VDAB of GTB nodig',
        },
        excludes(
          'gefinancierd_via_sociale_economie',
          `${S}:L3475-3478`,
          [
            'niet al gefinancierd via het departement Sociale Economie',
            'arbeidszorgmedewerkers die al via Sociale Economie gefinancierd worden, komen niet in aanmerking',
          ],
          'niet_gefinancierd_via_sociale_economie',
        ),
        excludes(
          'vaph_dagondersteuning_of_begeleid_werken',
          `${S}:L3483-3486`,
          [
            'geen dagondersteuning of begeleid werken vanuit het VAPH',
            'AMA kan niet gecombineerd worden met dagondersteuning of begeleid werken vanuit het VAPH',
          ],
          'geen_vaph_dagondersteuning',
        ),
      ],
      amount: ({ f, p, step, stepMoney }) => {
        const maanden = step('maanden_begeleid', f.maanden_begeleid);
        return stepMoney(
          'subsidie',
          money.mul(p.bedrag_per_maand, maanden),
          `${maanden} × ${euroText(p.bedrag_per_maand, true)} per maand per begeleide deelnemer (${S}:L3457-3458)`,
        );
      },
    },
  ],
});
