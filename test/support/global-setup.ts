/**
 * Prepares the databases every test suite starts from, once per test run:
 * - PGlite: a migrated data folder, dumped to a file that each suite loads (≈0.5 s instead of an
 *   initdb of ≈3 s);
 * - PostgreSQL (when TREDE_TEST_DATABASE_URL is set): a migrated template database that each suite
 *   copies with CREATE DATABASE … TEMPLATE.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/db/client.ts';
import { migrate } from '../../src/db/migrate.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteDump: string;
    postgresTemplate: string | null;
  }
}

export default async function setup(project: TestProject) {
  // The entry points run from the precompiled sources (bin/build.mjs): build them once here, not
  // in every test that starts the CLI or the server at the same time.
  const built = spawnSync(
    process.execPath,
    [fileURLToPath(new URL('../../bin/build.mjs', import.meta.url)), '--if-stale'],
    {
      encoding: 'utf8',
    },
  );
  if (built.status !== 0) throw new Error(`bin/build.mjs: ${built.stderr}`);

  const db = await openDatabase({});
  await migrate(db);
  const dump = await (db as unknown as { dumpDataDir(): Promise<Blob> }).dumpDataDir();
  await db.close();
  const dumpPath = join(tmpdir(), `trede-test-${process.pid}.tar`);
  writeFileSync(dumpPath, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteDump', dumpPath);

  const url = process.env.TREDE_TEST_DATABASE_URL;
  let template: string | null = null;
  if (url) {
    template = `trede_tpl_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${template}`);
    await admin.query(`CREATE DATABASE ${template}`);
    await admin.end();
    const tpl = await openDatabase({ url: withDatabase(url, template) });
    await migrate(tpl);
    await tpl.close();
  }
  project.provide('postgresTemplate', template);

  return async () => {
    if (url && template) {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
      await admin.end();
    }
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
