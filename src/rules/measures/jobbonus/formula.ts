/**
 * Vlaamse jobbonus (seeds/001_4a57afe77d69f3a4.txt:L8801-8826):
 *
 *   "De jobbonus is een nieuwe maatregel voor wie als werknemer, statutair ambtenaar of uitgaande
 *    grensarbeider minder dan 2.500 euro bruto per maand verdient."
 *   "Bij 73.387 dossiers lag het jobbonusbedrag onder de 10 euro en wordt het bedrag dan volgens de
 *    regelgeving niet uitbetaald."
 *
 * The date is a day in the reference year (refertejaar). The seeds give the wage limit for
 * refertejaar 2021 only: the limits were changed from refertejaar 2022 on, so those years refuse
 * with that reason. The amount formula itself is not in the seeds: the amount WSE calculated is a
 * fact, and the formula applies the eligibility and the 10 euro payment threshold to it.
 */
import { money } from '../../../domain/index.ts';
import { type Condition, defineFormula, euroText, fact } from '../../engine/index.ts';

const facts = {
  statuut: fact.choice(
    'Statuut in het refertejaar',
    ['werknemer', 'statutair-ambtenaar', 'uitgaande-grensarbeider', 'zelfstandige', 'ander'] as const,
    { description: 'Startende zelfstandigen vallen onder de jobbonus plus, niet onder de jobbonus.' },
  ),
  refertemaandloon: fact.money('Refertemaandloon (bruto per maand)', { min: 0 }),
  berekend_bedrag: fact.money('Jobbonusbedrag zoals berekend door het Departement WSE', {
    min: 0,
    description: 'De berekeningsformule staat niet in de bronnen.',
  }),
};
const parameters = { loongrens: 'money', minimumbedrag: 'money' } as const;

const statuut: Condition<typeof facts, typeof parameters> = {
  id: 'statuut',
  source: 'seeds/001_4a57afe77d69f3a4.txt:L8806-8807',
  holds: ({ f }) => ['werknemer', 'statutair-ambtenaar', 'uitgaande-grensarbeider'].includes(f.statuut),
  text: ({ f }) =>
    f.statuut === 'zelfstandige'
      ? 'zelfstandigen vallen niet onder de jobbonus (zie jobbonus plus)'
      : f.statuut === 'ander'
        ? 'de jobbonus is er voor werknemers, statutaire ambtenaren en uitgaande grensarbeiders'
        : `statuut ${f.statuut.replace('-', ' ')}`,
};

export default defineFormula({
  facts,
  parameters,
  amount: { label: 'Uit te betalen jobbonus voor het refertejaar', period: 'per jaar' },
  versions: [
    {
      from: '2021-01-01',
      until: '2021-12-31',
      source: 'seeds/001_4a57afe77d69f3a4.txt:L8809-8811',
      conditions: [
        statuut,
        {
          id: 'loongrens',
          source: 'seeds/001_4a57afe77d69f3a4.txt:L8806-8807',
          holds: ({ f, p }) => f.refertemaandloon < p.loongrens,
          text: ({ f, p }) =>
            `refertemaandloon ${euroText(f.refertemaandloon)} euro, minder dan ${euroText(p.loongrens)} euro bruto per maand vereist`,
        },
      ],
      amount: ({ f, p, step }) => {
        const uitbetaald = step(
          'boven_minimumbedrag',
          f.berekend_bedrag >= p.minimumbedrag,
          `een jobbonus onder ${euroText(p.minimumbedrag)} euro wordt niet uitbetaald (seeds/001_4a57afe77d69f3a4.txt:L8817-8818)`,
        );
        return uitbetaald ? f.berekend_bedrag : money.ZERO;
      },
    },
    {
      from: '2022-01-01',
      source: 'seeds/001_4a57afe77d69f3a4.txt:L890-891',
      conditions: [
        statuut,
        {
          id: 'loongrenzen_bekend',
          source: 'seeds/001_4a57afe77d69f3a4.txt:L997-1003',
          holds: () => false,
          text: () =>
            'de loongrenzen en het minimumbedrag werden vanaf refertejaar 2022 aangepast en staan niet in de bronnen; Trede berekent dit refertejaar niet',
        },
      ],
    },
  ],
});
