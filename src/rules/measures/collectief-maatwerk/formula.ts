/**
 * Collectief maatwerk (maatwerk bij collectieve inschakeling), in werking sinds 1 januari 2019
 * (seeds/004_694cfc149f605398.txt:L1712-1791):
 *
 *   "Gradatie van een loonpremie (van 40% tot 75%) van geplafonneerd referteloon + begeleiding
 *    (hoog/midden/laag) op de werkvloer. Voor maatwerkbedrijven (MWB) wordt het referteloon
 *    geplafonneerd tot 1,4 keer het gewaarborgde gemiddelde minimum maandinkomen."
 *   "… een loonpremie van 60% gekoppeld aan een hoge intensiteit van begeleiding (één begeleider op
 *    zeven dgwn) of een gemiddelde begeleiding (één op tien dgwn) ofwel een loonpremie van 45% met
 *    een hoge (…), een gemiddelde (…) of een lage begeleidingsintensiteit (één op dertien dgwn)."
 *   "… een forfaitair aandeel (506,94 euro per kwartaal per tewerkgestelde dgwn) …"
 *   "MWB stellen minstens 20 VTE dgwn tewerk, waarbij de dgwn minstens 65% van het personeelsbestand
 *    uitmaken. (…) 90% van het toegekende contingent moet op jaarbasis ingevuld zijn. (…) herverdeeld
 *    aan de MWB met meer dan 95% invulling op jaarbasis …"
 *
 * One calculation is one doelgroepwerknemer in one maatwerkbedrijf: the amount is the monthly
 * loonpremie; the outputs give the supervision ratio, the flat part of the begeleidingspremie and the
 * company's contingent position for the year of the date.
 */
import { fraction, money, percent } from '../../../domain/index.ts';
import { atLeast, decimalComma, defineFormula, fact, requires } from '../../engine/index.ts';

/** Employment within the contingent: workers above it are allowed but not counted (seeds/003_041d48c097fadc86.txt:L2481-2483). */
const binnen = (f: { tewerkgestelde_dgwn_vte: number; toegekend_contingent_vte: number }) =>
  Math.min(f.tewerkgestelde_dgwn_vte, f.toegekend_contingent_vte);
const WOP = 'seeds/004_694cfc149f605398.txt:L1740-1744';
/** The support packages (werkondersteuningspakketten) of collectief maatwerk; settlement and the registry use them too. */
export const CATEGORIEEN = ['60-hoog', '60-gemiddeld', '45-hoog', '45-gemiddeld', '45-laag'] as const;

export default defineFormula({
  facts: {
    wop_actief: fact.boolean('Actief werkondersteuningspakket (WOP), label collectief maatwerk van VDAB', {
      description:
        'Doelgroepwerknemer is wie een actief WOP heeft en geregistreerd is in de VDAB-registratie.',
    }),
    wop_categorie: fact.choice('WOP-categorie: loonpremie en begeleidingsintensiteit', CATEGORIEEN, {
      description:
        'Door VDAB toegekend: 60% met hoge of gemiddelde begeleiding, 45% met hoge, gemiddelde of lage.',
    }),
    instroom: fact.choice(
      'Wanneer de doelgroepwerknemer instroomde',
      ['zittend-tot-2018', 'nieuw-vanaf-2019'] as const,
      {
        default: 'nieuw-vanaf-2019',
        description:
          'Zittend: uiterlijk op 31 december 2018 tewerkgesteld (WOP van onbepaalde duur); nieuw: vanaf 1 januari 2019.',
      },
    ),
    referteloon: fact.money('Referteloon per maand (bruto)', { min: 0 }),
    ggmmi: fact.money('Gewaarborgd gemiddeld minimum maandinkomen (GGMMI) op de datum', {
      min: 0,
      description: 'Het bedrag van het GGMMI staat niet in de bronnen en wordt ingevoerd.',
    }),
    vte_dgwn_bedrijf: fact.number('Doelgroepwerknemers in het maatwerkbedrijf', { unit: 'VTE', min: 0 }),
    aandeel_dgwn_personeel: fact.number('Aandeel doelgroepwerknemers in het personeelsbestand', {
      unit: '%',
      min: 0,
      max: 100,
    }),
    toegekend_contingent_vte: fact.number('Toegekend contingent op jaarbasis (som over vier kwartalen)', {
      unit: 'VTE',
      min: 0,
    }),
    tewerkgestelde_dgwn_vte: fact.number(
      'Tewerkgestelde doelgroepwerknemers op jaarbasis (som over vier kwartalen)',
      {
        unit: 'VTE',
        min: 0,
        description: 'Dgwn boven het contingent mogen, maar tellen niet mee binnen het contingent.',
      },
    ),
  },
  parameters: {
    loonpremie_60: 'rate',
    loonpremie_45: 'rate',
    plafond_referteloon_ggmmi: 'number',
    begeleiding_hoog: 'integer',
    begeleiding_gemiddeld: 'integer',
    begeleiding_laag: 'integer',
    begeleidingspremie_forfait: 'money',
    min_vte_dgwn: 'number',
    min_aandeel_dgwn: 'rate',
    min_invulling_contingent: 'rate',
    drempel_herverdeling: 'rate',
    invullingsregel_opgeschort: 'boolean',
    herziening_binnen_jaren: 'integer',
    herziening_ten_vroegste_jaren: 'integer',
  },
  amount: { label: 'Loonpremie per maand voor deze doelgroepwerknemer', period: 'per maand' },
  versions: [
    {
      from: '2019-01-01',
      source: 'seeds/004_694cfc149f605398.txt:L1726-1727',
      conditions: [
        requires(
          'wop_actief',
          'seeds/004_694cfc149f605398.txt:L1712-1738',
          [
            'de werknemer heeft een actief werkondersteuningspakket (doelgroepwerknemer)',
            'de werknemer heeft geen actief werkondersteuningspakket en is geen doelgroepwerknemer',
          ],
          'actief_wop',
        ),
        atLeast(
          'minstens_20_vte_dgwn',
          'seeds/004_694cfc149f605398.txt:L1777-1778',
          'vte_dgwn_bedrijf',
          'min_vte_dgwn',
          (vte_dgwn_bedrijf, min_vte_dgwn) =>
            `het maatwerkbedrijf stelt ${decimalComma(vte_dgwn_bedrijf)} VTE dgwn tewerk, minstens ${min_vte_dgwn} vereist`,
        ),
        {
          id: 'regel_65_35',
          source: 'seeds/004_694cfc149f605398.txt:L1777-1778',
          holds: ({ f, p }) =>
            fraction(f.aandeel_dgwn_personeel).num * p.min_aandeel_dgwn.den >=
            fraction(100).num * p.min_aandeel_dgwn.num,
          text: ({ f, p }) =>
            `dgwn maken ${decimalComma(f.aandeel_dgwn_personeel)}% van het personeelsbestand uit, minstens ${(p.min_aandeel_dgwn.num * 100) / p.min_aandeel_dgwn.den}% vereist`,
        },
      ],
      amount: ({ f, p, step, stepMoney }) => {
        const plafond = stepMoney(
          'plafond_referteloon',
          money.mul(f.ggmmi, p.plafond_referteloon_ggmmi),
          `${p.plafond_referteloon_ggmmi} × GGMMI (seeds/004_694cfc149f605398.txt:L1733-1735)`,
        );
        const loon = stepMoney(
          'geplafonneerd_referteloon',
          money.min(f.referteloon, plafond),
          'het laagste van het referteloon en het plafond',
        );
        const pct = f.wop_categorie.startsWith('60') ? p.loonpremie_60 : p.loonpremie_45;
        step('loonpremie_percentage', (pct.num * 100) / pct.den, `WOP ${f.wop_categorie} (${WOP})`);
        return stepMoney('loonpremie', money.mulRatio(loon, pct), 'percentage × geplafonneerd referteloon');
      },
      outputs: {
        dgwn_per_begeleider: {
          label: 'Begeleidingsintensiteit: doelgroepwerknemers per begeleider',
          unit: 'dgwn',
          value: ({ f, p }) =>
            f.wop_categorie.endsWith('hoog')
              ? p.begeleiding_hoog
              : f.wop_categorie.endsWith('gemiddeld')
                ? p.begeleiding_gemiddeld
                : p.begeleiding_laag,
        },
        herziening_wop_binnen_jaren: {
          label:
            'Herziening van het WOP en evaluatie van de doorstroom uiterlijk na (jaren); leeg: onbepaalde duur',
          unit: 'jaar',
          value: ({ f, p }) => (f.instroom === 'nieuw-vanaf-2019' ? p.herziening_binnen_jaren : null),
        },
        herziening_ten_vroegste_na_jaren: {
          label:
            'Een vroegere herziening kan ten vroegste na (jaren), tenzij de medische of psychosociale situatie wijzigt',
          unit: 'jaar',
          value: ({ f, p }) => (f.instroom === 'nieuw-vanaf-2019' ? p.herziening_ten_vroegste_jaren : null),
        },
        begeleidingspremie_forfait_per_kwartaal: {
          label: 'Forfaitair aandeel begeleidingspremie per kwartaal (variabel aandeel niet gegeven)',
          unit: 'EUR',
          value: ({ p }) => money.toEuros(p.begeleidingspremie_forfait),
        },
        ingevuld_binnen_contingent_vte: {
          label: 'Ingevuld binnen het contingent (tewerkstelling boven het contingent telt niet mee)',
          unit: 'VTE',
          value: ({ f }) => binnen(f),
        },
        invullingsgraad_contingent: {
          label: 'Invulling van het toegekende contingent op jaarbasis',
          unit: '%',
          value: ({ f }) => percent(binnen(f), f.toegekend_contingent_vte, 2),
        },
        contingent_vermindering: {
          label: 'Vermindering van het contingent in het derde kwartaal (invulling onder 90%)',
          value: ({ f, p }) =>
            !p.invullingsregel_opgeschort &&
            fraction(binnen(f)).num * p.min_invulling_contingent.den <
              fraction(f.toegekend_contingent_vte).num * p.min_invulling_contingent.num,
        },
        in_aanmerking_herverdeling: {
          label: 'Komt in aanmerking voor herverdeeld contingent (invulling meer dan 95%)',
          value: ({ f, p }) =>
            !p.invullingsregel_opgeschort &&
            fraction(binnen(f)).num * p.drempel_herverdeling.den >
              fraction(f.toegekend_contingent_vte).num * p.drempel_herverdeling.num,
        },
      },
    },
  ],
});
