/**
 * An inspecteur opens an inspection dossier from a risk hit: origin 'risicolijst', the rule, its
 * reason and the records behind the hit on the dossier's first timeline event.
 */
import { z } from 'zod';
import { defineCommand } from '../commands/index.ts';
import { openInspection } from './inspections.ts';
import { RISK_RULES } from './risks.ts';

export const openFromRiskInput = z.object({
  rule: z.string().refine((r) => RISK_RULES.some((x) => x.id === r), 'onbekende risicoregel'),
  organisationId: z.uuid('geen geldige organisatie-id'),
  personId: z.uuid('geen geldige persoon-id').optional().nullable(),
  reason: z.string().trim().min(1).max(1000),
  records: z
    .array(z.object({ kind: z.string().max(40), id: z.string().max(200) }))
    .max(200)
    .default([]),
  /** Domain of the VSI table; the tewerkstellingsmaatregelen of the rules are mostly Maatwerk. */
  domain: z.string().default('Maatwerk'),
  measureId: z.string().trim().max(80).optional().nullable(),
});

export const openInspectionFromRisk = defineCommand({
  name: 'inspection/open-from-risk',
  summary: 'Opent een inspectiedossier vanuit een treffer van de risicolijst.',
  input: openFromRiskInput,
  async authorize(ctx, input) {
    await openInspection.authorize(ctx, openInput(input));
  },
  async run(ctx, input) {
    const out = await openInspection.run(ctx, openInput(input));
    const audit = Array.isArray(out.audit) ? out.audit[0] : out.audit;
    return {
      result: out.result,
      audit: { ...audit, data: { ...audit.data, rule: input.rule, records: input.records } },
    };
  },
});

function openInput(input: z.output<typeof openFromRiskInput>) {
  const rule = RISK_RULES.find((r) => r.id === input.rule)!;
  return openInspection.input.parse({
    organisationId: input.organisationId,
    personId: input.personId ?? null,
    domain: input.domain,
    measureId: input.measureId ?? null,
    origin: 'risicolijst',
    note: `Risicolijst: ${rule.label} (${input.rule}, ${rule.source}). ${input.reason} Gegevens: ${
      input.records.map((r) => `${r.kind}:${r.id}`).join(', ') || '–'
    }`.slice(0, 2000),
  });
}
