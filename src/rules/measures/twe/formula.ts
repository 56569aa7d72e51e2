/**
 * Tijdelijke werkervaring (TWE) — decreet van 9 december 2016 en BVR van 23 december 2016
 * (seeds/004_694cfc149f605398.txt:L2000-2102, L4040-4095):
 *
 *   Twee sporen: via OCMW voor leefloongerechtigden vanaf 1 januari 2017 (art. 60 §7/61 ingekanteld)
 *   en via VDAB voor werkzoekenden vanaf 1 januari 2018.
 *   "… met een maximum van 24 maanden. Voor diegenen onder 'art. 60 §7 en 61' is de duur niet
 *    noodzakelijk beperkt tot 24 maanden."
 *   Art. 60 §7/61 "begint uiterlijk het einde van de tweede maand na opstart van het TWE-traject. De
 *    eerste twee maanden (maximaal dus) is er tijd voor oriëntatie."
 *   "De inzet van de instrumenten op werkplekken in de sociale economie is alleen maar mogelijk
 *    tijdens de eerste twaalf maanden … Het traject TWE omvat ten minste twee instrumenten per jaar."
 *   "Enkel de werkplekinstrumenten 'beroepsinlevingsstage' (BIS) en 'instapstage' … kunnen niet in
 *    een TWE-traject ingezet worden."
 *
 * The date of a calculation is the start of the trajectory; the facts are its plan.
 */
import { atMost, defineFormula, excludes, fact, requires } from '../../engine/index.ts';

export default defineFormula({
  facts: {
    spoor: fact.choice('Spoor van het TWE-traject', ['vdab', 'ocmw'], {
      description:
        'Via VDAB (werkzoekende, behoudt de uitkering) of via OCMW (leefloongerechtigde, art. 60 §7/61).',
    }),
    leefloongerechtigd_bij_aanvang: fact.boolean('Leefloongerechtigd bij de aanvang van het traject', {
      default: false,
      description: 'Voorwaarde voor het spoor via OCMW.',
    }),
    ingeschreven_bij_vdab: fact.boolean('Ingeschreven als werkzoekende bij VDAB vóór de start', {
      default: true,
      description: 'Art. 4 BVR 23 december 2016: ook de leefloongerechtigde schrijft zich vóór de start in.',
    }),
    geplande_maanden: fact.integer('Geplande duur van het traject', {
      unit: 'maanden',
      min: 1,
      max: 120,
      description: 'De vermoedelijke duur die de trajectbegeleider bepaalt.',
    }),
    maanden_orientatie_voor_art60: fact.integer(
      'Maanden oriëntatie vóór de arbeidsovereenkomst art. 60 §7/61',
      {
        unit: 'maanden',
        min: 0,
        max: 120,
        default: 0,
        description:
          'Enkel in het spoor via OCMW: de tijd tussen de start van het traject en de arbeidsovereenkomst.',
      },
    ),
    instrumenten_gepland: fact.integer('Aantal werkplekinstrumenten in het opleidingsplan', {
      description: 'Het traject omvat minstens twee werkplekinstrumenten per (begonnen) trajectjaar.',
      unit: 'instrumenten',
      min: 0,
      max: 100,
    }),
    laatste_maand_sociale_economie: fact.integer(
      'Laatste trajectmaand met een instrument in de sociale economie',
      {
        unit: 'maand van het traject',
        min: 0,
        max: 120,
        default: 0,
        description: '0 als geen instrument op een werkplek in de sociale economie gepland is.',
      },
    ),
    bis_of_instapstage: fact.boolean('Het plan bevat een beroepsinlevingsstage of instapstage', {
      description: 'Een beroepsinlevingsstage of instapstage kan niet binnen een TWE-traject.',
      default: false,
    }),
    opleidingsplan_voor_aanvang: fact.boolean('Opleidingsplan opgesteld vóór de aanvang', {
      description: 'Trajectbegeleider en deelnemer stellen vóór de aanvang een opleidingsplan op.',
      default: true,
    }),
    weo_uiterlijk_eerste_dag: fact.boolean(
      'Werkervaringsovereenkomst (WEO) uiterlijk op de eerste dag gesloten',
      {
        description:
          'De WEO bepaalt duur en modaliteiten van het traject en wordt uiterlijk de eerste dag gesloten.',
        default: true,
      },
    ),
  },
  parameters: {
    spoor_vdab_open: 'boolean',
    max_maanden: 'integer',
    max_maanden_orientatie_voor_art60: 'integer',
    min_instrumenten_per_jaar: 'integer',
    max_maand_sociale_economie: 'integer',
  },
  versions: [
    {
      from: '2017-01-01',
      source: 'seeds/004_694cfc149f605398.txt:L4081-4087',
      conditions: [
        {
          id: 'spoor_gestart',
          source: 'seeds/004_694cfc149f605398.txt:L4081-4087',
          holds: ({ f, p }) => {
            const vdabOpen = p.spoor_vdab_open; // always read, so the trace shows it
            return f.spoor === 'ocmw' || vdabOpen;
          },
          text: ({ f }) =>
            `het spoor via ${f.spoor === 'vdab' ? 'VDAB start op 1 januari 2018' : 'OCMW start op 1 januari 2017'}`,
        },
        {
          id: 'ocmw_leefloongerechtigd',
          source: 'seeds/004_694cfc149f605398.txt:L2020-2024',
          holds: ({ f }) => f.spoor !== 'ocmw' || f.leefloongerechtigd_bij_aanvang,
          text: () => 'het spoor via OCMW is voor wie bij de aanvang leefloongerechtigd is',
        },
        requires(
          'ingeschreven_bij_vdab',
          'seeds/004_694cfc149f605398.txt:L2069-2070',
          'de deelnemer is vóór de start als werkzoekende ingeschreven bij VDAB',
        ),
        {
          id: 'maximale_duur',
          source: 'seeds/004_694cfc149f605398.txt:L2053-2057',
          holds: ({ f, p }) => f.spoor === 'ocmw' || f.geplande_maanden <= p.max_maanden,
          text: ({ f, p }) =>
            f.spoor === 'ocmw'
              ? `${f.geplande_maanden} maanden; voor art. 60 §7/61 geldt het maximum van ${p.max_maanden} maanden niet`
              : `${f.geplande_maanden} maanden, hoogstens ${p.max_maanden}`,
        },
        {
          id: 'art60_uiterlijk_einde_tweede_maand',
          source: 'seeds/004_694cfc149f605398.txt:L2041-2044',
          holds: ({ f, p }) =>
            f.spoor !== 'ocmw' || f.maanden_orientatie_voor_art60 <= p.max_maanden_orientatie_voor_art60,
          text: ({ f, p }) =>
            `${f.maanden_orientatie_voor_art60} maanden oriëntatie vóór de arbeidsovereenkomst art. 60 §7/61, hoogstens ${p.max_maanden_orientatie_voor_art60}`,
        },
        {
          id: 'instrumenten_per_jaar',
          source: 'seeds/004_694cfc149f605398.txt:L2094-2095',
          holds: ({ f, p, step }) =>
            f.instrumenten_gepland >=
            step(
              'min_instrumenten',
              p.min_instrumenten_per_jaar * Math.ceil(f.geplande_maanden / 12),
              `${p.min_instrumenten_per_jaar} per begonnen trajectjaar × ${Math.ceil(f.geplande_maanden / 12)} jaar`,
            ),
          text: ({ f, p }) =>
            `${f.instrumenten_gepland} instrumenten gepland, minstens ${p.min_instrumenten_per_jaar * Math.ceil(f.geplande_maanden / 12)} (${p.min_instrumenten_per_jaar} per jaar)`,
        },
        atMost(
          'sociale_economie_eerste_twaalf_maanden',
          'seeds/004_694cfc149f605398.txt:L2093-2095',
          'laatste_maand_sociale_economie',
          'max_maand_sociale_economie',
          (laatste_maand_sociale_economie, max_maand_sociale_economie) =>
            laatste_maand_sociale_economie === 0
              ? 'geen instrument op een werkplek in de sociale economie'
              : `instrumenten in de sociale economie tot maand ${laatste_maand_sociale_economie}, enkel in de eerste ${max_maand_sociale_economie} maanden`,
        ),
        excludes(
          'bis_of_instapstage',
          'seeds/004_694cfc149f605398.txt:L2100-2102',
          'geen beroepsinlevingsstage (BIS) of instapstage in het traject (die kunnen niet binnen TWE)',
          'geen_bis_of_instapstage',
        ),
        requires(
          'opleidingsplan_voor_aanvang',
          'seeds/004_694cfc149f605398.txt:L2078-2080',
          'het opleidingsplan wordt vóór de aanvang opgesteld',
          'opleidingsplan',
        ),
        requires(
          'weo_uiterlijk_eerste_dag',
          'seeds/004_694cfc149f605398.txt:L2080-2082',
          'de werkervaringsovereenkomst (WEO) wordt uiterlijk de eerste dag gesloten',
          'werkervaringsovereenkomst',
        ),
      ],
      outputs: {
        max_duur_maanden: {
          label: 'Maximale duur van het traject (leeg: geen maximum voor art. 60 §7/61)',
          unit: 'maanden',
          value: ({ f, p }) => (f.spoor === 'ocmw' ? null : p.max_maanden),
        },
        min_instrumenten: {
          label: 'Minimaal aantal werkplekinstrumenten',
          unit: 'instrumenten',
          value: ({ f, p }) => p.min_instrumenten_per_jaar * Math.ceil(f.geplande_maanden / 12),
        },
        statuut: {
          label: 'Statuut van de deelnemer',
          value: ({ f }) =>
            f.spoor === 'ocmw'
              ? 'werknemer met loon en arbeidsovereenkomst (art. 60 §7 of art. 61)'
              : 'werkzoekende met behoud van werkloosheidsuitkering',
        },
        vrijstelling_beschikbaarheid: {
          label: 'Vrijgesteld van beschikbaarheid voor de arbeidsmarkt',
          value: () => true,
        },
      },
    },
  ],
});
