import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/access/index.ts';
import { execute } from '../../src/commands/index.ts';
import { listPlacementFacts, setContingent } from '../../src/registry/index.ts';
import { describeEachDb } from '../support/db.ts';
import { admin, kboFor, makeOrganisation, makeUser } from '../support/factories.ts';
import { type ApiClient, loginClient, startTestServer, type TestServer } from '../support/http.ts';
import { inszFor, uploader } from './support.ts';

type Json = Record<string, unknown> & { items?: Record<string, unknown>[] };
const body = async (r: Response) => (await r.json()) as Json;

describeEachDb('the registry', ({ db }) => {
  let server: TestServer;
  let beheerder: ApiClient;
  let upload: Awaited<ReturnType<typeof uploader>>;
  beforeAll(async () => {
    server = await startTestServer(db());
    const u = await makeUser(db(), ['beheerder']);
    beheerder = await loginClient(server.url, u.username);
    upload = await uploader(beheerder, server.url);
  });
  afterAll(() => server.close());

  describe('identifiers', () => {
    it('refuses an invalid KBO number with a Dutch message naming the check digit', async () => {
      const r = await beheerder.post('/api/v1/organisations', {
        kbo: '0123.456.748',
        name: 'X',
        type: 'andere',
      });
      expect(r.status).toBe(400);
      expect((await body(r)).error).toMatchObject({
        message:
          "kbo: ongeldig KBO-nummer '0123.456.748': het controlegetal (laatste twee cijfers) klopt niet",
      });
    });

    it('refuses an invalid INSZ and accepts both check-digit rules, deriving the birth date', async () => {
      const bad = await beheerder.post('/api/v1/persons', { insz: '85.07.30-033.27' });
      expect(bad.status).toBe(400);
      expect(((await body(bad)).error as { message: string }).message).toBe(
        'insz: ongeldig INSZ: het controlegetal (laatste twee cijfers) klopt niet',
      );
      // 85073003328: 97 − (850730033 mod 97) = 28 (born 1985).
      const old = await body(
        await beheerder.post('/api/v1/persons', { insz: '85.07.30-033.28', lastName: 'Peeters' }),
      );
      expect(old).toMatchObject({ insz: '85073003328', birthDate: '1985-07-30', sex: 'M' });
      expect(old.pseudonym).toMatch(/^P-[0-9a-f]{16}$/);
      // 05010112385: 97 − (2050101123 mod 97) = 85 (born 2005, the "2" prefix rule).
      const young = await body(await beheerder.post('/api/v1/persons', { insz: '05010112385' }));
      expect(young).toMatchObject({ birthDate: '2005-01-01' });
      // A bis-nummer with sex known adds 40 to the month: 85.47.30 → 1985-07-30.
      const bisBase = 854730033;
      const bis = `${bisBase}${String(97 - (bisBase % 97)).padStart(2, '0')}`;
      expect(await body(await beheerder.post('/api/v1/persons', { insz: bis }))).toMatchObject({
        birthDate: '1985-07-30',
      });
    });
  });

  describe('placements', () => {
    it('refuses an overlapping placement in the same measure and a total above 1 FTE', async () => {
      const org = await makeOrganisation(db(), { type: 'maatwerkbedrijf' });
      const other = await makeOrganisation(db());
      const insz = inszFor(101);
      await beheerder.post('/api/v1/persons', { insz });
      const first = await beheerder.post('/api/v1/placements', {
        insz,
        kbo: org.kbo,
        measure: 'collectief-maatwerk',
        start: '2025-01-01',
        end: '2025-12-31',
        fte: 0.6,
      });
      expect(first.status).toBe(201);
      const overlap = await beheerder.post('/api/v1/placements', {
        insz,
        kbo: org.kbo,
        measure: 'collectief-maatwerk',
        start: '2025-06-01',
        fte: 0.2,
      });
      expect(overlap.status).toBe(422);
      expect((await body(overlap)).error).toMatchObject({ code: 'placement_overlap' });
      // 0.6 + 0.5 = 1.1 FTE on 2025-03-01 > 1.
      const tooMuch = await beheerder.post('/api/v1/placements', {
        insz,
        kbo: other.kbo,
        measure: 'lde',
        start: '2025-03-01',
        fte: 0.5,
      });
      expect(tooMuch.status).toBe(422);
      expect((await body(tooMuch)).error).toMatchObject({
        code: 'fte_above_one',
        message: expect.stringContaining('1,1 VTE'),
      });
      // Exactly 1 FTE is allowed: 0.6 + 0.4.
      const exact = await beheerder.post('/api/v1/placements', {
        insz,
        kbo: other.kbo,
        measure: 'lde',
        start: '2025-03-01',
        fte: 0.4,
      });
      expect(exact.status).toBe(201);
      // After the first placement ends, 0.5 more fits from 2026 on.
      const later = await beheerder.post('/api/v1/placements', {
        insz,
        kbo: org.kbo,
        measure: 'collectief-maatwerk',
        start: '2026-01-01',
        fte: 0.6,
      });
      expect(later.status).toBe(201);
      const unknown = await beheerder.post('/api/v1/placements', {
        insz,
        kbo: org.kbo,
        measure: 'fietsen',
        start: '2027-01-01',
        fte: 0.1,
      });
      expect(unknown.status).toBe(400);
    });
  });

  describe('import', () => {
    it('writes nothing when one row among thousands is bad and reports exactly that row', async () => {
      const before = await db().query<{ n: number }>('SELECT count(*)::int AS n FROM persons');
      const lines = ['insz,voornaam,achternaam'];
      // 40,000 rows (about 1.2 MB): more than the ordinary 1 MB body limit, within the upload limit.
      for (let i = 0; i < 40_000; i++) lines.push(`${inszFor(10_000 + i)},Voornaam${i},Achternaam${i}`);
      // Line 1 is the header, so person i is on line i + 2; break the check digits of person 1500.
      const good = inszFor(11_500);
      lines[1501] = `${good.slice(0, 9)}${String((Number(good.slice(9)) % 97) + 1).padStart(2, '0')},X,Y`;
      const r = await upload('/api/v1/registry/imports/personen', 'personen.csv', lines.join('\n'));
      expect(r.status).toBe(400);
      const err = (await body(r)).error as { code: string; details: { path: string; line: number }[] };
      expect(err.code).toBe('import_rejected');
      expect(err.details).toHaveLength(1);
      expect(err.details[0]).toMatchObject({ path: 'line 1502, column insz', line: 1502, column: 'insz' });
      const after = await db().query<{ n: number }>('SELECT count(*)::int AS n FROM persons');
      expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
    });

    it('imports organisations, persons and placements, and a re-import changes nothing', async () => {
      const kbos = [kboFor(700_001), kboFor(700_002)];
      const orgs = `kbo,naam,type,nis_code\n${kbos[0]},Import A,maatwerkbedrijf,31005\n${kbos[1]},Import B,lde-initiatief,44021\n`;
      const persons = `insz,voornaam,achternaam\n${inszFor(201)},An,Aerts\n${inszFor(202)},Bo,Bosmans\n`;
      const placements = `insz,kbo,maatregel,start,einde,vte,uren_per_week\n${inszFor(201)},${kbos[0]},collectief-maatwerk,2025-01-01,,0.8,30.4\n${inszFor(202)},${kbos[1]},lde,2025-02-01,2025-12-31,0.5,19\n`;
      const files = [
        ['organisaties', orgs],
        ['personen', persons],
        ['plaatsingen', placements],
      ] as const;
      for (const [kind, csv] of files) {
        const r = await upload(`/api/v1/registry/imports/${kind}`, `${kind}.csv`, csv);
        expect(r.status).toBe(200);
        expect(await body(r)).toEqual({ kind, rows: 2, inserted: 2, updated: 0, unchanged: 0 });
      }
      const snapshot = () =>
        db().query(
          `SELECT p.id, p.updated_at, p.fte, p.end_date FROM placements p JOIN organisations o ON o.id = p.organisation_id
            WHERE o.kbo = ANY($1::text[]) ORDER BY p.id`,
          [kbos],
        );
      const first = await snapshot();
      for (const [kind, csv] of files) {
        const r = await upload(`/api/v1/registry/imports/${kind}`, `${kind}.csv`, csv);
        expect(await body(r)).toEqual({ kind, rows: 2, inserted: 0, updated: 0, unchanged: 2 });
      }
      expect((await snapshot()).rows).toEqual(first.rows);

      // Indications and wage data refer to persons and placements; euros become exact cents.
      const details = [
        [
          'indicaties',
          `insz,datum,trede,doelgroep,productiviteitsverlies,begeleidingsnood,ticket,geldig_tot\n${inszFor(201)},2024-11-15,5,maatwerk,45.5,hoog,maatwerk,2026-11-14\n`,
        ],
        [
          'lonen',
          `insz,kbo,maatregel,start,kwartaal,brutoloon,dagen,vte\n${inszFor(201)},${kbos[0]},collectief-maatwerk,2025-01-01,2025-Q1,6123.4,62,0.8\n`,
        ],
      ] as const;
      for (const round of [1, 2]) {
        for (const [kind, csv] of details) {
          const r = await upload(`/api/v1/registry/imports/${kind}`, `${kind}.csv`, csv);
          expect(await body(r)).toEqual({
            kind,
            rows: 1,
            inserted: round === 1 ? 1 : 0,
            updated: 0,
            unchanged: round === 1 ? 0 : 1,
          });
        }
      }
      const wages = await body(await beheerder.get(`/api/v1/wages?quarter=2025-Q1&pageSize=500`));
      expect(wages.items).toContainEqual(
        expect.objectContaining({ grossWageCents: 612_340, days: 62, fte: 0.8 }),
      );
      const bad = await upload(
        '/api/v1/registry/imports/lonen',
        'lonen.csv',
        `insz,kbo,maatregel,start,kwartaal,brutoloon,dagen,vte\n${inszFor(201)},${kbos[0]},collectief-maatwerk,2025-03-01,2025-Q5,12.345,62,0.8\n`,
      );
      expect(((await body(bad)).error as { details: { path: string }[] }).details.map((d) => d.path)).toEqual(
        ['line 2, column kwartaal', 'line 2, column brutoloon'],
      );
    });

    it('reports placement rule violations by line and writes nothing', async () => {
      const kbo = kboFor(700_010);
      await upload(
        '/api/v1/registry/imports/organisaties',
        'o.csv',
        `kbo,naam,type,nis_code\n${kbo},C,andere,\n`,
      );
      await upload(
        '/api/v1/registry/imports/personen',
        'p.csv',
        `insz,voornaam,achternaam\n${inszFor(301)},C,D\n`,
      );
      const csv = [
        'insz,kbo,maatregel,start,einde,vte,uren_per_week',
        `${inszFor(301)},${kbo},lde,2025-01-01,,0.7,`,
        `${inszFor(301)},${kbo},wijk-werken,2025-04-01,,0.5,`,
        `${inszFor(301)},${kbo},lde,2025-02-01,,0.1,`,
      ].join('\n');
      const r = await upload('/api/v1/registry/imports/plaatsingen', 'pl.csv', csv);
      expect(r.status).toBe(400);
      const details = ((await body(r)).error as { details: { path: string }[] }).details.map((d) => d.path);
      expect(details).toEqual(['line 3, column vte', 'line 4, column start']);
      const n = await db().query<{ n: number }>(
        'SELECT count(*)::int AS n FROM placements p JOIN organisations o ON o.id = p.organisation_id WHERE o.kbo = $1',
        [kbo],
      );
      expect(n.rows[0]!.n).toBe(0);
    });

    it('imports an XLSX file, restoring leading zeros of identifiers stored as numbers', async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Personen');
      ws.addRow(['insz', 'voornaam', 'achternaam']);
      const young = inszFor(7, 2000); // born 2007: starts with 07
      ws.addRow([Number(young), 'Xl', 'Sx']);
      ws.addRow([inszFor(401), 'Yl', 'Sy']);
      const buffer = new Uint8Array(await wb.xlsx.writeBuffer());
      const r = await upload(
        '/api/v1/registry/imports/personen',
        'personen.xlsx',
        buffer,
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      expect(r.status).toBe(200);
      expect(await body(r)).toMatchObject({ rows: 2, inserted: 2 });
      const found = await body(await beheerder.get(`/api/v1/persons?q=${young}`));
      expect(found.items?.[0]).toMatchObject({ insz: young, firstName: 'Xl' });
    });
  });

  describe('access', () => {
    let orgA: { id: string; kbo: string };
    let orgB: { id: string; kbo: string };
    let placementB: string;
    let personB: string;
    let werkgever: ApiClient;
    let analist: ApiClient;
    const inszA = inszFor(501);
    const inszB = inszFor(502);

    beforeAll(async () => {
      orgA = await makeOrganisation(db(), { nisCode: '31005' });
      orgB = await makeOrganisation(db(), { nisCode: '44021' });
      for (const [insz, org] of [
        [inszA, orgA],
        [inszB, orgB],
      ] as const) {
        await beheerder.post('/api/v1/persons', { insz, firstName: 'Geheim', lastName: `Naam${insz}` });
        const p = await body(
          await beheerder.post('/api/v1/placements', {
            insz,
            kbo: org.kbo,
            measure: 'lde',
            start: '2025-01-01',
            fte: 0.5,
          }),
        );
        await beheerder.post('/api/v1/wages', {
          placementId: p.id,
          quarter: '2025-Q1',
          grossWageCents: 612_345,
          days: 39,
          fte: 0.5,
        });
        await beheerder.post('/api/v1/indications', {
          insz,
          indicatedOn: '2024-12-01',
          ladderRung: 5,
          ticketType: 'maatwerk',
        });
        await beheerder.post(`/api/v1/organisations/${org.id}/recognitions`, {
          measure: 'lde',
          validFrom: '2024-01-01',
        });
        await beheerder.post(`/api/v1/organisations/${org.id}/contingents`, {
          measure: 'lde',
          quarter: '2025-Q1',
          fte: 3,
        });
        if (org === orgB) placementB = p.id as string;
      }
      personB =
        ((await body(await beheerder.get(`/api/v1/persons?q=${inszB}`))).items![0]!.id as string) ?? '';
      const w = await makeUser(db(), ['werkgever'], [orgA.id]);
      werkgever = await loginClient(server.url, w.username);
      const a = await makeUser(db(), ['analist']);
      analist = await loginClient(server.url, a.username);
    });

    it('keeps contingent history: a change adds a value, the old one stays', async () => {
      await execute(db(), setContingent, admin, {
        organisationId: orgA.id,
        measure: 'lde',
        quarter: '2025-Q1',
        fte: 4.5,
        reason: 'bijkomende VTE',
      });
      const list = (await body(
        await beheerder.get(`/api/v1/organisations/${orgA.id}/contingents`),
      )) as unknown as {
        fte: number;
        history: { fte: number }[];
      }[];
      expect(list[0]).toMatchObject({ fte: 4.5, history: [{ fte: 3 }] });
    });

    it('a werkgever cannot reach another organisation’s data through any endpoint', async () => {
      for (const path of [
        `/api/v1/organisations/${orgB.id}`,
        `/api/v1/organisations/${orgB.id}/recognitions`,
        `/api/v1/organisations/${orgB.id}/contingents`,
        `/api/v1/organisations/${orgB.id}/links`,
        `/api/v1/organisations/${orgB.id}/placements`,
        `/api/v1/persons/${personB}`,
        `/api/v1/placements/${placementB}`,
      ]) {
        expect((await werkgever.get(path)).status, path).toBe(404);
      }
      const lists = [
        '/api/v1/organisations',
        '/api/v1/persons',
        '/api/v1/placements',
        `/api/v1/placements?organisationId=${orgB.id}`,
        '/api/v1/indications',
        '/api/v1/wages',
        `/api/v1/persons?organisationId=${orgB.id}`,
      ];
      for (const path of lists) {
        const text = await (await werkgever.get(path)).text();
        expect(text, path).not.toContain(inszB);
        expect(text, path).not.toContain(orgB.id);
        expect(text, path).not.toContain(placementB);
      }
      expect((await body(await werkgever.get('/api/v1/persons'))).items).toEqual([
        expect.objectContaining({ insz: inszA }),
      ]);
      expect((await body(await werkgever.get('/api/v1/wages'))).total).toBe(1);
      expect((await body(await werkgever.get('/api/v1/indications'))).total).toBe(1);
      expect(
        (
          await werkgever.post('/api/v1/placements', {
            insz: inszA,
            kbo: orgA.kbo,
            measure: 'lde',
            start: '2026-01-01',
            fte: 0.1,
          })
        ).status,
      ).toBe(403);
    });

    it('an analist sees pseudonyms, never an INSZ or a name', async () => {
      for (const path of [
        '/api/v1/persons',
        '/api/v1/placements',
        '/api/v1/indications',
        `/api/v1/persons/${personB}`,
      ]) {
        const res = await analist.get(path);
        expect(res.status, path).toBe(200);
        const text = await res.text();
        expect(text, path).not.toContain(inszB);
        expect(text, path).not.toContain(`Naam${inszB}`);
        expect(text, path).toContain('P-');
      }
      const person = await body(await analist.get(`/api/v1/persons/${personB}`));
      expect(person).toMatchObject({ insz: null, firstName: null, lastName: null });
      // Searching by INSZ does not work for an analist either.
      expect((await body(await analist.get(`/api/v1/persons?q=${inszB}`))).total).toBe(0);
    });

    it('exports placement facts with pseudonyms and NIS codes for the monitor', async () => {
      const facts = await listPlacementFacts(db(), systemActor('system'));
      const b = facts.filter((f) => f.nisCode === '44021' && f.measure === 'lde' && f.start === '2025-01-01');
      expect(b).toHaveLength(1);
      expect(b[0]).toEqual({
        person: expect.stringMatching(/^P-/),
        measure: 'lde',
        start: '2025-01-01',
        end: null,
        fte: 0.5,
        nisCode: '44021',
      });
      expect(JSON.stringify(facts)).not.toContain(inszB);
      const werkgeverActor = { ...systemActor('api'), kind: 'user' as const, roles: ['werkgever' as const] };
      await expect(listPlacementFacts(db(), werkgeverActor)).rejects.toMatchObject({ kind: 'forbidden' });
    });
  });
});
