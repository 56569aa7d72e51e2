/**
 * `npm start`: open the database, migrate, create the first administrator, serve HTTP, and shut
 * down cleanly on SIGTERM/SIGINT: stop accepting connections, let running requests finish, then
 * close the database so that nothing written is lost.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createHttpApp, jobService, openApp } from './app/index.ts';
import { type Config, loadConfig } from './config.ts';

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startServer(
  config: Config,
  log: (line: string) => void = console.log,
): Promise<RunningServer> {
  const opened = await openApp(config);
  const { db } = opened;
  const where = config.databaseUrl
    ? 'PostgreSQL-server (DATABASE_URL)'
    : `ingebedde database in ${config.dataDir}`;
  log(
    `Trede: ${where}${opened.appliedMigrations.length ? `, ${opened.appliedMigrations.length} migratie(s) toegepast` : ''}.`,
  );
  if (opened.initialAdmin) {
    const { username, oneTimePassword } = opened.initialAdmin;
    if (oneTimePassword) {
      log('');
      log('  Eerste start: beheerder aangemaakt.');
      log(`    gebruikersnaam: ${username}`);
      log(`    eenmalig wachtwoord: ${oneTimePassword}`);
      log('  Dit wachtwoord wordt niet opnieuw getoond; bij de eerste aanmelding kiest u een nieuw.');
      log('');
    } else {
      log(`Eerste start: beheerder '${username}' aangemaakt met het wachtwoord uit TREDE_ADMIN_PASSWORD.`);
    }
  }

  const jobs = await jobService(db).start({ log });
  const app = createHttpApp({ db, config, jobs });
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve(
      { fetch: app.fetch, port: config.port, ...(config.host ? { hostname: config.host } : {}) },
      () => resolve(s),
    );
    s.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://localhost:${port}`;
  log(`Trede luistert op ${url} (API: ${url}/api/v1, documentatie: ${url}/api/docs).`);

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Idle keep-alive connections would hold close() open; in-flight requests still finish.
        (server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
      });
      // A job still running after the grace period is marked interrupted at the next start.
      await jobs.stop();
      await db.close();
    })();
    return closing;
  };
  return { url, port, close };
}

export async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (e) {
    console.error((e as Error).message);
    process.exit(2);
  }
  let running: RunningServer;
  try {
    running = await startServer(config);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'EADDRINUSE')
      console.error(`Poort ${config.port} is al in gebruik; kies een andere met PORT=…`);
    else console.error(`Trede kon niet starten: ${err.message}`);
    process.exit(1);
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(
      `${signal} ontvangen: Trede stopt (lopende aanvragen worden afgewerkt, de database wordt gesloten).`,
    );
    const force = setTimeout(() => {
      console.error('Afsluiten duurde langer dan 20 s; Trede stopt nu.');
      process.exit(1);
    }, 20_000);
    force.unref();
    running.close().then(
      () => process.exit(0),
      (e) => {
        console.error('Fout bij het afsluiten:', e);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}
