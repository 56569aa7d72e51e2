import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/process.ts';

describe('npx trede dossiers', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'trede-dossiers-cli-'));
  const env = { TREDE_DATA_DIR: dataDir };
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  // Every call is a fresh process opening PGlite: a few seconds each.
  it('applies, moves a dossier on, shows its timeline and refuses an illegal step', {
    timeout: 180_000,
  }, async () => {
    const help = await runCli(['dossiers', '--help'], env);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/list[\s\S]*show[\s\S]*apply[\s\S]*transition[\s\S]*lead-times/);

    const org = await runCli(
      [
        'registry',
        'add-organisation',
        '--kbo',
        '0123.456.749',
        '--name',
        'Werkt',
        '--type',
        'ocmw',
        '--format',
        'json',
      ],
      env,
    );
    const orgId = (JSON.parse(org.stdout) as { id: string }).id;
    const applied = await runCli(
      [
        'dossiers',
        'apply',
        '--measure',
        'aanwervingsincentive',
        '--organisation',
        orgId,
        '--date',
        '2018-03-01',
        '--facts',
        '{"leeftijd": 40, "maanden_werkzoekend": 26, "maanden_in_dienst": 3}',
        '--format',
        'json',
      ],
      env,
    );
    expect(applied.code, applied.stderr).toBe(0);
    const d = JSON.parse(applied.stdout) as { id: string; eligibility: { amount: number } };
    // 3 months employed: the first instalment of 1.250 euro (tests.yaml, second scenario).
    expect(d.eligibility.amount).toBe(1250);

    expect((await runCli(['dossiers', 'transition', d.id, 'ontvankelijk-verklaren'], env)).code).toBe(0);
    const illegal = await runCli(['dossiers', 'transition', d.id, 'betalen', '--amount', '1250'], env);
    expect(illegal.code).toBe(1);
    expect(illegal.stderr).toContain("toestand 'ontvankelijk'");
    const shown = await runCli(['dossiers', 'show', d.id], env);
    expect(shown.stdout).toContain('ontvankelijk-verklaren');
    expect(shown.stdout).toContain('Mogelijke acties: toekennen, weigeren');
    const list = await runCli(['dossiers', 'list', '--state', 'ontvankelijk', '--format', 'json'], env);
    expect((JSON.parse(list.stdout) as { total: number }).total).toBe(1);
    const lead = await runCli(
      ['dossiers', 'lead-times', '--year', String(new Date().getUTCFullYear()), '--format', 'json'],
      env,
    );
    expect(lead.code, lead.stderr).toBe(0);
    expect(
      (JSON.parse(lead.stdout) as { norms: { normId: string; counted: number }[] }).norms.find(
        (n) => n.normId === 'aanwervingsincentive-behandeld-1-5d',
      )?.counted,
    ).toBe(0);
  });
});
