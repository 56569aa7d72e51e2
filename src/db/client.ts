/**
 * One database interface over two backends that speak the same PostgreSQL dialect: PGlite
 * (Postgres compiled to WASM, embedded, the default) and a PostgreSQL server (production, CI).
 * Results are normalised so both return the same JavaScript values: int8 as number, date as
 * 'YYYY-MM-DD' string, numeric as exact string, timestamptz as Date.
 */
import { mkdirSync } from 'node:fs';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import type pg from 'pg';
import { lockDataDir } from './folder-lock.ts';

export type Row = Record<string, unknown>;

export interface QueryResult<T> {
  rows: T[];
  rowCount: number;
}

export interface Queryable {
  query<T = Row>(sql: string, params?: readonly unknown[]): Promise<QueryResult<T>>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export type Tx = Queryable;

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface DbOptions {
  /** A `postgres://` URL; when set, Trede talks to that server instead of the embedded database. */
  url?: string;
  /** Folder of the embedded database; omitted means in memory (tests). */
  dataDir?: string;
  /** A dump of a data folder to start from (fast test databases). */
  loadDataDir?: Blob;
}

const INT8 = 20;
const DATE = 1082;

export async function openDatabase(options: DbOptions): Promise<Db> {
  return options.url ? openPostgres(options.url) : openPglite(options);
}

async function openPglite(options: DbOptions): Promise<Db> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  // One process per folder: refused with a clear message while another process holds it.
  const unlock = options.dataDir ? lockDataDir(options.dataDir) : () => {};
  const parsers = {
    [pgliteTypes.INT8]: (v: string) => Number(v),
    [pgliteTypes.DATE]: (v: string) => v,
  };
  let lite: PGlite;
  try {
    lite = await PGlite.create({
      ...(options.dataDir ? { dataDir: options.dataDir } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      parsers,
    });
  } catch (e) {
    unlock();
    throw e;
  }
  const wrap = (q: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const r = await q.query<T>(sql, params as unknown[]);
      return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
  });
  const base = wrap(lite);
  return {
    kind: 'pglite',
    ...base,
    // PGlite serialises work: a query issued outside a running transaction waits until it ends.
    transaction: (fn) => lite.transaction((tx) => fn(wrap(tx))),
    close: async () => {
      try {
        await lite.close();
      } finally {
        unlock();
      }
    },
    // Exposed for test fixtures that dump a migrated database once and load it per suite.
    dumpDataDir: () => lite.dumpDataDir('none'),
  } as Db;
}

async function openPostgres(url: string): Promise<Db> {
  // Imported here: the embedded database (the default) never needs the PostgreSQL client.
  const { default: pg } = await import('pg');
  const pgTypes = {
    getTypeParser(oid: number, format?: 'text' | 'binary') {
      if (oid === INT8) return (v: string) => Number(v);
      if (oid === DATE) return (v: string) => v;
      return pg.types.getTypeParser(oid, format);
    },
  };
  const pool = new pg.Pool({ connectionString: url, types: pgTypes as pg.CustomTypesConfig, max: 10 });
  pool.on('error', (err) => console.error('PostgreSQL-verbinding verbroken:', err.message));
  const wrap = (c: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const r = await c.query(sql, params as unknown[]);
      return { rows: r.rows as T[], rowCount: r.rowCount ?? r.rows.length };
    },
    async exec(sql: string) {
      await c.query(sql);
    },
  });
  // Fail fast with a clear message when the server is not reachable.
  await pool.query('select 1');
  return {
    kind: 'postgres',
    ...wrap(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => {});
        throw e;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
