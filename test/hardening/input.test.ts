/**
 * Bad input gets a clear 400 (or 404 for a web URL that names nothing), never a 500 — over real
 * HTTP on each backend (issue 16 "Bad input gets a clear 400", issue 9 "Errors of the user are
 * never a 500"). Every case below gave a 500 (or was accepted) before the edge checks in
 * src/http/guard.ts and src/http/failures.ts.
 */
import { describe, expect, it } from 'vitest';
import { inszFor } from '../registry/support.ts';
import { kboFor } from '../support/factories.ts';
import { backends, upload, useHardenedServer } from './support.ts';

const NUL = '\u0000';

for (const backend of backends()) {
  describe(`bad input is a clear 400 [${backend}]`, () => {
    const h = useHardenedServer(backend);
    let orgId = '';

    const expectClear = async (res: Response, status = 400, mention?: RegExp) => {
      const text = await res.text();
      expect(res.status, text).toBe(status);
      if (mention) expect(text).toMatch(mention);
      return text;
    };

    it('a NUL character in a JSON text field is a 400 naming the field', async () => {
      const res = await h().api.post('/api/v1/organisations', {
        kbo: kboFor(77),
        name: `Nul${NUL}bedrijf`,
        type: 'reguliere-werkgever',
        nisCode: '31005',
      });
      await expectClear(res, 400, /NUL/);
    });

    it('a NUL character in a query parameter is a 400 naming the parameter', async () => {
      await expectClear(await h().api.get('/api/v1/persons?q=a%00b'), 400, /query\.q/);
      await expectClear(await h().api.get('/api/v1/organisations?q=%00'), 400, /NUL/);
    });

    it('a NUL character in a web form or web query is a 400, not a 500', async () => {
      const res = await h().session.request('GET', '/register/personen?q=x%00y');
      expect(res.status).toBe(400);
    });

    it('page=NaN and page=-1 are a 400 on the query field', async () => {
      await expectClear(await h().api.get('/api/v1/organisations?page=NaN'), 400, /query\.page/);
      await expectClear(await h().api.get('/api/v1/persons?pageSize=abc'), 400, /query\.pageSize/);
    });

    it('a non-UUID id in a web URL is a 404 page', async () => {
      for (const path of [
        '/register/organisaties/niet-een-uuid',
        '/register/personen/123',
        '/dossiers/xyz',
      ]) {
        const res = await h().session.request('GET', path);
        expect(res.status, path).toBe(404);
      }
    });

    it('a non-UUID id in an API URL is a 400', async () => {
      await expectClear(await h().api.get('/api/v1/organisations/not-a-uuid'), 400, /id/);
    });

    it('a malformed multipart body is a 400', async () => {
      const res = await h().api.request('POST', '/api/v1/registry/imports/personen', '--x\r\nrubbish', {
        'content-type': 'multipart/form-data; boundary=zzz',
      });
      await expectClear(res, 400);
    });

    it('malformed JSON is a 400', async () => {
      const res = await h().api.request('POST', '/api/v1/organisations', '{"kbo":', {
        'content-type': 'application/json',
      });
      await expectClear(res, 400, /JSON/);
    });

    it('facts nested 100,000 deep are a 400, not a stack overflow', async () => {
      const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
      const body = `{"measure":"aanwervingsincentive","date":"2018-03-01","facts":{"leeftijd":${deep}}}`;
      const res = await h().anonymous.request('POST', '/api/v1/calculate', body, {
        'content-type': 'application/json',
      });
      await expectClear(res, 400, /diep|nesting/i);
    });

    it('1e308 as a contingent is a 400 on the fte field', async () => {
      const org = await h().api.post('/api/v1/organisations', {
        kbo: kboFor(4242),
        name: 'Maatwerk Brugge',
        type: 'maatwerkbedrijf',
        nisCode: '31005',
      });
      expect(org.status, await org.clone().text()).toBe(201);
      orgId = ((await org.json()) as { id: string }).id;
      const res = await h().api.post(`/api/v1/organisations/${orgId}/contingents`, {
        measure: 'collectief-maatwerk',
        quarter: '2026-Q1',
        fte: 1e308,
      });
      await expectClear(res, 400, /fte/);
    });

    it('a reform override with a wrong type or unknown parameter is a 400 with the field', async () => {
      const base = {
        measure: 'aanwervingsincentive',
        date: '2018-03-01',
        facts: { leeftijd: 40, maanden_werkzoekend: 26, maanden_in_dienst: 12 },
      };
      const wrongType = await h().anonymous.post('/api/v1/calculate', {
        ...base,
        reform: { overrides: [{ parameter: 'x', valid_from: '2018-01-01', value: { a: 1 } }] },
      });
      await expectClear(wrongType, 400, /reform\.overrides\.0/);
    });

    it('a reform valid_from of 2021-02-30 is refused', async () => {
      const res = await h().anonymous.post('/api/v1/simulate', {
        measure: 'aanwervingsincentive',
        date: '2021-03-01',
        population: [{ leeftijd: 40, maanden_werkzoekend: 26, maanden_in_dienst: 12 }],
        reform: { overrides: [{ parameter: 'bedrag', valid_from: '2021-02-30', value: 1 }] },
      });
      await expectClear(res, 400, /valid_from/);
    });

    it('a bad /simulate column is a 400 naming the column', async () => {
      const res = await h().anonymous.post('/api/v1/simulate', {
        measure: 'aanwervingsincentive',
        date: '2018-03-01',
        population: [{ leeftijd: 'veertig', maanden_werkzoekend: 26, maanden_in_dienst: 12 }],
      });
      await expectClear(res, 400, /leeftijd/);
    });

    it('a file named .xlsx that is no spreadsheet is a 400', async () => {
      const res = await upload(
        h().url,
        h().token,
        '/api/v1/registry/imports/personen',
        'p.xlsx',
        'insz,voornaam\n',
      );
      await expectClear(res, 400, /xlsx|spreadsheet|rekenblad/i);
    });

    it('an unbalanced CSV quote is a 400 with the line', async () => {
      const csv = `insz,voornaam,achternaam\n${inszFor(1)},"Jan,Peeters\n${inszFor(2)},An,Claes\n`;
      const res = await upload(h().url, h().token, '/api/v1/registry/imports/personen', 'p.csv', csv);
      await expectClear(res, 400, /aanhalingsteken|quote/i);
    });

    it('a CSV mixing , and ; is refused with the delimiter named', async () => {
      const csv = `insz,voornaam,achternaam\n${inszFor(3)};Jan;Peeters\n`;
      const res = await upload(h().url, h().token, '/api/v1/registry/imports/personen', 'p.csv', csv);
      await expectClear(res, 400, /scheidingsteken ';', de kopregel ','/);
    });

    it('0,5 as VTE is refused with a message that the decimal separator is a point', async () => {
      const org = kboFor(4242);
      const csv = [
        'insz,kbo,maatregel,start,einde,vte,uren_per_week',
        `${inszFor(4)},${org},collectief-maatwerk,2019-01-01,,"0,5",19`,
      ].join('\n');
      const res = await upload(h().url, h().token, '/api/v1/registry/imports/plaatsingen', 'pl.csv', csv);
      await expectClear(res, 400, /decimaalteken is een punt/);
    });
  });
}
