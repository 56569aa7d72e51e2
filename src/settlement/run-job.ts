/**
 * A settlement run as a durable job (`settlement.run`): the wage data is the job's payload (JSON
 * `{ wages, advances_paid }`), the run is the one streaming prepare-run command, so a job stopped
 * by a restart has written nothing; retried, it computes the same lines once, and a rerun after
 * it finished finds nothing new to pay (idempotent).
 */
import { z } from 'zod';
import { execute } from '../commands/index.ts';
import { money, ValidationError } from '../domain/index.ts';
import { defineJob } from '../jobs/index.ts';
import { parsePeriod } from './period.ts';
import { groupedWages, streamRunCommand } from './run-stream.ts';
import { advancesOf } from './runs.ts';

export const settlementRunJobInput = z.object({
  measure: z.literal('collectief-maatwerk'),
  period: z.string(),
});

export const settlementRunJob = defineJob({
  kind: 'settlement.run',
  summary: 'Afrekening berekenen',
  permission: 'settlement:prepare',
  input: settlementRunJobInput,
  payload: true,
  async run(ctx, input) {
    let data: { wages?: unknown; advances_paid?: unknown };
    try {
      data = JSON.parse(Buffer.from(ctx.payload ?? new Uint8Array()).toString('utf8'));
    } catch {
      throw ValidationError.field('file', 'het bestand is geen JSON { wages, advances_paid }');
    }
    if (!Array.isArray(data.wages)) throw ValidationError.field('wages', 'verwacht een lijst loongegevens');
    const wages = groupedWages(data.wages as { kbo?: unknown; worker?: unknown; month?: unknown }[]);
    ctx.progress(0, wages.length);
    const view = await execute(
      ctx.db,
      streamRunCommand(wages, { progress: (done) => ctx.progress(done) }),
      ctx.actor,
      {
        ...input,
        // Absent: the advances confirmed paid for the period's months (as prepareRun does).
        advances_paid:
          data.advances_paid ??
          (await advancesOf(ctx.db, input.measure, parsePeriod(input.period), undefined)).map((a) => ({
            kbo: a.kbo,
            amount: money.toEuros(a.amount),
          })),
        dry_run: false,
      },
    );
    return { ...view, lines: [] };
  },
});
