import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/process.ts';

describe('the trede CLI', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'trede-cli-'));
  const env = { TREDE_DATA_DIR: dataDir };
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('prints help for every level', async () => {
    const top = await runCli(['--help'], env);
    expect(top.code).toBe(0);
    expect(top.stdout).toContain('registry');
    const sub = await runCli(['users', 'create-admin', '--help'], env);
    expect(sub.code).toBe(0);
    expect(sub.stdout).toContain('--username');
  });

  it('creates an administrator and shows the one-time password once', async () => {
    const r = await runCli(['users', 'create-admin', '--username', 'ops'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Eenmalig wachtwoord: [A-Za-z0-9-]{23}/);
    const list = await runCli(['users', 'list', '--format', 'json'], env);
    expect(JSON.parse(list.stdout)).toEqual([
      expect.objectContaining({ username: 'ops', roles: ['beheerder'], mustChangePassword: true }),
    ]);
  });

  it('adds and lists organisations, with JSON alone on stdout', async () => {
    const add = await runCli(
      [
        'registry',
        'add-organisation',
        '--kbo',
        '0123.456.749',
        '--name',
        'Maatwerk Brugge',
        '--type',
        'maatwerkbedrijf',
        '--nis-code',
        '31005',
      ],
      env,
    );
    expect(add.code).toBe(0);
    const list = await runCli(['registry', 'list', 'organisaties', '--format', 'json'], env);
    expect(list.code).toBe(0);
    const page = JSON.parse(list.stdout) as { items: { kbo: string; name: string }[]; total: number };
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({ kbo: '0123456749', name: 'Maatwerk Brugge' });
  });

  it('reports invalid input on stderr with the field and exits non-zero', async () => {
    const r = await runCli(
      ['registry', 'add-organisation', '--kbo', '0123.456.748', '--name', 'X', '--type', 'andere'],
      env,
    );
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("kbo: ongeldig KBO-nummer '0123.456.748'");
    const unknown = await runCli(['registry', 'list', 'fietsen'], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("onbekende soort 'fietsen'");
    const missing = await runCli(['users', 'create-admin'], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--username');
  });

  it('records the CLI user in the audit log', async () => {
    const r = await runCli(['audit', 'list', '--format', 'json'], env);
    const events = JSON.parse(r.stdout) as { actor: string; channel: string; action: string }[];
    expect(events.find((e) => e.action === 'registry/create-organisation')).toMatchObject({
      channel: 'cli',
      actor: expect.stringMatching(/^cli:/),
    });
  });
});
