/**
 * Findings outside Tabel 39's own arithmetic (issue 14): sums the text states about its tables and
 * places where two tables give different values. Each carries its nature (definitie, afronding,
 * rekenfout, tegenspraak) and its seed lines; nothing is corrected.
 */
import { z } from 'zod';
import { readYamlData } from '../db/index.ts';

export const NATURES = ['definitie', 'afronding', 'rekenfout', 'tegenspraak'] as const;
export type Nature = (typeof NATURES)[number];

const valueSchema = z.object({ label: z.string(), value: z.number(), source: z.string() });
const fileSchema = z.object({
  findings: z.array(
    z.object({
      id: z.string(),
      nature: z.enum(NATURES),
      kind: z.enum(['sum', 'compare']),
      what: z.string(),
      parts: z.array(z.number()).optional(),
      stated: z.number().optional(),
      values: z.array(valueSchema).optional(),
      sources: z.array(z.string()).optional(),
    }),
  ),
});

export interface SeedFinding {
  id: string;
  nature: Nature;
  what: string;
  /** For a sum: the stated value and what the parts give. */
  stated: number | null;
  computed: number | null;
  values: z.output<typeof valueSchema>[];
  sources: string[];
}

const FILE = fileSchema.parse(readYamlData(new URL('./data/seed-findings.yaml', import.meta.url)));

/** The findings whose figures disagree (a sum that gives its stated value is dropped). */
export function seedFindings(): SeedFinding[] {
  return FILE.findings.flatMap((f): SeedFinding[] => {
    const computed = f.parts ? Math.round(f.parts.reduce((a, b) => a + b, 0) * 1000) / 1000 : null;
    if (f.kind === 'sum' && computed === f.stated) return [];
    const values = f.values ?? [];
    return [
      {
        id: f.id,
        nature: f.nature,
        what: f.what,
        stated: f.stated ?? null,
        computed,
        values,
        sources: [...new Set([...(f.sources ?? []), ...values.map((v) => v.source)])],
      },
    ];
  });
}
