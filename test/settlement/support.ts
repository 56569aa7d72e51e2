/** Helpers for the settlement suites: registry data loaded through the real import command. */
import { Readable } from 'node:stream';
import { execute } from '../../src/commands/index.ts';
import type { Db } from '../../src/db/client.ts';
import { type ImportKind, importRegistry, recordsOf } from '../../src/registry/index.ts';
import { admin } from '../support/factories.ts';

export function importCsv(db: Db, kind: ImportKind, csv: string) {
  return execute(db, importRegistry, admin, {
    kind,
    fileName: `${kind}.csv`,
    records: recordsOf('csv', Readable.from([csv])),
  });
}

export { inszFor } from '../registry/support.ts';
export { admin, kboFor } from '../support/factories.ts';
