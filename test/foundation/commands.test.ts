import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ALL_COMMANDS } from '../../src/app/index.ts';
import { defineCommand, execute } from '../../src/commands/index.ts';
import { ValidationError } from '../../src/domain/errors.ts';
import { describeEachDb } from '../support/db.ts';
import { admin, kboFor } from '../support/factories.ts';

/** A test command that inserts an organisation and then does whatever the test asks. */
const insertThen = defineCommand({
  name: 'test/insert-then',
  summary: 'test',
  input: z.object({ kbo: z.string(), afterwards: z.enum(['ok', 'throw', 'bad-audit']) }),
  authorize: () => {},
  async run({ tx }, input) {
    const { rows } = await tx.query<{ id: string }>(
      "INSERT INTO organisations (kbo, name, type) VALUES ($1, 'x', 'andere') RETURNING id",
      [input.kbo],
    );
    const id = rows[0]!.id;
    if (input.afterwards === 'throw') throw new Error('failure after the write');
    // An organisation id that is not a uuid makes the audit insert itself fail.
    const organisationId = input.afterwards === 'bad-audit' ? 'not-a-uuid' : id;
    return { result: id, audit: { entityType: 'organisation', entityId: id, organisationId } };
  },
});

describeEachDb('the command executor', ({ db }) => {
  const count = async (kbo: string) => {
    const orgs = await db().query<{ n: number }>(
      'SELECT count(*)::int AS n FROM organisations WHERE kbo = $1',
      [kbo],
    );
    const audit = await db().query<{ n: number }>(
      'SELECT count(*)::int AS n FROM audit_events a JOIN organisations o ON o.id::text = a.entity_id WHERE o.kbo = $1',
      [kbo],
    );
    const orphanAudit = await db().query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_events WHERE action = 'test/insert-then' AND entity_id NOT IN (SELECT id::text FROM organisations)",
    );
    return { orgs: orgs.rows[0]!.n, audit: audit.rows[0]!.n, orphanAudit: orphanAudit.rows[0]!.n };
  };

  it('commits the change and its audit event together', async () => {
    const kbo = kboFor(1001);
    const id = await execute(db(), insertThen, admin, { kbo, afterwards: 'ok' });
    expect(await count(kbo)).toEqual({ orgs: 1, audit: 1, orphanAudit: 0 });
    const { rows } = await db().query<{ actor_label: string; action: string; channel: string }>(
      'SELECT actor_label, action, channel FROM audit_events WHERE entity_id = $1',
      [id],
    );
    expect(rows).toEqual([{ actor_label: 'test', action: 'test/insert-then', channel: 'system' }]);
  });

  it('rolls the change back when the command fails after writing', async () => {
    const kbo = kboFor(1002);
    await expect(execute(db(), insertThen, admin, { kbo, afterwards: 'throw' })).rejects.toThrow(
      'failure after the write',
    );
    expect(await count(kbo)).toEqual({ orgs: 0, audit: 0, orphanAudit: 0 });
  });

  it('rolls the change back when its audit event cannot be written', async () => {
    const kbo = kboFor(1003);
    await expect(execute(db(), insertThen, admin, { kbo, afterwards: 'bad-audit' })).rejects.toThrow();
    expect(await count(kbo)).toEqual({ orgs: 0, audit: 0, orphanAudit: 0 });
  });

  it('validates input before touching the database and names every bad field', async () => {
    const err = await execute(db(), insertThen, admin, { kbo: 12, afterwards: 'later' }).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).issues.map((i) => i.path)).toEqual(['kbo', 'afterwards']);
  });
});

describeEachDb('the audit log', ({ db }) => {
  it('refuses UPDATE, DELETE and TRUNCATE: it is append-only', async () => {
    await execute(db(), insertThen, admin, { kbo: kboFor(2001), afterwards: 'ok' });
    await expect(db().query("UPDATE audit_events SET action = 'tampered'")).rejects.toThrow(/append-only/);
    await expect(db().query('DELETE FROM audit_events')).rejects.toThrow(/append-only/);
    await expect(db().query('TRUNCATE audit_events')).rejects.toThrow(/append-only/);
    const { rows } = await db().query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_events WHERE action = 'tampered'",
    );
    expect(rows[0]!.n).toBe(0);
  });
});

describe('the commands of every module', () => {
  it('are named module/verb, once each: the names are the audit log’s action codes', () => {
    const names = ALL_COMMANDS.map((c) => c.name);
    expect(names.filter((n) => !/^[a-z]+\/[a-z0-9-]+$/.test(n))).toEqual([]);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
    expect(names).toContain('dossiers/aanvragen');
  });
});
