/**
 * Payment schedules of granted dossiers: each granted premium becomes dated instalments; a premium
 * run pays the instalments due by the end of its month that no earlier run paid. Amounts come from
 * the measures' parameters (src/rules/measures/<measure>/parameters.yaml); when an instalment is
 * due is in the seeds for some measures and an assumption (`premie_betaalmoment`) for the rest.
 *
 * - aanwervingsincentive: 1.250 € after 3 months and 3.000 € after 12 months of employment
 *   (seeds/004_694cfc149f605398.txt:L3864-3870).
 * - transitiepremie: monthly for at most 24 months, from 1.000 € falling per quarter to 300 € in
 *   the last quarter (seeds/000_3bfdbb028fdab786.txt:L2713-2717), halved from 1 April 2021
 *   (parameter aandeel_premie); the equal step per quarter is derived from the parameters and
 *   checked against the printed total 15.600 € (seeds/001_4a57afe77d69f3a4.txt:L8891-8894).
 * - activeringstraject: the WSE share, casemanager Werk 800 € + half of the network's 2.800 €
 *   (seeds/004_694cfc149f605398.txt:L3135-3148), once.
 * - every other measure whose formula gave the dossier a payable amount: that amount, once.
 */
import { addMonths, type Cents, type IsoDate, money, RuleViolationError } from '../domain/index.ts';
import type { GrantedDossier } from '../dossiers/index.ts';
import type { AssumptionSet } from './assumptions.ts';
import { parameterValues } from './params.ts';

export interface Instalment {
  key: string;
  dossier: string;
  reference: string;
  measure: string;
  kbo: string;
  worker: string | null;
  component: 'schijf' | 'maandpremie' | 'premie';
  seq: number;
  due: IsoDate;
  amount: Cents;
  basis: Record<string, string | number>;
  source: string;
}

/** Measures whose schedule follows a seed rule; the rest are paid once at the grant. */
export const SCHEDULED_MEASURES = ['aanwervingsincentive', 'transitiepremie', 'activeringstraject'] as const;

async function params(measure: string, date: string) {
  const values = await parameterValues(measure, date);
  return (name: string) => {
    const v = values.get(name);
    if (!v)
      throw new RuleViolationError(
        'parameter_missing',
        `Parameter '${name}' van ${measure} heeft geen waarde op ${date}.`,
      );
    return v.value as number;
  };
}

export async function premiumSchedule(d: GrantedDossier, a: AssumptionSet): Promise<Instalment[]> {
  const when = a.method('premie_betaalmoment', d.grantedOn, ['vervaldag-of-toekenning'] as const);
  const base = {
    dossier: d.id,
    reference: d.reference,
    measure: d.measureId,
    kbo: d.kbo ?? '',
    worker: d.kbo ? null : d.personPseudonym,
  };
  const line = (
    component: Instalment['component'],
    seq: number,
    due: IsoDate,
    amount: Cents,
    basis: Record<string, string | number>,
    source: string,
  ): Instalment => ({
    ...base,
    key: `${base.kbo}|${d.reference}|${component}|${seq}`,
    component,
    seq,
    // Not before the grant: an instalment already due at the grant is paid in the first run after it.
    due: (due < d.grantedOn ? d.grantedOn : due) as IsoDate,
    amount,
    basis: { ...basis, vervaldag: due, betaalmoment: when },
    source,
  });
  const start = d.date as IsoDate;
  if (d.measureId === 'aanwervingsincentive') {
    const p = await params(d.measureId, d.date);
    const src = 'seeds/004_694cfc149f605398.txt:L3864-3870';
    return [
      line(
        'schijf',
        1,
        addMonths(start, p('maanden_eerste_schijf')),
        money.euros(p('eerste_schijf')),
        {
          schijf: `na ${p('maanden_eerste_schijf')} maanden tewerkstelling`,
        },
        src,
      ),
      line(
        'schijf',
        2,
        addMonths(start, p('maanden_tweede_schijf')),
        money.euros(p('tweede_schijf')),
        {
          schijf: `na ${p('maanden_tweede_schijf')} maanden tewerkstelling`,
        },
        src,
      ),
    ];
  }
  if (d.measureId === 'transitiepremie') {
    const p = await params(d.measureId, d.date);
    const months = p('max_maanden');
    const quarters = months / 3;
    const first = money.euros(p('premie_eerste_maand'));
    const last = money.euros(p('premie_laatste_kwartaal'));
    const step = (first - last) / (quarters - 1);
    let total = 0;
    for (let q = 0; q < quarters; q += 1) total += 3 * (first - step * q);
    if (!Number.isInteger(step) || total !== money.euros(p('volledige_premie')))
      throw new RuleViolationError(
        'schedule_inconsistent',
        'De maandbedragen van de transitiepremie tellen niet op tot de volledige premie.',
      );
    const share = money.ratio(p('aandeel_premie'));
    const out: Instalment[] = [];
    for (let k = 1; k <= months; k += 1) {
      const q = Math.floor((k - 1) / 3);
      const full = money.cents(first - step * q);
      out.push(
        line(
          'maandpremie',
          k,
          addMonths(start, k),
          money.mulRatio(full, share),
          {
            maand: `${k}/${months}`,
            volledig_maandbedrag: money.toEuroString(full),
            aandeel: share.num / share.den,
          },
          'seeds/000_3bfdbb028fdab786.txt:L2713-2717',
        ),
      );
    }
    return out;
  }
  if (d.measureId === 'activeringstraject') {
    const p = await params(d.measureId, d.date);
    const werk = money.euros(p('casemanager_werk'));
    const netwerk = money.euros(p('netwerk'));
    const wse = money.cents(netwerk - money.mulRatio(netwerk, money.ratio(p('aandeel_welzijn_netwerk'))));
    return [
      line(
        'premie',
        1,
        d.grantedOn as IsoDate,
        money.cents(werk + wse),
        {
          casemanager_werk: money.toEuroString(werk),
          netwerk_aandeel_werk: money.toEuroString(wse),
        },
        'seeds/004_694cfc149f605398.txt:L3135-3148',
      ),
    ];
  }
  if (d.amountCents !== null && d.amountCents > 0) {
    return [
      line(
        'premie',
        1,
        d.grantedOn as IsoDate,
        money.cents(d.amountCents),
        {
          bedrag_regels: money.toEuroString(money.cents(d.amountCents)),
        },
        `rules/${d.measureId}`,
      ),
    ];
  }
  return [];
}

/** Instalments due on or before `until` whose key no earlier run settled. */
export function dueInstalments(all: Instalment[], settled: Set<string>, until: IsoDate): Instalment[] {
  return all
    .filter((i) => i.due <= until && !settled.has(i.key))
    .sort((x, y) => (x.due < y.due ? -1 : x.due > y.due ? 1 : x.key < y.key ? -1 : 1));
}
