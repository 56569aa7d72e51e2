/**
 * Resolves a plan's named parameters from the rules catalogue (the single place the rates live:
 * src/rules/measures/<measure>/parameters.yaml), so settlement never copies a number.
 */
import { money, type Ratio, RuleViolationError } from '../domain/index.ts';
import { catalogue, parametersAt } from '../rules/index.ts';
import type { CmwParams } from './cmw.ts';

export interface ResolvedParameter {
  name: string;
  value: number | string | boolean;
  valid_from: string;
  source: string | string[];
}

export async function parameterValues(
  measure: string,
  date: string,
): Promise<Map<string, ResolvedParameter>> {
  const out = new Map<string, ResolvedParameter>();
  for (const p of await parametersAt(measure, date)) {
    if (p.value === null || p.valid_from === null) continue;
    out.set(p.name, {
      name: p.name,
      value: p.value as number | string | boolean,
      valid_from: String(p.valid_from),
      source: (p.source ?? '') as string | string[],
    });
  }
  return out;
}

function need(values: Map<string, ResolvedParameter>, name: string, date: string): ResolvedParameter {
  const v = values.get(name);
  if (!v)
    throw new RuleViolationError('parameter_missing', `Parameter '${name}' heeft geen waarde op ${date}.`);
  return v;
}

export async function cmwParams(date: string): Promise<{ params: CmwParams; used: ResolvedParameter[] }> {
  const values = await parameterValues('collectief-maatwerk', date);
  const names = ['loonpremie_45', 'loonpremie_60', 'plafond_referteloon_ggmmi', 'begeleidingspremie_forfait'];
  const used = names.map((n) => need(values, n, date));
  const r = (i: number): Ratio => money.ratio(used[i]!.value as number);
  return {
    params: { rate45: r(0), rate60: r(1), capFactor: r(2), forfait: money.euros(used[3]!.value as number) },
    used,
  };
}

export async function contingentParams(year: number) {
  const date = `${year}-06-30`;
  const values = await parameterValues('collectief-maatwerk', date);
  const used = ['min_invulling_contingent', 'drempel_herverdeling', 'invullingsregel_opgeschort'].map((n) =>
    need(values, n, date),
  );
  return {
    minFill: money.ratio(used[0]!.value as number),
    redistributionAbove: money.ratio(used[1]!.value as number),
    suspended: used[2]!.value === true,
    used,
  };
}

export async function rulesetInfo() {
  return (await catalogue()).ruleset;
}
