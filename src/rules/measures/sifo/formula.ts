/**
 * Herstelkrediet Corona binnen het Sociaal Investeringsfonds — beslissing van de Vlaamse Regering
 * van 13 september 2020 (seeds/004_694cfc149f605398.txt:L1707-1710), uitgewerkt in
 * seeds/002_fa7ec9f147cf0c36.txt:L1280-1313:
 *
 *   "De doelgroep zijn maatwerkbedrijven, lokale diensteneconomie ondernemingen en
 *    activiteitencoöperaties." "SIFO staat in voor maximaal 75% co-financiering van de lening."
 *   "Het gaat om leningen tussen 50.000 euro en 250.000 euro, met een maximale looptijd van 5 jaar."
 *   "Beschikbaar tot 31/12/2021."
 *
 * The amount is the maximum part of the requested loan that SIFO co-finances; the rest comes from
 * the social financier. Interest (1% to 3%) is not calculated (see not_modelled).
 */
import { money } from '../../../domain/index.ts';
import { atMost, defineFormula, fact, requires } from '../../engine/index.ts';

const SRC = 'seeds/002_fa7ec9f147cf0c36.txt:L1280-1313';

export default defineFormula({
  facts: {
    onderneming: fact.choice('Soort onderneming', [
      'maatwerkbedrijf',
      'lokale-diensteneconomie',
      'activiteitencooperatie',
      'andere',
    ] as const),
    financiele_moeilijkheden_corona: fact.boolean('In financiële moeilijkheden door de coronacrisis'),
    lening: fact.money('Gevraagd leningbedrag', { min: 0, max: 100_000_000 }),
    looptijd: fact.integer('Looptijd van de lening', { unit: 'jaar', min: 0, max: 50 }),
  },
  parameters: {
    min_lening: 'money',
    max_lening: 'money',
    max_looptijd: 'integer',
    max_cofinanciering: 'rate',
  },
  amount: { label: 'Maximale cofinanciering door SIFO', period: 'eenmalig' },
  versions: [
    {
      from: '2020-09-13',
      until: '2021-12-31',
      source: SRC,
      conditions: [
        {
          id: 'doelgroep',
          source: 'seeds/002_fa7ec9f147cf0c36.txt:L1286-1290',
          holds: ({ f }) => f.onderneming !== 'andere',
          text: () => 'de onderneming is een maatwerkbedrijf, LDE-onderneming of activiteitencoöperatie',
        },
        requires(
          'financiele_moeilijkheden_corona',
          'seeds/002_fa7ec9f147cf0c36.txt:L1282-1286',
          'de onderneming is door de coronacrisis in financiële moeilijkheden',
          'coronaschade',
        ),
        {
          id: 'leningbedrag',
          source: 'seeds/002_fa7ec9f147cf0c36.txt:L1305-1307',
          holds: ({ f, p }) => f.lening >= p.min_lening && f.lening <= p.max_lening,
          text: ({ f, p }) =>
            `de lening (${money.toEuroString(f.lening)} euro) ligt tussen ${money.toEuroString(p.min_lening)} en ${money.toEuroString(p.max_lening)} euro`,
        },
        atMost(
          'looptijd',
          'seeds/002_fa7ec9f147cf0c36.txt:L1307',
          'looptijd',
          'max_looptijd',
          (looptijd, max_looptijd) => `looptijd ${looptijd} jaar, hoogstens ${max_looptijd} jaar`,
        ),
      ],
      amount: ({ f, p, stepMoney }) =>
        stepMoney(
          'cofinanciering_sifo',
          money.mulRatio(f.lening, p.max_cofinanciering),
          `hoogstens ${p.max_cofinanciering.value * 100}% van ${money.toEuroString(f.lening)} euro (${SRC})`,
        ),
    },
  ],
});
