/**
 * Wijk-werken — decreet van 7 juli 2017, uitvoeringsbesluiten van 29 september 2017, opgestart op
 * 1 januari 2018 (seeds/004_694cfc149f605398.txt:L2711-2857, L4258-4280):
 *
 *   "Er is een maximum van 60 uren per maand en 630 uren wijk-werkprestaties per jaar."
 *   "Een wijk-werker kan minimaal één maand en maximaal twaalf maanden … Dit is niet verlengbaar."
 *   PWA-werknemers met een PWA-arbeidsovereenkomst op 30 september 2017 (of 100 cheques van
 *   01/10/2015 tem 30/09/2017) mogen in het stelsel blijven tot vertrek of pensionering.
 *   "… maximumtarief van 7,45 euro per wijk-werkcheque … wijk-werker (4,1 euro), VDAB (0,1 euro) …
 *    verzekeringen (0,42 euro) … Edenred (0,58 euro papier, 0,48 euro elektronisch) en het restbedrag
 *    (2,25 euro papier, 2,35 elektronisch) gaat naar de vereniging."
 *
 * The date of a calculation is the month the prestaties are checked for. The amount is the value of
 * the cheques the user pays; the outputs split it as the seeds give it (only for the 7,45 tariff).
 */
import { type Cents, money } from '../../../domain/index.ts';
import {
  atLeast,
  atMost,
  decimalComma,
  defineFormula,
  euroText,
  fact,
  requires,
} from '../../engine/index.ts';

const CHEQUE = 'seeds/004_694cfc149f605398.txt:L2801-2809';

export default defineFormula({
  facts: {
    doelgroep: fact.choice(
      'Doelgroep van de wijk-werker',
      ['werkzoekende', 'leefloongerechtigde', 'ziekte-uitkering', 'andere'],
      {
        description:
          'Werkzoekende (toeleiding VDAB), leefloongerechtigde (OCMW) of persoon met een ziekte-uitkering (GTB).',
      },
    ),
    in_traject_naar_werk: fact.boolean('Wijk-werken maakt deel uit van een (voor)traject naar werk', {
      description: 'Wijk-werken kan enkel binnen een (voor)traject of groeipad naar werk (het NEC).',
    }),
    ingeschreven_bij_vdab: fact.boolean('Ingeschreven als werkzoekende bij VDAB', {
      description: 'Klanten van het OCMW moeten zich bij de start van wijk-werken bij VDAB inschrijven.',
      default: true,
    }),
    gebruiker: fact.choice(
      'Type gebruiker (werkplek)',
      [
        'natuurlijke-persoon',
        'gemeente-of-ocmw',
        'vzw-of-niet-commerciele-vereniging',
        'onderwijsinstelling',
        'land-of-tuinbouwbedrijf',
        'ander',
      ],
      { description: 'Bij wie de wijk-werkactiviteit plaatsvindt.' },
    ),
    uren_maand: fact.number('Wijk-werkuren in de maand', {
      unit: 'uur',
      min: 0,
      max: 744,
      description: 'Gepresteerde of geplande uren in de kalendermaand van de berekening.',
    }),
    uren_jaar: fact.number('Wijk-werkuren in het jaar', {
      unit: 'uur',
      min: 0,
      max: 8784,
      description: 'Gepresteerde en geplande uren in het kalenderjaar, deze maand inbegrepen.',
    }),
    maanden_traject: fact.integer('Duur van het wijk-werktraject', {
      unit: 'maanden',
      min: 0,
      max: 600,
      description: 'De (geplande) totale duur van het wijk-werktraject.',
    }),
    pwa_overeenkomst_op_30_09_2017: fact.boolean('PWA-arbeidsovereenkomst op 30 september 2017', {
      default: false,
      description: 'Overgangsregel voor PWA-werknemers op de maximumtermijn van twaalf maanden.',
    }),
    pwa_cheques_10_2015_tot_09_2017: fact.integer(
      'PWA-cheques ontvangen van 1/10/2015 tot en met 30/9/2017',
      {
        description:
          'Wie 100 PWA-cheques ontving in die periode valt onder de overgangsregel (geen maximumtermijn).',
        unit: 'cheques',
        min: 0,
        max: 100000,
        default: 0,
      },
    ),
    chequeprijs: fact.money('Tarief van de wijk-werkcheque', {
      min: 0,
      max: 100,
      description: 'Het tarief dat het samenwerkingsverband koos (meestal 7,45 euro; Midwest 5,95 euro).',
    }),
    chequetype: fact.choice('Soort wijk-werkcheque', ['papier', 'elektronisch'], {
      description: 'Papieren of elektronische cheque: bepaalt het deel van Edenred en van de organisator.',
    }),
    aantal_cheques: fact.integer('Aantal wijk-werkcheques', {
      unit: 'cheques',
      min: 0,
      max: 100000,
      default: 0,
      description: 'Cheques die de gebruiker registreert of overhandigt voor de prestaties.',
    }),
  },
  parameters: {
    max_uren_per_maand: 'integer',
    max_uren_per_jaar: 'integer',
    min_maanden: 'integer',
    max_maanden: 'integer',
    pwa_overgang_min_cheques: 'integer',
    max_chequeprijs: 'money',
    tarief_met_verdeling: 'money',
    deel_wijkwerker: 'money',
    deel_vdab: 'money',
    deel_verzekering: 'money',
    deel_uitgifte_papier: 'money',
    deel_uitgifte_elektronisch: 'money',
    deel_organisator_papier: 'money',
    deel_organisator_elektronisch: 'money',
  },
  amount: { label: 'Waarde van de wijk-werkcheques (betaald door de gebruiker)', period: 'totaal' },
  versions: [
    {
      from: '2018-01-01',
      source: 'seeds/004_694cfc149f605398.txt:L4272-4276',
      conditions: [
        {
          id: 'doelgroep',
          source: 'seeds/004_694cfc149f605398.txt:L2723-2726',
          holds: ({ f }) => f.doelgroep !== 'andere',
          text: ({ f }) =>
            `doelgroep '${f.doelgroep}' is werkzoekende (VDAB), leefloongerechtigde (OCMW) of persoon met een ziekte-uitkering (GTB)`,
        },
        requires(
          'in_traject_naar_werk',
          'seeds/004_694cfc149f605398.txt:L2746',
          'wijk-werken wordt enkel ingezet in een (voor)traject naar werk',
          'traject_naar_werk',
        ),
        {
          id: 'ocmw_klant_ingeschreven_bij_vdab',
          source: 'seeds/004_694cfc149f605398.txt:L2731',
          holds: ({ f }) => f.doelgroep !== 'leefloongerechtigde' || f.ingeschreven_bij_vdab,
          text: () => 'een klant van het OCMW schrijft zich bij de start van wijk-werken in bij VDAB',
        },
        {
          id: 'gebruiker',
          source: 'seeds/004_694cfc149f605398.txt:L2739-2742',
          holds: ({ f }) => f.gebruiker !== 'ander',
          text: ({ f }) =>
            `gebruiker '${f.gebruiker}' is een natuurlijke persoon, gemeente of OCMW, vzw of niet-commerciële vereniging, onderwijsinstelling of land- of tuinbouwbedrijf`,
        },
        atMost(
          'uren_per_maand',
          'seeds/004_694cfc149f605398.txt:L2730',
          'uren_maand',
          'max_uren_per_maand',
          (uren_maand, max_uren_per_maand) =>
            `${decimalComma(uren_maand)} uur in de maand, hoogstens ${decimalComma(max_uren_per_maand)}`,
        ),
        atMost(
          'uren_per_jaar',
          'seeds/004_694cfc149f605398.txt:L2730',
          'uren_jaar',
          'max_uren_per_jaar',
          (uren_jaar, max_uren_per_jaar) =>
            `${decimalComma(uren_jaar)} uur in het jaar, hoogstens ${decimalComma(max_uren_per_jaar)}`,
        ),
        atLeast(
          'minimale_duur',
          'seeds/004_694cfc149f605398.txt:L2748-2749',
          'maanden_traject',
          'min_maanden',
          (maanden_traject, min_maanden) => `traject van ${maanden_traject} maanden, minstens ${min_maanden}`,
        ),
        {
          id: 'maximale_duur',
          source: 'seeds/004_694cfc149f605398.txt:L2748-2761',
          holds: ({ f, p, step }) => {
            const overgang = step(
              'pwa_overgangsregel',
              f.pwa_overeenkomst_op_30_09_2017 ||
                f.pwa_cheques_10_2015_tot_09_2017 >= p.pwa_overgang_min_cheques,
              `PWA-overeenkomst op 30/9/2017 of minstens ${p.pwa_overgang_min_cheques} cheques van 1/10/2015 tot en met 30/9/2017: geen maximumtermijn (seeds/004_694cfc149f605398.txt:L2756-2761)`,
            );
            return overgang || f.maanden_traject <= p.max_maanden;
          },
          text: ({ f, p }) =>
            `traject van ${f.maanden_traject} maanden, hoogstens ${p.max_maanden} en niet verlengbaar (behalve voor PWA-werknemers onder de overgangsregel)`,
        },
        {
          id: 'maximumtarief_cheque',
          source: 'seeds/004_694cfc149f605398.txt:L2801-2804',
          holds: ({ f, p }) => f.chequeprijs <= p.max_chequeprijs,
          text: ({ f, p }) =>
            `tarief ${euroText(f.chequeprijs)} euro per cheque, hoogstens ${euroText(p.max_chequeprijs)} euro`,
        },
      ],
      outputs: {
        resterende_uren_maand: {
          label: 'Uren die deze maand nog kunnen',
          unit: 'uur',
          value: ({ f, p }) => p.max_uren_per_maand - f.uren_maand,
        },
        resterende_uren_jaar: {
          label: 'Uren die dit jaar nog kunnen',
          unit: 'uur',
          value: ({ f, p }) => p.max_uren_per_jaar - f.uren_jaar,
        },
        max_maanden: {
          label: 'Maximale duur van het traject (leeg: tot vertrek of pensionering)',
          unit: 'maanden',
          value: ({ f, p }) =>
            f.pwa_overeenkomst_op_30_09_2017 ||
            f.pwa_cheques_10_2015_tot_09_2017 >= p.pwa_overgang_min_cheques
              ? null
              : p.max_maanden,
        },
        vrijstelling_beschikbaarheid: {
          label:
            'Vrijgesteld van beschikbaarheid voor de arbeidsmarkt (enkel de federale PWA-vrijstellingen)',
          value: () => false,
        },
        ...verdeling(),
      },
      amount: ({ f, p, step, stepMoney }) => {
        if (f.chequeprijs === p.tarief_met_verdeling) {
          // The seeds' split adds up to the tariff; a changed parameter that breaks this shows here.
          const papier = money.add(
            p.deel_wijkwerker,
            p.deel_vdab,
            p.deel_verzekering,
            p.deel_uitgifte_papier,
            p.deel_organisator_papier,
          );
          const elektronisch = money.add(
            p.deel_wijkwerker,
            p.deel_vdab,
            p.deel_verzekering,
            p.deel_uitgifte_elektronisch,
            p.deel_organisator_elektronisch,
          );
          step(
            'verdeling_sluit',
            papier === p.tarief_met_verdeling && elektronisch === p.tarief_met_verdeling,
            `papier ${euroText(papier)} en elektronisch ${euroText(elektronisch)} euro = tarief ${euroText(p.tarief_met_verdeling)} euro (${CHEQUE})`,
          );
        } else {
          step(
            'verdeling_gekend',
            false,
            `de bronnen geven de verdeling enkel voor een cheque van ${euroText(p.tarief_met_verdeling)} euro (${CHEQUE})`,
          );
        }
        return stepMoney(
          'waarde_cheques',
          money.mul(f.chequeprijs, f.aantal_cheques),
          `${f.aantal_cheques} cheques × ${euroText(f.chequeprijs)} euro (${CHEQUE})`,
        );
      },
    },
  ],
});

/**
 * The split of the cheques over the five receivers. The seeds give it for the 7,45 euro cheque
 * only; for another tariff each share is null (not_modelled).
 */
function verdeling() {
  type P = {
    tarief_met_verdeling: Cents;
    deel_wijkwerker: Cents;
    deel_vdab: Cents;
    deel_verzekering: Cents;
    deel_uitgifte_papier: Cents;
    deel_uitgifte_elektronisch: Cents;
    deel_organisator_papier: Cents;
    deel_organisator_elektronisch: Cents;
  };
  type F = { chequeprijs: Cents; chequetype: 'papier' | 'elektronisch'; aantal_cheques: number };
  const part = (label: string, pick: (p: P, f: F) => Cents) =>
    ({
      label,
      unit: 'EUR',
      value: ({ f, p }: { f: F; p: P }) =>
        f.chequeprijs === p.tarief_met_verdeling
          ? money.toEuros(money.mul(pick(p, f), f.aantal_cheques))
          : null,
    }) as const;
  return {
    deel_wijkwerker: part('Voor de wijk-werker (uitbetaald door VDAB)', (p) => p.deel_wijkwerker),
    deel_vdab: part('Voor VDAB (verplaatsingskosten van de wijk-werkers)', (p) => p.deel_vdab),
    deel_verzekering: part('Voor de verzekeringen', (p) => p.deel_verzekering),
    deel_uitgiftemaatschappij: part('Voor de uitgiftemaatschappij (Edenred)', (p, f) =>
      f.chequetype === 'papier' ? p.deel_uitgifte_papier : p.deel_uitgifte_elektronisch,
    ),
    deel_organisator: part('Voor de vereniging (organisator van wijk-werken)', (p, f) =>
      f.chequetype === 'papier' ? p.deel_organisator_papier : p.deel_organisator_elektronisch,
    ),
  };
}
