/**
 * Arbeidszorg in de sociale economie — financiering van de omkadering
 * (seeds/004_694cfc149f605398.txt:L3220-3237):
 *
 *   "Het decreet Arbeidszorg Sociale Werkplaatsen (SW) (8 december 1998 …), waar iedere SW met
 *    minstens tien VTE doelgroepwerknemers (dgwn) kon op indienen en met financiële ondersteuning
 *    van één VTE omkadering per vijf VTE AZ-doelgroepmedewerkers (dgmw)."
 *   "het Meerbanenplan (20 juli 2006) … ook open te stellen voor beschutte werkplaatsen (BW) en
 *    partnerschappen waarbij minstens één SW en/of een BW betrokken is. Ook hier … één omkadering
 *    per vijf VTE dgmw."
 *   "Nog tot en met 31 maart 2021 …" (daarna AMA sociale economie).
 *
 * The result is the number of VTE omkadering WSE finances; the seeds give no euro amount per VTE.
 */
import { atLeast, decimalComma, defineFormula, fact } from '../../engine/index.ts';

const SW_ROUTE = 'seeds/004_694cfc149f605398.txt:L3220-3223';
const MEERBANENPLAN = 'seeds/004_694cfc149f605398.txt:L3225-3229';

export default defineFormula({
  facts: {
    luik: fact.choice('Financieringsluik', ['decreet-sw', 'meerbanenplan'], {
      description: 'decreet arbeidszorg sociale werkplaatsen (1998) of Meerbanenplan (2006)',
    }),
    organisatie: fact.choice('Indiener', ['sw', 'bw', 'partnerschap-met-sw-of-bw', 'andere'], {
      description:
        'sociale werkplaats, beschutte werkplaats, partnerschap met minstens één SW of BW, of andere',
    }),
    vte_doelgroepwerknemers: fact.number('VTE doelgroepwerknemers van de indiener', {
      unit: 'VTE',
      min: 0,
      max: 100000,
    }),
    vte_az_medewerkers: fact.number('VTE arbeidszorgmedewerkers', { unit: 'VTE', min: 0, max: 100000 }),
  },
  parameters: {
    min_vte_doelgroepwerknemers_sw: 'number',
    vte_az_per_vte_omkadering: 'number',
  },
  versions: [
    {
      from: '1998-12-08',
      until: '2006-07-19',
      source: SW_ROUTE,
      conditions: [
        {
          id: 'luik_bestaat',
          source: MEERBANENPLAN,
          holds: ({ f }) => f.luik === 'decreet-sw',
          text: ({ f }) => `luik ${f.luik}: vóór 20 juli 2006 bestaat enkel het decreet sociale werkplaatsen`,
        },
        {
          id: 'indiener_is_sw',
          source: SW_ROUTE,
          holds: ({ f }) => f.organisatie === 'sw',
          text: ({ f }) =>
            `indiener ${f.organisatie}: het decreet SW staat enkel open voor sociale werkplaatsen`,
        },
        atLeast(
          'minstens_tien_vte_dgwn',
          SW_ROUTE,
          'vte_doelgroepwerknemers',
          'min_vte_doelgroepwerknemers_sw',
          (vte_doelgroepwerknemers, min_vte_doelgroepwerknemers_sw) =>
            `${decimalComma(vte_doelgroepwerknemers)} VTE doelgroepwerknemers, minstens ${decimalComma(min_vte_doelgroepwerknemers_sw)} vereist`,
        ),
      ],
      outputs: {
        vte_omkadering: {
          label: 'Gefinancierde omkadering',
          unit: 'VTE',
          value: ({ f, p, step }) =>
            step(
              'vte_omkadering',
              f.vte_az_medewerkers / p.vte_az_per_vte_omkadering,
              `één VTE omkadering per ${p.vte_az_per_vte_omkadering} VTE AZ-medewerkers (${SW_ROUTE})`,
            ),
        },
      },
    },
    {
      from: '2006-07-20',
      until: '2021-03-31',
      source: MEERBANENPLAN,
      conditions: [
        {
          id: 'indiener_past_bij_luik',
          source: MEERBANENPLAN,
          holds: ({ f }) =>
            f.luik === 'decreet-sw'
              ? f.organisatie === 'sw'
              : f.organisatie === 'sw' ||
                f.organisatie === 'bw' ||
                f.organisatie === 'partnerschap-met-sw-of-bw',
          text: ({ f }) =>
            f.luik === 'decreet-sw'
              ? `indiener ${f.organisatie}: het decreet SW staat enkel open voor sociale werkplaatsen`
              : `indiener ${f.organisatie}: het Meerbanenplan staat open voor SW, BW en partnerschappen met een SW of BW`,
        },
        {
          id: 'minstens_tien_vte_dgwn',
          source: SW_ROUTE,
          holds: ({ f, p }) =>
            f.luik !== 'decreet-sw' || f.vte_doelgroepwerknemers >= p.min_vte_doelgroepwerknemers_sw,
          text: ({ f, p }) =>
            f.luik === 'decreet-sw'
              ? `${decimalComma(f.vte_doelgroepwerknemers)} VTE doelgroepwerknemers, minstens ${decimalComma(p.min_vte_doelgroepwerknemers_sw)} vereist (decreet SW)`
              : 'het Meerbanenplan stelt geen minimum aan doelgroepwerknemers in de bronnen',
        },
      ],
      outputs: {
        vte_omkadering: {
          label: 'Gefinancierde omkadering',
          unit: 'VTE',
          value: ({ f, p, step }) =>
            step(
              'vte_omkadering',
              f.vte_az_medewerkers / p.vte_az_per_vte_omkadering,
              `één VTE omkadering per ${p.vte_az_per_vte_omkadering} VTE AZ-medewerkers (${MEERBANENPLAN})`,
            ),
        },
      },
    },
  ],
});
