import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/process.ts';

describe('npx trede inspection', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'trede-cli-insp-'));
  const env = { TREDE_DATA_DIR: dataDir };
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('prints the yearly report as JSON: dossiers computed, 2022 reference reproduced', async () => {
    const r = await runCli(['inspection', 'report', '--year', '2022', '--format', 'json'], env);
    expect(r.code, r.stderr).toBe(0);
    const body = JSON.parse(r.stdout);
    expect(body.computed.total).toEqual({ domain: 'TOTAAL', dossiers: 0, pj: 0, recoveriesCents: 0 });
    expect(body.reference.total).toMatchObject({ dossiers: 2579, pj: 148, recoveriesEur: 4807454 });
    expect(body.reference.check.findings).toEqual([]);
    expect(body.computed.fineLeadTime).toMatchObject({ normMonths: 8, fines: 0, share: null });
  });

  it('lists risks in the issue shape and opens an inspection dossier from a hit', async () => {
    const risks = await runCli(['inspection', 'risks', '--format', 'json'], env);
    expect(risks.code, risks.stderr).toBe(0);
    expect(JSON.parse(risks.stdout)).toEqual([]);
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
    expect(add.code, add.stderr).toBe(0);
    const orgs = JSON.parse(
      (await runCli(['registry', 'list', 'organisaties', '--format', 'json'], env)).stdout,
    );
    const orgId = orgs.items[0].id as string;
    const opened = await runCli(
      [
        'inspection',
        'open-from-risk',
        '--rule',
        'niet-combineerbaar',
        '--organisation',
        orgId,
        '--reason',
        'collectief-maatwerk en individueel-maatwerk tegelijk',
        '--record',
        'placement:p1',
        'placement:p2',
        '--measure',
        'collectief-maatwerk',
      ],
      env,
    );
    expect(opened.code, opened.stderr).toBe(0);
    const d = JSON.parse(opened.stdout);
    expect(d).toMatchObject({ origin: 'risicolijst', state: 'open', domain: 'Maatwerk' });
    const show = JSON.parse((await runCli(['inspection', 'show', d.id], env)).stdout);
    expect(show.timeline[0].note).toContain('niet-combineerbaar');
    expect(show.timeline[0].note).toContain('placement:p1, placement:p2');
    const bad = await runCli(
      ['inspection', 'open-from-risk', '--rule', 'geen-regel', '--organisation', orgId, '--reason', 'x'],
      env,
    );
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('onbekende risicoregel');
  });
});
