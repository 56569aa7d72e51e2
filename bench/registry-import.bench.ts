/**
 * Registry import: a synthetic dataset of 100,000 placements (with their 100,000 persons and 1,000
 * organisations) written as CSV, then imported into a fresh in-memory PGlite through the real
 * command (streamed parsing, validation, one transaction, placement rule checks).
 */
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemActor } from '../src/access/index.ts';
import { execute } from '../src/commands/index.ts';
import { migrate, openDatabase } from '../src/db/index.ts';
import { csvRecords, type ImportKind, importRegistry } from '../src/registry/import.ts';

const PLACEMENTS = 100_000;
const ORGANISATIONS = 1_000;
const MEASURES = ['collectief-maatwerk', 'lde', 'wijk-werken', 'ama'];

/** A valid KBO number: 0, seven digits from n, and the check digits 97 − (first eight mod 97). */
function kbo(n: number): string {
  const first8 = `0${String(2_000_000 + n).padStart(7, '0')}`;
  return `${first8}${String(97 - (Number(first8) % 97)).padStart(2, '0')}`;
}

/** A valid pre-2000 INSZ for n < 2,000,000: birth date 1950-1998, sequence from n. */
function insz(n: number): string {
  const yy = 50 + (n % 49);
  const mm = 1 + (Math.floor(n / 49) % 12);
  const dd = 1 + (Math.floor(n / 588) % 28);
  const seq = 1 + (Math.floor(n / 16_464) % 997);
  const base = `${yy}${String(mm).padStart(2, '0')}${String(dd).padStart(2, '0')}${String(seq).padStart(3, '0')}`;
  return `${base}${String(97 - (Number(base) % 97)).padStart(2, '0')}`;
}

export async function run(log: (line: string) => void): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'trede-bench-'));
  try {
    const t0 = performance.now();
    const orgs = ['kbo,naam,type,nis_code'];
    for (let i = 0; i < ORGANISATIONS; i++)
      orgs.push(`${kbo(i)},Organisatie ${i},maatwerkbedrijf,${31_000 + (i % 50)}`);
    const persons = ['insz,voornaam,achternaam'];
    const placements = ['insz,kbo,maatregel,start,einde,vte,uren_per_week'];
    for (let i = 0; i < PLACEMENTS; i++) {
      const id = insz(i);
      persons.push(`${id},Voornaam${i},Achternaam${i}`);
      const start = `20${String(20 + (i % 6)).padStart(2, '0')}-${String(1 + (i % 12)).padStart(2, '0')}-01`;
      const end = i % 3 === 0 ? '' : `2026-${String(1 + (i % 12)).padStart(2, '0')}-28`;
      placements.push(
        `${id},${kbo(i % ORGANISATIONS)},${MEASURES[i % MEASURES.length]},${start},${end},0.${5 + (i % 5)},${19 + (i % 19)}`,
      );
    }
    const files: [ImportKind, string][] = [
      ['organisaties', join(dir, 'organisaties.csv')],
      ['personen', join(dir, 'personen.csv')],
      ['plaatsingen', join(dir, 'plaatsingen.csv')],
    ];
    writeFileSync(files[0]![1], `${orgs.join('\n')}\n`);
    writeFileSync(files[1]![1], `${persons.join('\n')}\n`);
    writeFileSync(files[2]![1], `${placements.join('\n')}\n`);
    log(
      `dataset: ${ORGANISATIONS} organisaties, ${PLACEMENTS} personen, ${PLACEMENTS} plaatsingen (${Math.round(performance.now() - t0)} ms)`,
    );

    const db = await openDatabase({});
    await migrate(db);
    const actor = systemActor('system', 'bench');
    for (const round of ['eerste import', 'herimport']) {
      for (const [kind, file] of files) {
        const t = performance.now();
        const cpu = process.cpuUsage();
        const report = await execute(db, importRegistry, actor, {
          kind,
          fileName: file,
          records: csvRecords(createReadStream(file)),
        });
        const ms = performance.now() - t;
        const used = process.cpuUsage(cpu);
        const cpuMs = (used.user + used.system) / 1000;
        const expected = kind === 'organisaties' ? ORGANISATIONS : PLACEMENTS;
        if (report.rows !== expected) throw new Error(`${kind}: ${report.rows} rijen, verwacht ${expected}`);
        if (round === 'herimport' && report.unchanged !== expected)
          throw new Error(`${kind}: herimport wijzigde ${expected - report.unchanged} rijen`);
        log(
          `${round} ${kind}: ${report.rows} rijen in ${(ms / 1000).toFixed(2)} s = ${Math.round(report.rows / (ms / 1000))} rijen/s; CPU ${(cpuMs / 1000).toFixed(2)} s (nieuw ${report.inserted}, ongewijzigd ${report.unchanged})`,
        );
      }
    }
    const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM placements');
    if (rows[0]!.n !== PLACEMENTS) throw new Error(`${rows[0]!.n} plaatsingen in de database`);
    await db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
