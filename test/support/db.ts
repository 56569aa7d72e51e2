/**
 * The shared database test harness: `describeEachDb` runs the same suite against PGlite and, when
 * TREDE_TEST_DATABASE_URL is set, against PostgreSQL (Hono's "one behaviour suite, every
 * implementation"). Each suite gets its own fresh, migrated database.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { type Db, openDatabase } from '../../src/db/client.ts';
import { withDatabase } from './global-setup.ts';

export type Backend = 'pglite' | 'postgres';

export function backends(): Backend[] {
  return process.env.TREDE_TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

export interface TestDb {
  db: Db;
  backend: Backend;
  drop(): Promise<void>;
}

let dumpCache: Blob | undefined;

export async function createTestDb(backend: Backend): Promise<TestDb> {
  if (backend === 'pglite') {
    dumpCache ??= new Blob([readFileSync(inject('pgliteDump'))]);
    const db = await openDatabase({ loadDataDir: dumpCache });
    return { db, backend, drop: () => db.close() };
  }
  const url = process.env.TREDE_TEST_DATABASE_URL!;
  const template = inject('postgresTemplate');
  if (!template) throw new Error('De PostgreSQL-template ontbreekt (global-setup).');
  const name = `trede_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  await admin.end();
  const db = await openDatabase({ url: withDatabase(url, name) });
  return {
    db,
    backend,
    async drop() {
      await db.close();
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

/**
 * Declares `title` once per backend: `title [pglite]`, `title [postgres]`. The callback receives a
 * getter for the suite's database (available from `beforeAll` on).
 */
export function describeEachDb(
  title: string,
  suite: (ctx: { db: () => Db; backend: Backend }) => void,
): void {
  for (const backend of backends()) {
    describe(`${title} [${backend}]`, () => {
      let t: TestDb | undefined;
      beforeAll(async () => {
        t = await createTestDb(backend);
      });
      afterAll(async () => {
        await t?.drop();
      });
      suite({
        db: () => {
          if (!t) throw new Error('database not ready');
          return t.db;
        },
        backend,
      });
    });
  }
}
