/**
 * Confidentiality over real HTTP on each backend (issue 16): open data hides small cells in a way
 * that subtotals and totals cannot undo, and no INSZ or name reaches a log line.
 */
import { format } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { describeForLog } from '../../src/domain/index.ts';
import { inszFor } from '../registry/support.ts';
import { kboFor } from '../support/factories.ts';
import { backends, upload, useHardenedServer } from './support.ts';

interface OpenLadder {
  total: number | null;
  subtotals: { id: string; value: number | null }[];
  measures: { measure: string; value: number | null; state: string }[];
}

for (const backend of backends()) {
  describe(`open data cannot be undone by subtraction [${backend}]`, () => {
    const h = useHardenedServer(backend);

    it('hides Brugge 2019 collectief maatwerk (3 persons) and one more cell of its subtotal', async () => {
      const brugge = kboFor(31_005);
      const imp = (kind: string, lines: string[]) =>
        upload(h().url, h().token, `/api/v1/registry/imports/${kind}`, `${kind}.csv`, lines.join('\n'));
      expect(
        (
          await imp('organisaties', [
            'kbo,naam,type,nis_code',
            `${brugge},Maatwerk Brugge,maatwerkbedrijf,31005`,
          ])
        ).status,
      ).toBe(200);
      const persons = Array.from({ length: 23 }, (_, i) => inszFor(500 + i));
      expect(
        (await imp('personen', ['insz,voornaam,achternaam', ...persons.map((p, i) => `${p},P${i},Brugge`)]))
          .status,
      ).toBe(200);
      // 20 persons in maatwerkbedrijf-ex-bw and 3 in collectief-maatwerk, all at work on 31/12/2019.
      const placements = persons.map(
        (p, i) =>
          `${p},${brugge},${i < 20 ? 'maatwerkbedrijf-ex-bw' : 'collectief-maatwerk'},2019-01-01,,1,38`,
      );
      const r = await imp('plaatsingen', ['insz,kbo,maatregel,start,einde,vte,uren_per_week', ...placements]);
      expect(r.status, await r.clone().text()).toBe(200);

      const res = await h().anonymous.get(
        '/api/v1/open/ladder?year=2019&region=west-vlaanderen&source=registry',
      );
      expect(res.status).toBe(200);
      const l = (await res.json()) as OpenLadder;
      const cm = l.measures.find((m) => m.measure === 'collectief-maatwerk');
      expect(cm).toMatchObject({ value: null, state: 'suppressed' });
      // Collectief maatwerk (subtotal) = ex-BW + CMW + …: with CMW hidden, ex-BW must be hidden too
      // (secondary suppression), else 23 − 20 = 3 gives CMW back.
      const subtotal = l.subtotals.find((s) => s.id === 'collectief-maatwerk-totaal')!.value;
      const exBw = l.measures.find((m) => m.measure === 'maatwerkbedrijf-ex-bw')!.value;
      expect(subtotal === null || exBw === null).toBe(true);
      // Whatever is published, no published subtraction gives 3.
      const published = [
        l.total,
        ...l.subtotals.map((s) => s.value),
        ...l.measures.filter((m) => m.measure !== 'collectief-maatwerk').map((m) => m.value),
      ].filter((v): v is number => v !== null);
      for (const a of published) for (const b of published) expect(a - b).not.toBe(3);
      // The authenticated monitor still sees every figure: 23 in the subtotal (20 + 3).
      const full = (await (
        await h().api.get('/api/v1/monitor/ladder?year=2019&region=west-vlaanderen&source=registry')
      ).json()) as OpenLadder;
      expect(full.subtotals.find((s) => s.id === 'collectief-maatwerk-totaal')!.value).toBe(23);
    });
  });

  describe(`no INSZ or name in the log [${backend}]`, () => {
    const h = useHardenedServer(backend);
    const lines: string[] = [];
    afterEach(() => vi.restoreAllMocks());

    it('a failed import of 100 persons logs no INSZ and no name', async () => {
      for (const level of ['error', 'warn', 'log', 'info'] as const)
        vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
          lines.push(format(...args));
        });
      const insz = Array.from({ length: 100 }, (_, i) => inszFor(900 + i));
      // A NUL in a name passes the CSV reader and is refused by the database itself.
      const csv = ['insz,voornaam,achternaam', ...insz.map((p, i) => `${p},Geheim${i},Naam\u0000${i}`)].join(
        '\n',
      );
      const res = await upload(h().url, h().token, '/api/v1/registry/imports/personen', 'p.csv', csv);
      expect(res.status).toBeLessThan(500);
      const log = lines.join('\n');
      for (const p of insz) expect(log).not.toContain(p);
      expect(log).not.toMatch(/Geheim\d/);
    });

    it('the log line of an unexpected database error keeps no parameters, detail or values', () => {
      const err = Object.assign(new Error(`duplicate key value violates unique constraint "persons_insz"`), {
        code: '23505',
        detail: `Key (insz)=(${inszFor(7)}) already exists.`,
        params: [inszFor(7), 'Jan', 'Peeters'],
        query: 'INSERT INTO persons …',
      });
      const line = describeForLog(err);
      expect(line).toContain('23505');
      expect(line).not.toContain(inszFor(7));
      expect(line).not.toContain('Peeters');
      expect(describeForLog(new Error(`invalid input syntax for type integer: "Jan Peeters"`))).not.toContain(
        'Peeters',
      );
      expect(describeForLog(new Error(`INSZ 85.07.30-033.28 kapot`))).not.toContain('033');
    });
  });
}
