/**
 * Opening Trede: connect to the database (embedded or server), apply migrations, create the first
 * administrator on an empty database. Reference data lives in data files beside each module.
 */

import type { Config } from '../config.ts';
import { type Db, migrate, openDatabase } from '../db/index.ts';
import { ensureInitialAdmin } from '../users/index.ts';

export interface OpenedApp {
  db: Db;
  appliedMigrations: string[];
  /** Set only on the first start of an empty database. */
  initialAdmin: { username: string; oneTimePassword: string | null } | null;
}

export async function openApp(config: Config, options: { createAdmin?: boolean } = {}): Promise<OpenedApp> {
  const db = await openDatabase(
    config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir },
  );
  try {
    const appliedMigrations = await migrate(db);
    const initialAdmin =
      options.createAdmin === false ? null : await ensureInitialAdmin(db, config.adminPassword);
    return { db, appliedMigrations, initialAdmin };
  } catch (e) {
    await db.close().catch(() => {});
    throw e;
  }
}
