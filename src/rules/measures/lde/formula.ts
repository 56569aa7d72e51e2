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
          id: 'inschakeling_max_vijf_jaar',
          source: 'seeds/004_694cfc149f605398.txt:L1470-1476',
          holds: ({ f, p }) =>
            f.maanden_inschakeling <= p.max_maanden_inschakeling || f.uitzondering_langer_traject,
          text: ({ f, p }) =>
            f.uitzondering_langer_traject && f.maanden_inschakeling > p.max_maanden_inschakeling
              ? `${f.maanden_inschakeling} maanden inschakeling, langer dan ${p.max_maanden_inschakeling} door een toegestane uitzondering`
              : `${f.maanden_inschakeling} maanden inschakeling, hoogstens ${p.max_maanden_inschakeling} maanden (vijf jaar)`,
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
          value: ({ f, p }) => f.leeftijd >= p.leeftijd_blijven_zonder_match,
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
