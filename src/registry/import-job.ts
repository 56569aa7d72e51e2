/**
 * The registry import as a durable job: the uploaded file is kept with the job, the import itself
 * is the one all-or-nothing `registry/import` command, so a job stopped half-way has written
 * nothing and can be run again from the same file.
 */
import { Readable } from 'node:stream';
import { z } from 'zod';
import { execute } from '../commands/index.ts';
import { defineJob } from '../jobs/index.ts';
import { IMPORT_KINDS, type ImportRecord, importRegistry, recordsOf } from './import.ts';

export const importJobInput = z.object({
  kind: z.enum(IMPORT_KINDS, { error: `kies een soort: ${IMPORT_KINDS.join(', ')}` }),
  fileName: z.string().min(1).max(300),
  format: z.enum(['csv', 'xlsx']),
});

export const registryImportJob = defineJob({
  kind: 'registry.import',
  summary: 'Gegevens inlezen',
  permission: 'registry:write',
  input: importJobInput,
  payload: true,
  async run(ctx, input) {
    let done = 0;
    const source = Readable.from(Buffer.from(ctx.payload ?? new Uint8Array()), { objectMode: false });
    async function* counted(records: AsyncIterable<ImportRecord>): AsyncGenerator<ImportRecord> {
      for await (const r of records) {
        // Line 0 is the header the readers pass first.
        if (r.line > 0) ctx.progress(++done);
        yield r;
      }
    }
    return execute(ctx.db, importRegistry, ctx.actor, {
      kind: input.kind,
      fileName: input.fileName,
      records: counted(recordsOf(input.format, source)),
    });
  },
});

/** Data lines of a CSV file: its lines without the header and a trailing empty line. */
export function csvDataLines(content: Uint8Array): number {
  let lines = 0;
  for (const byte of content) if (byte === 0x0a) lines++;
  if (content.length > 0 && content[content.length - 1] !== 0x0a) lines++;
  return Math.max(0, lines - 1);
}
