import { expect, it } from 'vitest';
import { z } from 'zod';
import type { Actor } from '../../src/access/index.ts';
import { jobRegistry } from '../../src/app/index.ts';
import { RuleViolationError } from '../../src/domain/index.ts';
import {
  defineJob,
  getJob,
  JobRegistry,
  markInterruptedJobs,
  retryJob,
  runPendingJobs,
  submitJob,
} from '../../src/jobs/index.ts';
import { inszFor } from '../registry/support.ts';
import { describeEachDb } from '../support/db.ts';
import { makeUser } from '../support/factories.ts';

const count = defineJob({
  kind: 'test.count',
  summary: 'Tellen',
  permission: 'registry:write',
  input: z.object({ to: z.number().int().min(1), fail: z.enum(['no', 'domain', 'internal']).default('no') }),
  async run(ctx, input) {
    for (let i = 1; i <= input.to; i++) ctx.progress(i, input.to);
    if (input.fail === 'domain') throw new RuleViolationError('te_veel', 'Te veel om te tellen.');
    if (input.fail === 'internal') throw new Error('disk on fire');
    return { counted: input.to };
  },
});
const registry = new JobRegistry([count]);

async function userActor(db: Parameters<typeof makeUser>[0], roles: Actor['roles']): Promise<Actor> {
  const u = await makeUser(db, [...roles]);
  return { kind: 'user', userId: u.id, label: u.username, roles, organisationIds: [], channel: 'api' };
}

describeEachDb('durable jobs', ({ db, backend }) => {
  it('runs a submitted job to its result, visible to its owner and a beheerder only', async () => {
    const owner = await userActor(db(), ['dossierbehandelaar']);
    const job = await submitJob(db(), registry, owner, 'test.count', { to: 7 });
    expect(job).toMatchObject({ state: 'wachtend', kind: 'test.count', summary: 'Tellen', attempts: 0 });
    expect(await runPendingJobs(db(), registry)).toBe(1);
    const done = await getJob(db(), registry, owner, job.id);
    expect(done).toMatchObject({
      state: 'klaar',
      result: { counted: 7 },
      progress: { done: 7, total: 7, fraction: 1 },
      attempts: 1,
      retryable: false,
    });
    const other = await userActor(db(), ['dossierbehandelaar']);
    await expect(getJob(db(), registry, other, job.id)).rejects.toMatchObject({ kind: 'not_found' });
    const admin = await userActor(db(), ['beheerder']);
    expect((await getJob(db(), registry, admin, job.id)).state).toBe('klaar');
  });

  it('refuses bad input and a role without the permission before anything is queued', async () => {
    const owner = await userActor(db(), ['dossierbehandelaar']);
    await expect(submitJob(db(), registry, owner, 'test.count', { to: 0 })).rejects.toMatchObject({
      kind: 'validation',
      details: [{ path: 'to' }],
    });
    await expect(submitJob(db(), registry, owner, 'test.nope', {})).rejects.toMatchObject({
      kind: 'validation',
    });
    const analist = await userActor(db(), ['analist']);
    await expect(submitJob(db(), registry, analist, 'test.count', { to: 1 })).rejects.toMatchObject({
      kind: 'forbidden',
    });
  });

  it('marks a job interrupted when its process stopped, and runs it again on retry', async () => {
    const owner = await userActor(db(), ['dossierbehandelaar']);
    const job = await submitJob(db(), registry, owner, 'test.count', { to: 3 });
    // A worker took it and died: the row says 'bezig' with an old heartbeat.
    await db().query(
      "UPDATE jobs SET state = 'bezig', attempts = 1, heartbeat_at = now() - interval '1 hour' WHERE id = $1",
      [job.id],
    );
    expect(await markInterruptedJobs(db(), 60)).toBeGreaterThanOrEqual(1);
    const interrupted = await getJob(db(), registry, owner, job.id);
    expect(interrupted).toMatchObject({ state: 'onderbroken', retryable: true });
    expect((await retryJob(db(), registry, owner, job.id)).state).toBe('wachtend');
    await runPendingJobs(db(), registry);
    expect(await getJob(db(), registry, owner, job.id)).toMatchObject({ state: 'klaar', attempts: 2 });
    await expect(retryJob(db(), registry, owner, job.id)).rejects.toMatchObject({
      code: 'job_not_retryable',
    });
    if (backend === 'postgres') {
      // A live worker's job (fresh heartbeat) on a shared server is left alone.
      const live = await submitJob(db(), registry, owner, 'test.count', { to: 1 });
      await db().query("UPDATE jobs SET state = 'bezig', heartbeat_at = now() WHERE id = $1", [live.id]);
      await markInterruptedJobs(db(), 60);
      expect((await getJob(db(), registry, owner, live.id)).state).toBe('bezig');
      await db().query("UPDATE jobs SET state = 'klaar' WHERE id = $1", [live.id]);
    }
  });

  it('records a refusal as not retryable and an unexpected failure as retryable', async () => {
    const owner = await userActor(db(), ['dossierbehandelaar']);
    const refused = await submitJob(db(), registry, owner, 'test.count', { to: 2, fail: 'domain' });
    const crashed = await submitJob(db(), registry, owner, 'test.count', { to: 2, fail: 'internal' });
    await runPendingJobs(db(), registry);
    expect(await getJob(db(), registry, owner, refused.id)).toMatchObject({
      state: 'mislukt',
      error: { code: 'te_veel', message: 'Te veel om te tellen.' },
      retryable: false,
    });
    expect(await getJob(db(), registry, owner, crashed.id)).toMatchObject({
      state: 'mislukt',
      error: { code: 'internal_error' },
      retryable: true,
    });
  });

  it('imports a registry file as a job: all rows, or none when one row is wrong', async () => {
    const owner = await userActor(db(), ['dossierbehandelaar']);
    const csv = (rows: string[]) =>
      new TextEncoder().encode(`insz,voornaam,achternaam\n${rows.join('\n')}\n`);
    const good = await submitJob(
      db(),
      jobRegistry,
      owner,
      'registry.import',
      { kind: 'personen', fileName: 'p.csv', format: 'csv' },
      { payload: csv([`${inszFor(71)},An,Job`, `${inszFor(72)},Bo,Job`]), total: 2 },
    );
    const bad = await submitJob(
      db(),
      jobRegistry,
      owner,
      'registry.import',
      { kind: 'personen', fileName: 'q.csv', format: 'csv' },
      { payload: csv([`${inszFor(73)},Cas,Job`, '12345,Fout,Job']) },
    );
    await runPendingJobs(db(), jobRegistry);
    expect(await getJob(db(), jobRegistry, owner, good.id)).toMatchObject({
      state: 'klaar',
      progress: { done: 2, total: 2 },
      result: { rows: 2, inserted: 2 },
    });
    const refused = await getJob(db(), jobRegistry, owner, bad.id);
    expect(refused).toMatchObject({ state: 'mislukt', error: { code: 'import_rejected' }, retryable: false });
    const { rows } = await db().query<{ n: number }>(
      "SELECT count(*)::int AS n FROM persons WHERE last_name = 'Job'",
    );
    expect(rows[0]!.n).toBe(2);
    // The file with personal data is not kept once the job has ended.
    const kept = await db().query('SELECT id FROM jobs WHERE payload IS NOT NULL AND id = ANY($1::uuid[])', [
      [good.id, bad.id],
    ]);
    expect(kept.rows).toEqual([]);
  });
});
