/**
 * Applies the SQL migrations in `src/db/migrations` in file-name order, each in its own
 * transaction, and records them with a checksum. One migration set serves PGlite and PostgreSQL.
 * An applied migration is never edited: a changed checksum stops the start-up.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from './client.ts';

export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

/** Returns the names of the migrations it applied. */
export async function migrate(db: Db, migrations = loadMigrations()): Promise<string[]> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    name text PRIMARY KEY,
    checksum text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  const applied: string[] = [];
  for (const m of migrations) {
    const done = await db.transaction(async (tx) => {
      // Serialise concurrent start-ups against one PostgreSQL server.
      await tx.query('SELECT pg_advisory_xact_lock(7261001)');
      const { rows } = await tx.query<{ checksum: string }>(
        'SELECT checksum FROM schema_migrations WHERE name = $1',
        [m.name],
      );
      const existing = rows[0];
      if (existing) {
        if (existing.checksum !== m.checksum) {
          throw new Error(
            `Migratie ${m.name} is gewijzigd nadat ze werd toegepast; voeg een nieuwe migratie toe in plaats daarvan.`,
          );
        }
        return false;
      }
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (name, checksum) VALUES ($1, $2)', [m.name, m.checksum]);
      return true;
    });
    if (done) applied.push(m.name);
  }
  return applied;
}
