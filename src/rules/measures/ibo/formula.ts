/**
 * Individuele beroepsopleiding (IBO, K-IBO, IBO-T) — BVR van 5 juni 2009, hervormd door het BVR van
 * 6 juli 2018, in voege 1 september 2018 (seeds/004_694cfc149f605398.txt:L2286-2332, L4109-4121):
 *
 *   "Is een opleiding die doorgaat op de werkplek en gevolgd wordt door een contract van
 *    (on)bepaalde duur (voor minimum de duur van de IBO, minstens halftijds)."
 *   "Duurtijd: minstens een maand en maximum zes maanden."
 *   "De IBO-cursist ontvangt een IBO-premie, VDAB betaalt deze aan de cursist en factureert de
 *    kostprijs aan het bedrijf."
 *   "… kan voorafgegaan worden door vier (in plaats van twee) weken uitzendarbeid."
 *   "VDAB beslist of een K-IBO (kosteloos voor de werkgever) of IBO-T wordt ingezet."
 *   K-IBO: "voor kwetsbare cursisten met indicatie van arbeidshandicap of langdurig werkzoekend";
 *   IBO-T: "een IBO met taalondersteuning, voor anderstalige niet-werkende werkzoekenden".
 *   Monitor: "enkel de laaggeschoolde IBO'ers" (L2352-2353).
 *
 * The date of a calculation is the start of the IBO.
 */
import { atMost, between, decimalComma, defineFormula, fact } from '../../engine/index.ts';

export default defineFormula({
  facts: {
    variant: fact.choice('Soort IBO', ['ibo', 'k-ibo', 'ibo-t'], {
      default: 'ibo',
      description:
        'Gewone IBO, K-IBO (kwetsbare cursisten, kosteloos voor de werkgever) of IBO-T (met taalondersteuning).',
    }),
    maanden: fact.number('Duur van de IBO', {
      description: 'Duur van de opleiding op de werkplek (minstens 1, hoogstens 6 maanden).',
      unit: 'maanden',
      min: 0,
      max: 120,
    }),
    contract_onbepaalde_duur: fact.boolean('Contract van onbepaalde duur na de IBO', {
      description: 'De werkgever werft de cursist na de IBO aan met een contract van onbepaalde duur.',
      default: false,
    }),
    contract_maanden: fact.number('Duur van het contract van bepaalde duur na de IBO', {
      description: 'Duur van een contract van bepaalde duur na de IBO (minstens de duur van de IBO).',
      unit: 'maanden',
      min: 0,
      max: 600,
      default: 0,
    }),
    contract_tewerkstellingsbreuk: fact.number('Arbeidsduur van het contract als fractie van voltijds', {
      unit: 'fractie',
      min: 0,
      max: 1,
      description: '1 is voltijds, 0,5 is halftijds.',
    }),
    weken_uitzendarbeid_vooraf: fact.integer('Weken uitzendarbeid vóór de IBO', {
      description: 'Uitzendarbeid vóór de IBO: hoogstens vier weken sinds 1 september 2018.',
      unit: 'weken',
      min: 0,
      max: 520,
      default: 0,
    }),
    kwetsbaar: fact.boolean('Indicatie van arbeidshandicap of langdurig werkzoekend', {
      description:
        'Doelgroep van de K-IBO (vroeger C-IBO): indicatie van arbeidshandicap of langdurig werkzoekend.',
      default: false,
    }),
    anderstalig: fact.boolean('Anderstalige niet-werkende werkzoekende', {
      description: 'Doelgroep van de IBO-T (IBO met taalondersteuning).',
      default: false,
    }),
    laaggeschoold: fact.boolean('Laaggeschoolde cursist', {
      default: false,
      description: 'Enkel laaggeschoolde IBO-cursisten tellen mee in de monitor op trede 4.',
    }),
  },
  parameters: {
    min_maanden: 'integer',
    max_maanden: 'integer',
    min_tewerkstellingsbreuk: 'rate',
    max_weken_uitzendarbeid: 'integer',
  },
  versions: [
    {
      from: '2018-09-01',
      source: 'seeds/004_694cfc149f605398.txt:L4109-4113',
      conditions: [
        between(
          'duur',
          'seeds/004_694cfc149f605398.txt:L2296-2297',
          'maanden',
          ['min_maanden', 'max_maanden'],
          (maanden, min_maanden, max_maanden) =>
            `IBO van ${decimalComma(maanden)} maanden, tussen ${min_maanden} en ${max_maanden}`,
        ),
        {
          id: 'contract_minstens_duur_ibo',
          source: 'seeds/004_694cfc149f605398.txt:L2290-2291',
          holds: ({ f }) => f.contract_onbepaalde_duur || f.contract_maanden >= f.maanden,
          text: ({ f }) =>
            f.contract_onbepaalde_duur
              ? 'contract van onbepaalde duur na de IBO'
              : `contract van ${decimalComma(f.contract_maanden)} maanden na de IBO, minstens de duur van de IBO (${decimalComma(f.maanden)} maanden)`,
        },
        {
          id: 'contract_minstens_halftijds',
          source: 'seeds/004_694cfc149f605398.txt:L2290-2291',
          holds: ({ f, p }) =>
            f.contract_tewerkstellingsbreuk * p.min_tewerkstellingsbreuk.den >=
            p.min_tewerkstellingsbreuk.num,
          text: ({ f, p }) =>
            `contract van ${decimalComma(f.contract_tewerkstellingsbreuk)} van voltijds, minstens ${decimalComma(p.min_tewerkstellingsbreuk.value)} (halftijds)`,
        },
        atMost(
          'uitzendarbeid_vooraf',
          'seeds/004_694cfc149f605398.txt:L2302-2304',
          'weken_uitzendarbeid_vooraf',
          'max_weken_uitzendarbeid',
          (weken_uitzendarbeid_vooraf, max_weken_uitzendarbeid) =>
            `${weken_uitzendarbeid_vooraf} weken uitzendarbeid vóór de IBO, hoogstens ${max_weken_uitzendarbeid}`,
        ),
        {
          id: 'doelgroep_k_ibo',
          source: 'seeds/004_694cfc149f605398.txt:L2286-2287',
          holds: ({ f }) => f.variant !== 'k-ibo' || f.kwetsbaar,
          text: () =>
            'een K-IBO is voor kwetsbare cursisten met een indicatie van arbeidshandicap of langdurig werkzoekend',
        },
        {
          id: 'doelgroep_ibo_t',
          source: 'seeds/004_694cfc149f605398.txt:L2287-2288',
          holds: ({ f }) => f.variant !== 'ibo-t' || f.anderstalig,
          text: () => 'een IBO-T is voor anderstalige niet-werkende werkzoekenden',
        },
      ],
      outputs: {
        min_contractduur_maanden: {
          label: 'Minimale duur van het contract na de IBO',
          unit: 'maanden',
          value: ({ f }) => f.maanden,
        },
        kost_voor_werkgever: {
          label: 'Kost voor de werkgever',
          value: ({ f }) =>
            f.variant === 'k-ibo'
              ? 'kosteloos (K-IBO)'
              : 'VDAB factureert de kostprijs van de IBO-premie aan het bedrijf (bedrag niet in de bronnen)',
        },
        werkgever_moet_aanwerven: {
          label: 'De werkgever moet de cursist na de IBO aanwerven',
          value: () => true,
        },
        telt_in_monitor: {
          label: 'Telt mee in de monitor op trede 4 (enkel laaggeschoolden)',
          value: ({ f }) => f.laaggeschoold,
        },
      },
    },
  ],
});
