/**
 * Werkervaringsstage (WES) — nieuw met TWE en het decreet over het regelen van stages (2017;
 * seeds/004_694cfc149f605398.txt:L2227-2259, L4075-4084; Tabel 22 telt ze vanaf 2017, L5404-5408).
 * The 2018 reform of werkplekleren (L4109-4113) does not touch the WES; its start date is a named
 * assumption on the version:
 *
 *   "Duurtijd van een werkervaringsstage: minstens één maand, maximum zes maanden en minstens 20u
 *    per week."
 *   "Verschillende WES zijn alleen mogelijk op duidelijk verschillende werkplekken of bij duidelijk
 *    verschillende functies op dezelfde werkplek."
 *   "Werkzoekende is vrijgesteld van beschikbaarheid voor de arbeidsmarkt."
 *   "Een WES kan niet ingezet worden voor mensen die geen afstand hebben tot de arbeidsmarkt."
 *   "… op een werkplek in de sociale economie is alleen mogelijk in de eerste twaalf maanden van het
 *    traject TWE en mag de gecumuleerde duur van één jaar niet overschrijden."
 *   "De werkzoekende ontvangt 200 euro stagepremie per maand van VDAB voor voltijds regime. Het
 *    stagebedrijf betaalt de stagiair niet."
 *
 * The date of a calculation is the start of the stage. The premium is an output, not the amount:
 * the seeds give it for a full-time regime only, so for a part-time stage it stays empty.
 */
import { money } from '../../../domain/index.ts';
import {
  atLeast,
  between,
  decimalComma,
  defineFormula,
  excludes,
  fact,
  requires,
} from '../../engine/index.ts';

export default defineFormula({
  facts: {
    maanden: fact.integer('Duur van de stage', {
      description: 'Duur van de werkervaringsstage in volle maanden (minstens 1, hoogstens 6).',
      unit: 'maanden',
      min: 0,
      max: 120,
    }),
    uren_per_week: fact.number('Stage-uren per week', {
      description: 'Stage-uren per week (minstens 20).',
      unit: 'uur per week',
      min: 0,
      max: 60,
    }),
    voltijds: fact.boolean('Voltijds regime', {
      description: 'De stagepremie is gegeven voor een voltijds regime.',
    }),
    afstand_tot_arbeidsmarkt: fact.boolean('De werkzoekende heeft een afstand tot de arbeidsmarkt', {
      description: 'Een WES kan niet ingezet worden voor mensen zonder afstand tot de arbeidsmarkt.',
    }),
    sociale_economie: fact.boolean('Stageplaats in de sociale economie', {
      description:
        'De stageplaats is een werkplek in de sociale economie (enkel in de eerste twaalf maanden van TWE).',
      default: false,
    }),
    in_twe: fact.boolean('Binnen een TWE-traject', {
      description: 'De WES is specifiek bedoeld voor mensen in een TWE-traject.',
      default: true,
    }),
    startmaand_in_twe: fact.integer('Maand van het TWE-traject waarin de stage start', {
      description: 'De maand van het TWE-traject waarin de stage begint (1 is de eerste maand).',
      unit: 'maand van het traject',
      min: 1,
      max: 120,
      default: 1,
    }),
    eerdere_maanden_sociale_economie: fact.integer('Eerdere maanden WES in de sociale economie', {
      description:
        'Maanden die de deelnemer al in een WES in de sociale economie zat (samen hoogstens één jaar).',
      unit: 'maanden',
      min: 0,
      max: 120,
      default: 0,
    }),
    ocmw_twe_voor_art60_voorbij: fact.boolean(
      'In een TWE-traject via OCMW, vóór het einde van de tewerkstelling art. 60 §7/61',
      {
        default: false,
        description:
          'In een TWE-traject via OCMW kan een WES pas na de tewerkstelling art. 60 §7/61 (de werkplekinstrumenten volgen op de arbeidsovereenkomst).',
      },
    ),
    zelfde_werkplek_en_functie: fact.boolean('Zelfde werkplek en functie als een eerdere WES', {
      description:
        'Een volgende WES kan enkel op een duidelijk andere werkplek of in een duidelijk andere functie.',
      default: false,
    }),
  },
  parameters: {
    min_maanden: 'integer',
    max_maanden: 'integer',
    min_uren_per_week: 'integer',
    stagepremie_voltijds: 'money',
    max_maand_twe_sociale_economie: 'integer',
    max_maanden_sociale_economie: 'integer',
  },
  versions: [
    {
      from: '2017-01-01',
      source: 'seeds/004_694cfc149f605398.txt:L4075-4084',
      assumption:
        'De bron geeft geen eigen begindatum voor de WES. Trede rekent vanaf 1 januari 2017: het decreet over tijdelijke werkervaring en het regelen van stages (BVR 23 december 2016) start dan, en Tabel 22 telt werkervaringsstages vanaf 2017 (L5404-5408). De hervorming van het werkplekleren van 6 juli 2018 (L4109-4113) wijzigt de WES niet.',
      conditions: [
        between(
          'duur',
          'seeds/004_694cfc149f605398.txt:L2232-2233',
          'maanden',
          ['min_maanden', 'max_maanden'],
          (maanden, min_maanden, max_maanden) =>
            `stage van ${maanden} maanden, tussen ${min_maanden} en ${max_maanden}`,
        ),
        atLeast(
          'uren_per_week',
          'seeds/004_694cfc149f605398.txt:L2232-2233',
          'uren_per_week',
          'min_uren_per_week',
          (uren_per_week, min_uren_per_week) =>
            `${decimalComma(uren_per_week)} uur per week, minstens ${decimalComma(min_uren_per_week)}`,
        ),
        requires(
          'afstand_tot_arbeidsmarkt',
          'seeds/004_694cfc149f605398.txt:L2240-2242',
          'de werkzoekende heeft een afstand tot de arbeidsmarkt (een WES is er niet voor wie geen afstand heeft)',
        ),
        excludes(
          'zelfde_werkplek_en_functie',
          'seeds/004_694cfc149f605398.txt:L2235-2236',
          'een volgende WES kan enkel op een duidelijk andere werkplek of in een duidelijk andere functie',
          'andere_werkplek_of_functie',
        ),
        excludes(
          'ocmw_twe_voor_art60_voorbij',
          'seeds/004_694cfc149f605398.txt:L5404-5409',
          'in een TWE-traject via OCMW start een WES pas na de tewerkstelling art. 60 §7/61',
          'ocmw_na_art60',
        ),
        {
          id: 'sociale_economie_in_twe',
          source: 'seeds/004_694cfc149f605398.txt:L2244-2246',
          holds: ({ f }) => !f.sociale_economie || f.in_twe,
          text: ({ f }) =>
            f.sociale_economie
              ? 'een WES in de sociale economie kan enkel binnen een TWE-traject'
              : 'geen stageplaats in de sociale economie',
        },
        {
          id: 'sociale_economie_eerste_twaalf_maanden',
          source: 'seeds/004_694cfc149f605398.txt:L2244-2246',
          holds: ({ f, p, step }) =>
            !f.sociale_economie ||
            step('laatste_maand_in_twe', f.startmaand_in_twe + f.maanden - 1, 'startmaand + duur − 1') <=
              p.max_maand_twe_sociale_economie,
          text: ({ f, p }) =>
            f.sociale_economie
              ? `stage in de sociale economie van maand ${f.startmaand_in_twe} tot ${f.startmaand_in_twe + f.maanden - 1} van TWE, enkel in de eerste ${p.max_maand_twe_sociale_economie} maanden`
              : 'geen stageplaats in de sociale economie',
        },
        {
          id: 'sociale_economie_gecumuleerd',
          source: 'seeds/004_694cfc149f605398.txt:L2244-2246',
          holds: ({ f, p }) =>
            !f.sociale_economie ||
            f.eerdere_maanden_sociale_economie + f.maanden <= p.max_maanden_sociale_economie,
          text: ({ f, p }) =>
            f.sociale_economie
              ? `gecumuleerd ${f.eerdere_maanden_sociale_economie} + ${f.maanden} maanden WES in de sociale economie, hoogstens ${p.max_maanden_sociale_economie}`
              : 'geen stageplaats in de sociale economie',
        },
      ],
      outputs: {
        stagepremie_per_maand: {
          label: 'Stagepremie van VDAB per maand (leeg: niet gegeven voor een deeltijds regime)',
          unit: 'EUR per maand',
          value: ({ f, p }) => (f.voltijds ? money.toEuros(p.stagepremie_voltijds) : null),
        },
        stagepremie_totaal: {
          label: 'Stagepremie van VDAB voor de hele stage',
          unit: 'EUR',
          value: ({ f, p, stepMoney }) =>
            f.voltijds
              ? money.toEuros(
                  stepMoney(
                    'stagepremie_totaal',
                    money.mul(p.stagepremie_voltijds, f.maanden),
                    `${f.maanden} maanden × ${money.toEuroString(p.stagepremie_voltijds).replace('.', ',')} euro (seeds/004_694cfc149f605398.txt:L2257-2259)`,
                  ),
                )
              : null,
        },
        betaling_door_stagebedrijf: {
          label: 'Wat het stagebedrijf de stagiair betaalt',
          unit: 'EUR',
          value: () => 0,
        },
        vrijgesteld_van_beschikbaarheid: {
          label: 'Vrijgesteld van beschikbaarheid voor de arbeidsmarkt',
          value: () => true,
        },
      },
    },
  ],
});
