/**
 * Maatwerkafdelingen — collectief maatwerk (seeds/004_694cfc149f605398.txt:L1744-1747, L1796-1799):
 *
 *   "De aanwerving van een dgwn opent het recht voor een maatwerkbedrijf/maatwerkafdeling op een
 *    begeleidingspremie. Deze premie bestaat uit een forfaitair aandeel (506,94 euro per kwartaal per
 *    tewerkgestelde dgwn) alsook een variabel aandeel (afhankelijk van het aantal dgwn met een lage,
 *    gemiddelde of hoge begeleidingsnood)."
 *   "Maatwerkafdelingen (MWA) | … collectieve inschakeling van minstens vijf VTE. Deze zijn tevens in
 *    voege en operationeel vanaf 1 januari 2019."
 *
 * Only the flat part is computed; the variable part and the loonpremie are not given in the seeds.
 * The MWA were folded into individueel maatwerk, in force on 1 July 2023
 * (seeds/003_041d48c097fadc86.txt:L1194-1200, seeds/001_4a57afe77d69f3a4.txt:L5826-5829).
 */
import { money } from '../../../domain/index.ts';
import { atLeast, decimalComma, defineFormula, fact } from '../../engine/index.ts';

export default defineFormula({
  facts: {
    vte_doelgroepwerknemers: fact.number('VTE doelgroepwerknemers in de maatwerkafdeling', {
      unit: 'VTE',
      min: 0,
      max: 100000,
    }),
    aantal_doelgroepwerknemers: fact.integer('Tewerkgestelde doelgroepwerknemers in het kwartaal', {
      unit: 'personen',
      min: 0,
      max: 100000,
    }),
  },
  parameters: {
    min_vte_doelgroepwerknemers: 'number',
    begeleidingspremie_forfait: 'money',
  },
  amount: { label: 'Forfaitair deel van de begeleidingspremie', period: 'per kwartaal' },
  versions: [
    {
      from: '2019-01-01',
      until: '2023-06-30',
      source: 'seeds/004_694cfc149f605398.txt:L1796-1799',
      conditions: [
        atLeast(
          'minstens_vijf_vte',
          'seeds/004_694cfc149f605398.txt:L1796-1798',
          'vte_doelgroepwerknemers',
          'min_vte_doelgroepwerknemers',
          (vte_doelgroepwerknemers, min_vte_doelgroepwerknemers) =>
            `${decimalComma(vte_doelgroepwerknemers)} VTE doelgroepwerknemers, minstens ${decimalComma(min_vte_doelgroepwerknemers)} vereist`,
        ),
      ],
      amount: ({ f, p, stepMoney }) =>
        stepMoney(
          'forfaitair_deel',
          money.mul(p.begeleidingspremie_forfait, f.aantal_doelgroepwerknemers),
          `${f.aantal_doelgroepwerknemers} × ${money.toEuroString(p.begeleidingspremie_forfait)} euro per kwartaal (seeds/004_694cfc149f605398.txt:L1744-1747)`,
        ),
    },
  ],
});
