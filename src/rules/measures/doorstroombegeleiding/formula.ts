/**
 * Doorstroombegeleiding in LDE (sinds 1 april 2015) en collectief maatwerk (sinds 1 januari 2019)
 * (seeds/004_694cfc149f605398.txt:L1580-1585 en L1833-1839):
 *
 *   "Deze begeleiding is verspreid over drie fases: 1) een voortraject (maximum een maand),
 *    2) jobmatching en 3) stage (beiden maximaal drie maand, maar samen met het voortraject maximaal
 *    zes maand in totaal). Nadien volgt er nog nazorgbegeleiding (exact drie maanden …). De vergoeding
 *    voor de doorstroombegeleiding bedraagt maximaal 4.200 euro en wordt uitbetaald per voltooide fase."
 *   Voetnoot 44: "Dgwn mogen pas over naar de 3e fase als er effectief een stagefase geregeld is."
 *
 * The date is the start of the trajectory; from 1 November 2024 VDAB carries them out and pays.
 * The amount is per completed phase: the seeds do not give the split of the 4.200 euro over the
 * three phases, so an equal third per phase is a named assumption (parameters.yaml), shown in the
 * trace; a trajectory with only its first phase done no longer gets the maximum.
 */
import { fraction, money } from '../../../domain/index.ts';
import { decimalComma, defineFormula, euroText, fact, requires } from '../../engine/index.ts';

const FASEN = 'seeds/004_694cfc149f605398.txt:L1580-1583';
const le = (a: number, b: number) => fraction(a).num <= fraction(b).num;

export default defineFormula({
  facts: {
    regime: fact.choice('Waaruit de doelgroepwerknemer doorstroomt', ['lde', 'collectief-maatwerk'] as const),
    doorstroomklaar: fact.boolean('VDAB heeft de doelgroepwerknemer doorstroomklaar bevonden', {
      description: 'Na een evaluatie door VDAB, op het einde van de inschakelingstermijn of eerder op vraag.',
    }),
    maanden_voortraject: fact.number('Duur van het voortraject', { unit: 'maanden', min: 0, max: 24 }),
    maanden_jobmatching: fact.number('Duur van de jobmatching', { unit: 'maanden', min: 0, max: 24 }),
    maanden_stage: fact.number('Duur van de stage', { unit: 'maanden', min: 0, max: 24 }),
    stage_geregeld: fact.boolean('Er is effectief een stagefase geregeld (terbeschikkingstelling)', {
      default: false,
    }),
    voltooide_fasen: fact.integer('Aantal voltooide fasen van het traject', {
      unit: 'fasen',
      min: 0,
      max: 3,
      description:
        'Voortraject, jobmatching en stage: de vergoeding wordt per voltooide fase uitbetaald, dus een traject dat enkel het voortraject voltooide krijgt het maximum niet.',
    }),
  },
  parameters: {
    max_maanden_voortraject: 'number',
    max_maanden_jobmatching: 'number',
    max_maanden_stage: 'number',
    max_maanden_totaal: 'number',
    maanden_nazorg: 'integer',
    max_vergoeding: 'money',
    vergoeding_per_voltooide_fase: 'money',
    cmw_van_toepassing: 'boolean',
  },
  amount: { label: 'Vergoeding voor de voltooide fasen van de doorstroombegeleiding', period: 'per traject' },
  versions: [
    {
      from: '2015-04-01',
      until: '2024-10-31',
      source: 'seeds/003_041d48c097fadc86.txt:L496-505',
      conditions: [
        {
          id: 'regime_van_toepassing',
          source: 'seeds/004_694cfc149f605398.txt:L1831-1839',
          holds: ({ f, p }) => f.regime === 'lde' || p.cmw_van_toepassing,
          text: ({ f, p }) =>
            f.regime === 'lde'
              ? 'doorstroom uit de lokale diensteneconomie'
              : p.cmw_van_toepassing
                ? 'doorstroom uit collectief maatwerk'
                : 'collectief maatwerk geldt pas vanaf 1 januari 2019',
        },
        requires('doorstroomklaar', 'seeds/004_694cfc149f605398.txt:L1587-1589', [
          'VDAB heeft de doelgroepwerknemer doorstroomklaar bevonden',
          'VDAB heeft de doelgroepwerknemer niet doorstroomklaar bevonden',
        ]),
        {
          id: 'voortraject_max',
          source: FASEN,
          holds: ({ f, p }) => le(f.maanden_voortraject, p.max_maanden_voortraject),
          text: ({ f, p }) =>
            `voortraject ${decimalComma(f.maanden_voortraject)} maanden, hoogstens ${p.max_maanden_voortraject} maand`,
        },
        {
          id: 'jobmatching_max',
          source: FASEN,
          holds: ({ f, p }) => le(f.maanden_jobmatching, p.max_maanden_jobmatching),
          text: ({ f, p }) =>
            `jobmatching ${decimalComma(f.maanden_jobmatching)} maanden, hoogstens ${p.max_maanden_jobmatching} maanden`,
        },
        {
          id: 'stage_max',
          source: FASEN,
          holds: ({ f, p }) => le(f.maanden_stage, p.max_maanden_stage),
          text: ({ f, p }) =>
            `stage ${decimalComma(f.maanden_stage)} maanden, hoogstens ${p.max_maanden_stage} maanden`,
        },
        {
          id: 'totaal_max',
          source: FASEN,
          holds: ({ f, p }) =>
            fraction(f.maanden_voortraject).num +
              fraction(f.maanden_jobmatching).num +
              fraction(f.maanden_stage).num <=
            fraction(p.max_maanden_totaal).num,
          text: ({ f, p }) =>
            `de drie fasen samen duren ${decimalComma((fraction(f.maanden_voortraject).num + fraction(f.maanden_jobmatching).num + fraction(f.maanden_stage).num) / fraction(1).num)} maanden, hoogstens ${p.max_maanden_totaal} maanden`,
        },
        {
          id: 'stage_geregeld',
          source: 'seeds/004_694cfc149f605398.txt:L1598',
          holds: ({ f }) => f.maanden_stage === 0 || f.stage_geregeld,
          text: ({ f }) =>
            f.maanden_stage === 0
              ? 'geen stagefase'
              : f.stage_geregeld
                ? 'er is effectief een stagefase geregeld'
                : 'de derde fase vereist dat er effectief een stagefase geregeld is',
        },
      ],
      amount: ({ f, p, stepMoney }) => {
        const perFase = stepMoney(
          'vergoeding_voltooide_fasen',
          money.mul(p.vergoeding_per_voltooide_fase, f.voltooide_fasen),
          `${f.voltooide_fasen} voltooide fasen × ${euroText(p.vergoeding_per_voltooide_fase)} euro (aanname: de bron geeft de verdeling per fase niet)`,
        );
        return stepMoney(
          'vergoeding_traject',
          money.min(perFase, p.max_vergoeding),
          `hoogstens ${euroText(p.max_vergoeding)} euro, uitbetaald per voltooide fase (seeds/004_694cfc149f605398.txt:L1584-1585)`,
        );
      },
      outputs: {
        resterende_maanden: {
          label: 'Resterende maanden binnen de zes maanden voor de drie fasen',
          unit: 'maanden',
          value: ({ f, p }) =>
            (fraction(p.max_maanden_totaal).num -
              fraction(f.maanden_voortraject).num -
              fraction(f.maanden_jobmatching).num -
              fraction(f.maanden_stage).num) /
            fraction(1).num,
        },
        maanden_nazorg: {
          label: 'Nazorgbegeleiding vanaf de start van de reguliere tewerkstelling',
          unit: 'maanden',
          value: ({ p }) => p.maanden_nazorg,
        },
      },
    },
  ],
});
