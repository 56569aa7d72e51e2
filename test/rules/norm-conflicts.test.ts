/**
 * Issue 14: a lead-time norm the seed states twice with different values carries both values and
 * both lines, and the lead-time report (CLI and API) shows the conflict instead of choosing in silence.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { norms } from '../../src/dossiers/index.ts';
import { citedText } from '../../src/rules/engine/citation.ts';
import { runCli } from '../support/process.ts';

/** The cited lines, with the PDF's repeated bold words and line breaks flattened. */
const lines = (source: string) => citedText(source, 20).join(' ').replace(/\s+/g, ' ');

describe('norms with two values in the seed', () => {
  const file = norms();
  const byId = new Map(file.conflicts.map((c) => [c.id, c]));

  // [conflict, value A and the words its line holds, value B and its words]
  const cases: [string, string, string, string, string][] = [
    // 60 days in the table (L8751) against 120 kalenderdagen in the text (L9686-9687).
    [
      'overheidsopdrachten-se-termijn',
      'seeds/001_4a57afe77d69f3a4.txt:L8751',
      '<= 60 dagen',
      'seeds/001_4a57afe77d69f3a4.txt:L9686-9687',
      '120 kalenderdagen',
    ],
    // 1ste schijf binnen 4 maanden (L8618), 2de binnen 13 (L8620) against 4,5 and 13,5 maand (L8912-8913).
    [
      'aanwervingsincentive-schijven',
      'seeds/001_4a57afe77d69f3a4.txt:L8618-8620',
      'binnen 13 maanden',
      'seeds/001_4a57afe77d69f3a4.txt:L8912-8913',
      '13,5 maand',
    ],
    [
      'vop-30d-resultaat',
      'seeds/001_4a57afe77d69f3a4.txt:L8608',
      '93,10%',
      'seeds/001_4a57afe77d69f3a4.txt:L8857-8858',
      '93,55%',
    ],
    [
      'esf-oproep-open',
      'seeds/001_4a57afe77d69f3a4.txt:L8670',
      '>= 54 dagen',
      'seeds/001_4a57afe77d69f3a4.txt:L9305',
      '8 weken',
    ],
    [
      'dienstencheques-eerste-aanvragen',
      'seeds/001_4a57afe77d69f3a4.txt:L8643',
      'binnen 30 dagen intern',
      'seeds/001_4a57afe77d69f3a4.txt:L9083-9084',
      '40 kalenderdagen',
    ],
    [
      'regierol-voorschotten',
      'seeds/001_4a57afe77d69f3a4.txt:L8773',
      '100% 100% 50%',
      'seeds/001_4a57afe77d69f3a4.txt:L9797-9801',
      '(0%)',
    ],
    [
      'arbeidskaarten-stijging',
      'seeds/001_4a57afe77d69f3a4.txt:L8550-8551',
      '85% meer dossiers',
      'seeds/001_4a57afe77d69f3a4.txt:L9023',
      '86% meer dossiers',
    ],
  ];

  for (const [id, a, aWords, b, bWords] of cases) {
    it(`${id}: both values with both lines`, () => {
      const c = byId.get(id);
      expect(c, id).toBeDefined();
      expect(c!.values.map((v) => v.source)).toEqual([a, b]);
      expect(lines(a)).toContain(aWords);
      expect(lines(b)).toContain(bWords);
      if (c!.norm) expect(file.norms.some((n) => n.id === c!.norm)).toBe(true);
    });
  }

  it('lists exactly the conflicts checked above', () => {
    expect([...byId.keys()].sort()).toEqual(cases.map((c) => c[0]).sort());
  });
});

describe('npx trede dossiers lead-times shows the conflicts', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'trede-norm-conflicts-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('prints both values and both lines, and marks the measured norm', { timeout: 120_000 }, async () => {
    const env = { TREDE_DATA_DIR: dataDir };
    const table = await runCli(['dossiers', 'lead-times', '--year', '2022'], env);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toContain('Tegenstrijdige normen in de bron');
    expect(table.stdout).toContain(
      '60 dagen (seeds/001_4a57afe77d69f3a4.txt:L8751) tegenover 120 kalenderdagen',
    );
    expect(table.stdout).toContain('4,5 en 13,5 maand (seeds/001_4a57afe77d69f3a4.txt:L8912-8913)');
    const json = await runCli(['dossiers', 'lead-times', '--year', '2022', '--format', 'json'], env);
    const report = JSON.parse(json.stdout) as {
      norms: { normId: string; conflicts: { id: string }[] }[];
      conflicts: unknown[];
    };
    expect(report.conflicts).toHaveLength(7);
    expect(
      report.norms
        .find((n) => n.normId === 'overheidsopdrachten-se-behandeling-60d')
        ?.conflicts.map((c) => c.id),
    ).toEqual(['overheidsopdrachten-se-termijn']);
  });
});
