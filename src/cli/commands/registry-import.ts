/** `npx trede registry import <kind> <file>`: streamed, with a progress bar on stderr. */
import { createReadStream, statSync } from 'node:fs';
import { Transform } from 'node:stream';
import {
  formatFromName,
  formatIssue,
  IMPORT_KINDS,
  type ImportKind,
  ImportRejectedError,
  importRegistry,
  recordsOf,
} from '../../registry/index.ts';
import { withCli } from '../context.ts';
import { AlreadyReported, CliUsageError, type Io, printJson } from '../output.ts';

export async function runImportCli(
  io: Io,
  kind: string,
  file: string,
  o: { format: string },
  tty = Boolean(process.stderr.isTTY),
): Promise<void> {
  if (!(IMPORT_KINDS as readonly string[]).includes(kind))
    throw new CliUsageError(`onbekende soort '${kind}'; kies ${IMPORT_KINDS.join(', ')}`);
  const format = formatFromName(file);
  if (!format) throw new CliUsageError('het bestand moet eindigen op .csv of .xlsx');
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new CliUsageError(`bestand '${file}' niet gevonden`);
  }
  let bytes = 0;
  let lastDraw = 0;
  const draw = (done: boolean) => {
    const now = Date.now();
    if (!done && now - lastDraw < 200) return;
    lastDraw = now;
    const pct = size ? Math.min(1, bytes / size) : 1;
    const width = 30;
    const bar = '█'.repeat(Math.round(pct * width)).padEnd(width, '░');
    const text = `Inlezen ${bar} ${Math.round(pct * 100)} %`;
    if (tty) io.err(`\r${text}${done ? '\n' : ''}`);
    else if (done) io.err(`${text}\n`);
  };
  const counter = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      bytes += chunk.length;
      draw(false);
      cb(null, chunk);
    },
  });
  const source = createReadStream(file).pipe(counter);
  try {
    const report = await withCli((ctx) =>
      ctx.run(importRegistry, {
        kind: kind as ImportKind,
        fileName: file,
        records: (async function* () {
          yield* recordsOf(format, source);
          bytes = size;
          draw(true);
          if (tty) io.err('Wegschrijven…\n');
        })(),
      }),
    );
    if (o.format === 'json') return printJson(io, report);
    io.out(
      `${report.rows} rijen ingelezen (${kind}): ${report.inserted} nieuw, ${report.updated} gewijzigd, ${report.unchanged} ongewijzigd.\n`,
    );
  } catch (e) {
    if (tty) io.err('\n');
    if (e instanceof ImportRejectedError) {
      io.err(`Fout: ${e.message}\n`);
      for (const i of e.importIssues) io.err(`${formatIssue(i)}\n`);
      throw new AlreadyReported(2);
    }
    throw e;
  }
}
