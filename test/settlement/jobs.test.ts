import { expect, it } from 'vitest';
import type { Actor } from '../../src/access/index.ts';
import { jobRegistry } from '../../src/app/index.ts';
import { getJob, markInterruptedJobs, retryJob, runPendingJobs, submitJob } from '../../src/jobs/index.ts';
import { getRun, listRuns, settlementRunJob } from '../../src/settlement/index.ts';
import { describeEachDb } from '../support/db.ts';
import { makeUser } from '../support/factories.ts';

const KBO = '0123456749';
// 3 workers × 3 months, 45%, wage 2.000 (below the cap 2.841,83): 900,00 a worker-month
// → 9 × 900,00 = 8.100,00; + 3 × 506,94 forfait = 1.520,82 → due 9.620,82; no advances.
const wages = ['W1', 'W2', 'W3'].flatMap((worker) =>
  ['2024-04', '2024-05', '2024-06'].map((month) => ({
    kbo: KBO,
    worker,
    month,
    package: '45-hoog',
    wage: '2000',
    fte: 1,
  })),
);
const payload = new TextEncoder().encode(JSON.stringify({ wages: wages.reverse(), advances_paid: [] }));

async function behandelaar(db: Parameters<typeof makeUser>[0]): Promise<Actor> {
  const u = await makeUser(db, ['dossierbehandelaar']);
  const roles: Actor['roles'] = ['dossierbehandelaar'];
  return { kind: 'user', userId: u.id, label: u.username, roles, organisationIds: [], channel: 'api' };
}

describeEachDb('settlement run job', ({ db }) => {
  it('an interrupted run is retried and pays each line once', async () => {
    const owner = await behandelaar(db());
    // A first attempt dies half-way (a restart after 5 of 9 worker-months): nothing is written.
    await expect(
      settlementRunJob.run(
        {
          db: db(),
          actor: owner,
          jobId: 'x',
          payload,
          progress(done) {
            if (done === 5) throw new Error('restart');
          },
        },
        { measure: 'collectief-maatwerk', period: '2024-Q2' },
      ),
    ).rejects.toThrow('restart');
    expect(await listRuns(db(), owner, { period: '2024-Q2' })).toEqual([]);

    const job = await submitJob(
      db(),
      jobRegistry,
      owner,
      'settlement.run',
      { measure: 'collectief-maatwerk', period: '2024-Q2' },
      { payload, total: wages.length },
    );
    // The worker that took it stopped: the row says 'bezig' with an old heartbeat.
    await db().query(
      "UPDATE jobs SET state = 'bezig', attempts = 1, heartbeat_at = now() - interval '1 hour' WHERE id = $1",
      [job.id],
    );
    expect(await markInterruptedJobs(db(), 60)).toBeGreaterThanOrEqual(1);
    expect((await getJob(db(), jobRegistry, owner, job.id)).state).toBe('onderbroken');
    await retryJob(db(), jobRegistry, owner, job.id);
    await runPendingJobs(db(), jobRegistry);
    const done = await getJob(db(), jobRegistry, owner, job.id);
    expect(done).toMatchObject({ state: 'klaar', attempts: 2, progress: { done: 9, total: 9 } });
    const result = done.result as { id: string; totals: unknown; line_count: number };
    expect(result.totals).toEqual({ due: 9620.82, advances: 0, balance: 9620.82 });
    expect(result.line_count).toBe(12); // 9 loonpremie + 3 begeleidingspremie

    const runs = await listRuns(db(), owner, { period: '2024-Q2' });
    expect(runs).toHaveLength(1);
    const run = await getRun(db(), owner, result.id);
    expect(run.lines).toHaveLength(12);
    expect(new Set(run.lines.map((l) => l.key)).size).toBe(12);

    // The same data again as a new job: nothing new to pay, no second run.
    const again = await submitJob(
      db(),
      jobRegistry,
      owner,
      'settlement.run',
      { measure: 'collectief-maatwerk', period: '2024-Q2' },
      { payload },
    );
    await runPendingJobs(db(), jobRegistry);
    const second = await getJob(db(), jobRegistry, owner, again.id);
    expect(second.result).toMatchObject({ status: 'ongewijzigd', line_count: 0 });
    expect(await listRuns(db(), owner, { period: '2024-Q2' })).toHaveLength(1);
    const { rows } = await db().query<{ n: number }>('SELECT count(*)::int AS n FROM settlement_lines');
    expect(rows[0]!.n).toBe(12);
  });
});
