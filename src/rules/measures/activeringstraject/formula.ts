/**
 * Activeringstrajecten onder het werk- en zorgdecreet, BVR van 2 februari 2018, van start op
 * 1 juli 2018 (seeds/004_694cfc149f605398.txt:L3135-3148):
 *
 *   "… de casemanager Zorg en de casemanager Werk ontvangen elk 800 euro per activeringstraject;
 *    een netwerk van dienstverleners … ontvangt per individueel activeringstraject 2.800 euro
 *    (maximum 10% is compensatievergoeding voor de penhouder). … Een traject kost samen 4.400 euro."
 *   "De beleidsdomeinen WVG en WSE financieren de activeringstrajecten elk voor 50% …"
 *
 * The date is the start of the trajectory; no facts are needed. The parts and the split over the
 * two policy domains are in the trace.
 */
import { money } from '../../../domain/index.ts';
import { defineFormula, euroText } from '../../engine/index.ts';

const S = 'seeds/004_694cfc149f605398.txt';

export default defineFormula({
  facts: {},
  parameters: {
    casemanager_zorg: 'money',
    casemanager_werk: 'money',
    netwerk: 'money',
    max_aandeel_penhouder: 'rate',
    aandeel_welzijn_netwerk: 'rate',
    min_duur: 'integer',
    max_duur: 'integer',
    max_duur_stage: 'integer',
  },
  amount: { label: 'Financiering per activeringstraject', period: 'per traject' },
  versions: [
    {
      from: '2018-07-01',
      source: `${S}:L3098-3100`,
      conditions: [],
      amount: ({ p, stepMoney }) => {
        const zorg = stepMoney(
          'deel_casemanager_zorg',
          p.casemanager_zorg,
          `${euroText(p.casemanager_zorg, true)} voor de casemanager Zorg, betaald door Welzijn (${S}:L3135-3136, L3146-3148)`,
        );
        const werk = stepMoney(
          'deel_casemanager_werk',
          p.casemanager_werk,
          `${euroText(p.casemanager_werk, true)} voor de casemanager Werk (GTB), betaald door Werk (${S}:L3135-3136, L3146-3148)`,
        );
        const netwerk = stepMoney(
          'deel_netwerk',
          p.netwerk,
          `${euroText(p.netwerk, true)} voor het netwerk van dienstverleners via de penhouder (${S}:L3136-3138)`,
        );
        stepMoney(
          'max_penhouder',
          money.mulRatio(p.netwerk, p.max_aandeel_penhouder),
          `hoogstens ${p.max_aandeel_penhouder.value * 100} % van de netwerkvergoeding als compensatie voor de penhouder (${S}:L3138)`,
        );
        const netwerkWelzijn = money.mulRatio(netwerk, p.aandeel_welzijn_netwerk);
        const netwerkWse = money.cents(netwerk - netwerkWelzijn);
        stepMoney(
          'ten_laste_van_welzijn',
          money.add(zorg, netwerkWelzijn),
          `casemanager Zorg + ${p.aandeel_welzijn_netwerk.value * 100} % van het netwerk (${S}:L3146-3148)`,
        );
        stepMoney(
          'ten_laste_van_wse',
          money.add(werk, netwerkWse),
          `casemanager Werk + de rest van het netwerk (${S}:L3146-3148)`,
        );
        return stepMoney('totaal_per_traject', money.add(zorg, werk, netwerk), `samen (${S}:L3141)`);
      },
      outputs: {
        min_duur: { label: 'Minimale duur van het traject', unit: 'maanden', value: ({ p }) => p.min_duur },
        max_duur: { label: 'Maximale duur van het traject', unit: 'maanden', value: ({ p }) => p.max_duur },
        max_duur_stage: {
          label: 'Maximale duur van één activeringsstage',
          unit: 'maanden',
          value: ({ p }) => p.max_duur_stage,
        },
      },
    },
  ],
});
