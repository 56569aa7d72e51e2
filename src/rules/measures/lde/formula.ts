/**
 * Lokale diensteneconomie, decreet van 22 november 2013, in voege vanaf 1 april 2015
 * (seeds/004_694cfc149f605398.txt:L1444-1566):
 *
 *   "Na maximum vijf jaar tewerkstelling wordt - begeleid - de stap gezet naar een job in de
 *    reguliere economie."
 *   "De LDE-organisatie ontvangt een vergoeding van maximaal 12.600 euro per VTE tewerkgestelde dgwn
 *    vanuit het Departement WSE (geïndexeerd 13.638,64 euro)."
 *   Voetnoot 43: langere trajecten bij uitzondering; "mensen boven de 60 jaar hoeven geen
 *    doorstroomtraject meer op te starten; mensen die 55+ zijn bij aanvang van het doorstroomtraject
 *    (…) mogen in LDE blijven zolang er geen passende match gevonden wordt".
 *
 * One calculation is one doelgroepwerknemer: the amount is the maximum compensation for the FTE of
 * that worker. The rule ends when LDE is folded into individueel maatwerk on 1 July 2023.
 */
import { fraction, money } from '../../../domain/index.ts';
import { decimalComma, defineFormula, euroText, fact } from '../../engine/index.ts';

const VERGOEDING = 'seeds/004_694cfc149f605398.txt:L1510-1512';
const VOETNOOT_43 = 'seeds/004_694cfc149f605398.txt:L1486-1491';

interface AgeFacts {
  leeftijd: number;
  leeftijd_aanvang_doorstroom: number;
  passende_match_gevonden: boolean;
  uitzondering_langer_traject: boolean;
}
interface AgeParams {
  leeftijd_geen_doorstroom: number;
  leeftijd_blijven_zonder_match: number;
}

const leeftijdDoorstroom = (f: AgeFacts) => f.leeftijd_aanvang_doorstroom || f.leeftijd;

/** Why the five-year limit does not apply to this worker, or null when it does. */
function uitzondering({ f, p }: { f: AgeFacts; p: AgeParams }): string | null {
  if (f.uitzondering_langer_traject) return 'door een toegestane uitzondering';
  if (f.leeftijd > p.leeftijd_geen_doorstroom)
    return `: boven ${p.leeftijd_geen_doorstroom} jaar (${f.leeftijd}) hoeft geen doorstroomtraject meer (${VOETNOOT_43})`;
  if (leeftijdDoorstroom(f) >= p.leeftijd_blijven_zonder_match && !f.passende_match_gevonden)
    return `: ${p.leeftijd_blijven_zonder_match}+ bij aanvang van de doorstroom (${leeftijdDoorstroom(f)}) en geen passende match, mag blijven (${VOETNOOT_43})`;
  return null;
}

export default defineFormula({
  facts: {
    vte: fact.number('Tewerkstellingsbreuk van de doelgroepwerknemer', {
      unit: 'VTE',
      min: 0,
      max: 1,
      description: 'Het deel van een voltijdse tewerkstelling (1 = voltijds).',
    }),
    maanden_inschakeling: fact.integer('Maanden in het inschakelingstraject tot nu', {
      unit: 'maanden',
      min: 0,
      max: 600,
    }),
    uitzondering_langer_traject: fact.boolean(
      'Toegestane uitzondering voor een langer inschakelingstraject',
      {
        default: false,
        description:
          'Bv. opleiding voor een attest kinderopvang, compensatie van meer dan 30 kalenderdagen afwezigheid, of de COVID-verlenging.',
      },
    ),
    leeftijd: fact.integer('Leeftijd van de doelgroepwerknemer', { unit: 'jaar', min: 15, max: 70 }),
    leeftijd_aanvang_doorstroom: fact.integer('Leeftijd bij de aanvang van het doorstroomtraject', {
      unit: 'jaar',
      min: 0,
      max: 70,
      default: 0,
      description:
        'Voor de uitzondering 55+ (voetnoot 43). 0 = niet opgegeven: dan telt de huidige leeftijd.',
    }),
    passende_match_gevonden: fact.boolean('Er is een passende match voor doorstroom gevonden', {
      default: false,
      description: 'Een 55-plusser zonder verwezenlijkte doorstroom mag in LDE blijven zolang er geen is.',
    }),
    contingent_organisatie_vte: fact.number('Toegekend contingent van de LDE-organisatie', {
      unit: 'VTE',
      min: 0,
      description: 'Voor de toets aan de minimale schaalgrootte van 5 VTE.',
    }),
  },
  parameters: {
    max_vergoeding_per_vte_basis: 'money',
    max_vergoeding_per_vte: 'money',
    max_maanden_inschakeling: 'integer',
    leeftijd_geen_doorstroom: 'integer',
    leeftijd_blijven_zonder_match: 'integer',
    min_schaalgrootte_vte: 'number',
  },
  amount: { label: 'Maximale inschakelingsvergoeding naar rato van de VTE', period: 'totaal' },
  versions: [
    {
      from: '2015-04-01',
      until: '2023-06-30',
      source: 'seeds/004_694cfc149f605398.txt:L3965-3973',
      conditions: [
        {
          // Voetnoot 43 (L1486-1494): behalve een langer traject zijn er uitzonderingen "waarbij niet
          // (meer) richting doorstroom gewerkt wordt": boven 60 jaar geen doorstroomtraject, en 55+
          // bij aanvang van de doorstroom mag blijven zolang er geen passende match is.
          id: 'inschakeling_max_vijf_jaar',
          source: 'seeds/004_694cfc149f605398.txt:L1470-1476',
          holds: (ctx) =>
            ctx.f.maanden_inschakeling <= ctx.p.max_maanden_inschakeling || uitzondering(ctx) !== null,
          text: (ctx) => {
            const { f, p } = ctx;
            if (f.maanden_inschakeling <= p.max_maanden_inschakeling)
              return `${f.maanden_inschakeling} maanden inschakeling, hoogstens ${p.max_maanden_inschakeling} maanden (vijf jaar)`;
            const why = uitzondering(ctx);
            return why
              ? `${f.maanden_inschakeling} maanden inschakeling, langer dan ${p.max_maanden_inschakeling} ${why}`
              : `${f.maanden_inschakeling} maanden inschakeling, hoogstens ${p.max_maanden_inschakeling} maanden (vijf jaar) en geen uitzondering van voetnoot 43`;
          },
        },
      ],
      amount: ({ f, p, stepMoney }) =>
        stepMoney(
          'vergoeding',
          money.mul(p.max_vergoeding_per_vte, f.vte),
          `${euroText(p.max_vergoeding_per_vte)} euro per VTE × ${decimalComma(f.vte)} VTE (${VERGOEDING})`,
        ),
      outputs: {
        vergoeding_basisbedrag: {
          label: 'Maximale vergoeding tegen het niet-geïndexeerde basisbedrag',
          unit: 'EUR',
          value: ({ f, p }) => money.toEuros(money.mul(p.max_vergoeding_per_vte_basis, f.vte)),
        },
        resterende_maanden_inschakeling: {
          label: 'Resterende maanden in het inschakelingstraject',
          unit: 'maanden',
          value: ({ f, p }) => Math.max(0, p.max_maanden_inschakeling - f.maanden_inschakeling),
        },
        doorstroomtraject_vereist: {
          label: 'Een doorstroomtraject wordt opgestart (niet meer boven de 60 jaar)',
          value: ({ f, p }) => f.leeftijd <= p.leeftijd_geen_doorstroom,
        },
        mag_blijven_zonder_match: {
          label: 'Mag in LDE blijven zolang er geen passende match is (55+ bij aanvang doorstroom)',
          value: ({ f, p }) => leeftijdDoorstroom(f) >= p.leeftijd_blijven_zonder_match,
        },
        voldoet_minimale_schaalgrootte: {
          label:
            'De organisatie haalt de minimale schaalgrootte van 5 VTE (uitgesteld tot individueel maatwerk)',
          value: ({ f, p }) =>
            fraction(f.contingent_organisatie_vte).num >= fraction(p.min_schaalgrootte_vte).num,
        },
      },
    },
  ],
});
