export {
  type Db,
  type DbOptions,
  openDatabase,
  type Queryable,
  type QueryResult,
  type Row,
  type Tx,
} from './client.ts';
export { readYamlData } from './data-files.ts';
export { DatabaseLockedError, LOCK_FILE, lockDataDir } from './folder-lock.ts';
export { loadMigrations, MIGRATIONS_DIR, type Migration, migrate } from './migrate.ts';
export {
  Conditions,
  limitOffset,
  orderBy,
  type Page,
  type PageRequest,
  pageRequestSchema,
} from './paging.ts';
