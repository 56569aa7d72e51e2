/** A beheerder sets the value of a named assumption from a date (on top of assumptions.yaml). */
import { z } from 'zod';
import { assertCan } from '../access/index.ts';
import { defineCommand } from '../commands/index.ts';
import { ValidationError } from '../domain/index.ts';
import { ibanProblem } from '../registry/index.ts';
import { defaultAssumptions } from './assumptions.ts';

export const setAssumptionInput = z.object({
  name: z.string().min(1),
  valid_from: z.iso.date(),
  value: z.string().trim().min(1).max(200),
  source: z.string().trim().min(1).max(500),
});

export const setAssumption = defineCommand({
  name: 'settlement/set-assumption',
  summary: 'Stelt de waarde van een aanname in vanaf een datum.',
  input: setAssumptionInput,
  authorize: ({ actor }) => assertCan(actor, 'reference:manage'),
  async run({ tx, actor, now }, input) {
    const def = defaultAssumptions()[input.name];
    if (!def) {
      throw ValidationError.field(
        'name',
        `onbekende aanname; kies uit: ${Object.keys(defaultAssumptions()).join(', ')}`,
      );
    }
    if ((def.type === 'money' || def.type === 'number') && !Number.isFinite(Number(input.value))) {
      throw ValidationError.field('value', 'verwacht een getal (met een punt als decimaalteken)');
    }
    if (input.name === 'betaalrekening_iban') {
      const problem = ibanProblem(input.value);
      if (problem) throw ValidationError.field('value', problem);
    }
    const setBy = actor.userId ?? actor.label;
    await tx.query(
      `INSERT INTO settlement_assumptions (name, valid_from, value, source, set_by, set_on)
       VALUES ($1,$2,$3,$4,$5,$6)
       ON CONFLICT (name, valid_from) DO UPDATE SET value = EXCLUDED.value, source = EXCLUDED.source,
         set_by = EXCLUDED.set_by, set_on = EXCLUDED.set_on`,
      [input.name, input.valid_from, input.value, input.source, setBy, now.toISOString().slice(0, 10)],
    );
    return {
      result: { ...input, set_by: setBy },
      audit: { entityType: 'settlement_assumption', entityId: input.name, data: input },
    };
  },
});
