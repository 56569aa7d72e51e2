/**
 * Dossiers: how long applying, moving a dossier through its states and the lead-time report take
 * on in-memory PGlite. Checks the counted result; never asserts timings.
 */
import { systemActor } from '../src/access/index.ts';
import { execute } from '../src/commands/index.ts';
import { migrate, openDatabase } from '../src/db/index.ts';
import { applyForMeasure, leadTimeReport, TRANSITION_COMMANDS } from '../src/dossiers/index.ts';
import { createOrganisation } from '../src/registry/index.ts';

const N = 300;

export async function run(log: (line: string) => void): Promise<void> {
  const db = await openDatabase({});
  await migrate(db);
  const actor = systemActor('system', 'bench');
  const org = await execute(db, createOrganisation, actor, {
    kbo: '0123456749',
    name: 'Bench',
    type: 'ocmw',
  });
  const t0 = performance.now();
  for (let i = 0; i < N; i += 1) {
    // Received on day i of 2026 at 10:00 UTC, admissible 3 or 9 days later (every third one late).
    const received = new Date(Date.UTC(2026, 0, 1 + (i % 300), 10));
    const d = await execute(
      db,
      applyForMeasure,
      actor,
      { measureId: 'vop', organisationId: org.id, facts: {} },
      { now: received },
    );
    const later = new Date(received.getTime() + (i % 3 === 0 ? 9 : 3) * 86_400_000);
    await execute(db, TRANSITION_COMMANDS['ontvankelijk-verklaren'], actor, { id: d.id }, { now: later });
  }
  const t1 = performance.now();
  const report = await leadTimeReport(db, actor, { year: 2026 });
  const t2 = performance.now();
  const row = report.norms.find((n) => n.normId === 'vop-ontvankelijk-7d');
  // Decided in 2026: all but those received late December whose decision falls in 2027 (none: day ≤ 300).
  const late = Math.ceil(N / 3);
  if (row?.counted !== N || row.withinNorm !== N - late) {
    throw new Error(
      `verwacht ${N - late} van ${N} binnen de norm, kreeg ${row?.withinNorm} van ${row?.counted}`,
    );
  }
  log(
    `${N} dossiers aangevraagd en ontvankelijk verklaard: ${((t1 - t0) / N).toFixed(1)} ms per dossier (2 commands)`,
  );
  log(
    `doorlooptijdrapport 2026 (${report.norms.length} normen, ${2 * N} gebeurtenissen): ${(t2 - t1).toFixed(0)} ms`,
  );
  log(`vop-ontvankelijk-7d: ${row.withinNorm}/${row.counted} = ${row.achieved} % (${row.colour})`);
  await db.close();
}
