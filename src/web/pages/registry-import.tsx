/**
 * Register › inlezen: a CSV or XLSX file for the registry. A small file is read at once; a large
 * one becomes a durable background job (`registry.import`) whose page follows its progress,
 * which survives a restart of the server as an interrupted job that can be started again.
 */
import { Readable } from 'node:stream';
import type { Hono } from 'hono';
import { can } from '../../access/index.ts';
import {
  describeForLog,
  ForbiddenError,
  isDomainError,
  NotFoundError,
  ValidationError,
} from '../../domain/index.ts';
import type { AppEnv } from '../../http/index.ts';
import { checkCsrf, run } from '../../http/index.ts';
import type { JobView } from '../../jobs/index.ts';
import {
  csvDataLines,
  formatFromName,
  IMPORT_COLUMNS,
  IMPORT_KINDS,
  type ImportIssue,
  ImportRejectedError,
  type ImportReport,
  importRegistry,
  recordsOf,
} from '../../registry/index.ts';
import { Actions, Csrf, Select } from '../components/forms.tsx';
import { Layout } from '../components/layout.tsx';
import { requireWebUser, type WebContext } from '../context.ts';
import { formatNumber } from '../format.ts';
import { plural } from '../plural.ts';
import { RegistryNav } from './registry-shared.tsx';

/** CSV files with more data lines than this, and larger XLSX files, are imported in the background. */
const BACKGROUND_CSV_LINES = 1000;
const BACKGROUND_XLSX_BYTES = 100_000;
const JOB_KIND = 'registry.import';
const ENDED = new Set<JobView['state']>(['klaar', 'mislukt', 'onderbroken']);

const KIND_LABELS: Record<string, string> = {
  organisaties: 'Organisaties',
  personen: 'Personen',
  plaatsingen: 'Plaatsingen',
  indicaties: 'Indiceringen',
  lonen: 'Loongegevens per kwartaal',
};

function ImportForm(p: { c: WebContext; kind?: string | undefined }) {
  const auth = requireWebUser(p.c);
  return (
    <form method="post" action="/register/import" enctype="multipart/form-data">
      <Csrf token={auth.csrfToken} />
      <Select
        name="kind"
        label="Soort gegevens"
        required
        value={p.kind}
        options={IMPORT_KINDS.map((k) => ({
          value: k,
          label: `${KIND_LABELS[k]} (${IMPORT_COLUMNS[k].required.join(', ')})`,
        }))}
      />
      <div class="field">
        <label for="veld-file">Bestand (.csv of .xlsx)</label>
        <p class="hint" id="veld-file-hint">
          Kopregel met exact deze kolomnamen; datums als JJJJ-MM-DD, decimalen met een punt. Alles of niets:
          bij één foute rij wordt niets ingelezen. Een bestand met meer dan 1.000 rijen wordt op de
          achtergrond ingelezen; u ziet dan hoe ver het staat.
        </p>
        <input
          id="veld-file"
          type="file"
          name="file"
          accept=".csv,.xlsx"
          required
          aria-describedby="veld-file-hint"
        />
      </div>
      <Actions>
        <button type="submit" data-busy="Bezig met inlezen…">
          Inlezen
        </button>
      </Actions>
    </form>
  );
}

function ImportErrors(p: { issues: ImportIssue[] }) {
  return (
    <div class="error-summary" role="alert" tabindex={-1}>
      <h2>
        Er is niets ingelezen: {plural(new Set(p.issues.map((i) => i.line)).size, 'foute rij', 'foute rijen')}
      </h2>
      <p>
        Elke fout staat hieronder met haar regel en kolom in het bestand. Verbeter het bestand en lees het
        opnieuw in.
      </p>
      <table class="data">
        <caption>Foutenrapport</caption>
        <thead>
          <tr>
            <th scope="col">Plaats</th>
            <th scope="col">Waarde</th>
            <th scope="col">Reden</th>
          </tr>
        </thead>
        <tbody>
          {p.issues.slice(0, 1000).map((i) => (
            <tr>
              <td>{`regel ${i.line}, kolom ${i.column}`}</td>
              <td>{i.value}</td>
              <td>{i.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {p.issues.length > 1000 && (
        <p>En nog {p.issues.length - 1000} fouten; gebruik de API of de CLI voor het volledige rapport.</p>
      )}
    </div>
  );
}

function importResultPage(
  c: WebContext,
  r: {
    kind: string;
    report?: ImportReport | null;
    issues?: ImportIssue[] | null;
    message?: string | null;
    /** An interrupted job can be started again from this page. */
    retryPath?: string | null;
  },
) {
  const auth = requireWebUser(c);
  const { report, issues, message } = r;
  return c.html(
    <Layout title="Gegevens inlezen" auth={auth} path={c.req.path}>
      <RegistryNav c={c} />
      {report && (
        <div class="flash" role="status">
          <p>
            {plural(report.rows, 'rij', 'rijen')} gelezen, {formatNumber(report.inserted + report.updated, 0)}{' '}
            weggeschreven: {formatNumber(report.inserted, 0)} nieuw, {formatNumber(report.updated, 0)}{' '}
            gewijzigd, {formatNumber(report.unchanged, 0)} ongewijzigd.
          </p>
        </div>
      )}
      {issues && <ImportErrors issues={issues} />}
      {message && (
        <div class="error-summary" role="alert">
          <p>{message}</p>
        </div>
      )}
      {r.retryPath && (
        <form method="post" action={r.retryPath}>
          <Csrf token={auth.csrfToken} />
          <Actions>
            <button type="submit">Opnieuw starten</button>
          </Actions>
        </form>
      )}
      <ImportForm c={c} kind={r.kind} />
    </Layout>,
    issues || message ? 400 : 200,
  );
}

function progressLabel(job: JobView): string {
  if (job.state === 'onderbroken') return 'Onderbroken.';
  if (ENDED.has(job.state)) return 'Klaar.';
  if (job.state === 'wachtend') return 'Wacht op zijn beurt…';
  const { done, total } = job.progress;
  const read = total
    ? `${formatNumber(done, 0)} van ${plural(total, 'rij', 'rijen')} gelezen`
    : `${plural(done, 'rij', 'rijen')} gelezen`;
  return total && done >= total ? `${read}; bezig met wegschrijven…` : `${read}…`;
}

/** What an ended import job shows: its counts, its error report, or why it stopped. */
function jobOutcome(job: JobView) {
  const issues =
    job.error?.code === 'import_rejected' && Array.isArray(job.error.details)
      ? (job.error.details as ImportIssue[])
      : null;
  const message =
    job.state === 'onderbroken'
      ? 'Het inlezen werd onderbroken doordat Trede herstartte; er is niets ingelezen. Start het opnieuw hieronder.'
      : job.error && !issues
        ? job.error.message
        : null;
  return {
    kind: String(job.input['kind'] ?? ''),
    report: (job.result as ImportReport | null) ?? null,
    issues,
    message,
  };
}

function errorOutcome(e: unknown): { issues?: ImportIssue[]; message?: string } {
  if (e instanceof ImportRejectedError) return { issues: e.importIssues };
  if (isDomainError(e)) return { message: e.message };
  console.error(`registry import failed: ${describeForLog(e)}`);
  return { message: 'Het inlezen is onverwacht mislukt; er is niets ingelezen. Probeer het opnieuw.' };
}

export function registerImportPages(web: Hono<AppEnv>): void {
  const mayImport = (c: WebContext) => {
    const auth = requireWebUser(c);
    if (!can(c.var.actor, 'registry:write')) throw new ForbiddenError('U mag geen gegevens inlezen.');
    return auth;
  };

  web.get('/import', (c) => {
    const auth = mayImport(c);
    return c.html(
      <Layout title="Gegevens inlezen" auth={auth} path={c.req.path}>
        <RegistryNav c={c} />
        <ImportForm c={c} />
      </Layout>,
    );
  });

  web.post('/import', async (c) => {
    mayImport(c);
    const body = await c.req.parseBody();
    await checkCsrf(c, typeof body['_csrf'] === 'string' ? body['_csrf'] : undefined);
    const kind = typeof body['kind'] === 'string' ? body['kind'] : '';
    const file = body['file'];
    try {
      if (!(file instanceof File) || file.size === 0) throw ValidationError.field('file', 'kies een bestand');
      const format = formatFromName(file.name);
      if (!format) throw ValidationError.field('file', 'het bestand moet eindigen op .csv of .xlsx');
      const content = new Uint8Array(await file.arrayBuffer());
      const total = format === 'csv' ? csvDataLines(content) : null;
      const background =
        format === 'csv' ? total! > BACKGROUND_CSV_LINES : content.length > BACKGROUND_XLSX_BYTES;
      if (background) {
        const job = await c.var.deps.jobs.submit(
          c.var.actor,
          JOB_KIND,
          { kind, fileName: file.name, format },
          { payload: content, total },
        );
        return c.redirect(`/register/import/${job.id}`, 303);
      }
      // A small file is answered at once, in this request.
      const report = await run(c, importRegistry, {
        kind,
        fileName: file.name,
        records: recordsOf(format, Readable.from(Buffer.from(content), { objectMode: false })),
      });
      return importResultPage(c, { kind, report });
    } catch (e) {
      return importResultPage(c, { kind, ...errorOutcome(e) });
    }
  });

  const ownJob = async (c: WebContext): Promise<JobView> => {
    mayImport(c);
    const id = c.req.param('job') ?? '';
    const job = /^[0-9a-f-]{36}$/.test(id) ? await c.var.deps.jobs.get(c.var.actor, id) : null;
    if (!job || job.kind !== JOB_KIND) throw new NotFoundError('Import', id);
    return job;
  };

  web.get('/import/:job/status', async (c) => {
    const job = await ownJob(c);
    const finished = ENDED.has(job.state);
    return c.json({
      done: job.progress.done,
      total: job.progress.total ?? 0,
      label: progressLabel(job),
      finished,
      redirect: finished ? `/register/import/${job.id}` : null,
    });
  });

  web.post('/import/:job/retry', async (c) => {
    const body = await c.req.parseBody();
    await checkCsrf(c, typeof body['_csrf'] === 'string' ? body['_csrf'] : undefined);
    const job = await ownJob(c);
    await c.var.deps.jobs.retry(c.var.actor, job.id);
    return c.redirect(`/register/import/${job.id}`, 303);
  });

  web.get('/import/:job', async (c) => {
    const auth = requireWebUser(c);
    const job = await ownJob(c);
    const fileName = String(job.input['fileName'] ?? '');
    if (ENDED.has(job.state))
      return importResultPage(c, {
        ...jobOutcome(job),
        retryPath: job.retryable ? `${c.req.path}/retry` : null,
      });
    return c.html(
      <Layout title="Gegevens inlezen" auth={auth} path={c.req.path}>
        <RegistryNav c={c} />
        <div class="progress" data-progress-url={`/register/import/${job.id}/status`}>
          <p>
            Bestand <strong>{fileName}</strong> wordt ingelezen.
          </p>
          <progress
            value={job.progress.done}
            max={job.progress.total || undefined}
            aria-label={`Voortgang van het inlezen van ${fileName}`}
          />
          <p data-progress-label role="status">
            {progressLabel(job)}
          </p>
          <p>
            Deze pagina volgt de voortgang vanzelf. Zonder JavaScript:{' '}
            <a href={c.req.path}>vernieuw de pagina</a>.
          </p>
        </div>
      </Layout>,
    );
  });
}
