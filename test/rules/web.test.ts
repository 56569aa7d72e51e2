import { describe, expect, it } from 'vitest';
import { client, useTestServer } from '../support/http.ts';

/** Plain text of an HTML page, with the non-breaking spaces of nl-BE formats made ordinary. */
async function pageText(res: Response): Promise<string> {
  return (await res.text())
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;|\u00a0/g, ' ')
    .replace(/\s+/g, ' ');
}

describe('the Regelgeving explorer (public, no sign-in)', () => {
  const url = useTestServer();
  const web = () => client(url());

  it('lists and searches the catalogue', async () => {
    const all = await web().get('/regelgeving');
    expect(all.status).toBe(200);
    const text = await pageText(all);
    expect(text).toMatch(/\d+ van \d+ maatregelen/);
    expect(text).toContain('Aanwervingsincentive voor langdurig werkzoekenden');

    const found = await pageText(await web().get('/regelgeving?q=AWI'));
    expect(found).toMatch(/ 1 van \d+ maatregelen/);
    expect(found).toContain('Aanwervingsincentive');
    const none = await pageText(await web().get('/regelgeving?q=bestaat-niet'));
    expect(none).toContain('Geen maatregelen gevonden met deze filters.');
  });

  it('shows a measure with its legal basis, successor chain and parameter timeline with the source lines', async () => {
    const res = await web().get('/regelgeving/aanwervingsincentive');
    expect(res.status).toBe(200);
    const text = await pageText(res);
    expect(text).toContain('BVR van 17 februari 2017');
    expect(text).toContain('Afgeschaft');
    // Successor chain: the RSZ reduction before it, the target-group reduction after it.
    expect(text).toMatch(/Voorgangers en opvolgers/);
    // max_leeftijd: 54 from 1/1/2017, 55 from 1/1/2020, each with the cited text.
    expect(text).toMatch(/vanaf 01\/01\/2017 54 jaar/);
    expect(text).toMatch(/vanaf 01\/01\/2020 55 jaar/);
    expect(text).toContain('seeds/004_694cfc149f605398.txt:L3875-3877');
    expect(text).toContain('55-jarigen');
  });

  it('calculates with the trace: 1.250 + 3.000 after twelve months', async () => {
    const res = await web().get(
      '/regelgeving/aanwervingsincentive/berekenen?datum=2020-01-01&leeftijd=55&maanden_werkzoekend=30&maanden_in_dienst=12',
    );
    const text = await pageText(res);
    expect(text).toContain('Voorwaarden voldaan');
    expect(text).toContain('€ 4.250,00');
    expect(text).toContain('eerste_schijf_verschuldigd');
  });

  it('says why a case is not eligible, and puts a bad input next to its field', async () => {
    const refused = await pageText(
      await web().get(
        '/regelgeving/aanwervingsincentive/berekenen?datum=2019-06-01&leeftijd=55&maanden_werkzoekend=30&maanden_in_dienst=12',
      ),
    );
    expect(refused).toContain('Geen recht');
    expect(refused).toContain('leeftijd bij aanwerving (55) ligt tussen 25 en 54 jaar');

    const bad = await web().get(
      '/regelgeving/aanwervingsincentive/berekenen?datum=2019-06-01&leeftijd=veertig&maanden_werkzoekend=30&maanden_in_dienst=12',
    );
    const html = await bad.text();
    expect(html).toMatch(/id="veld-leeftijd"[^>]*aria-invalid="true"/);
    expect(
      await pageText(await web().get('/regelgeving/aanwervingsincentive/berekenen?datum=31-12-2019')),
    ).toContain('Vul een datum in');
  });

  it('reads a decimal typed with a comma or a dot alike (7,45 and 7.45 euro per cheque)', async () => {
    const base =
      '/regelgeving/wijk-werken/berekenen?datum=2019-03-01&doelgroep=werkzoekende&in_traject_naar_werk=true' +
      '&gebruiker=gemeente-of-ocmw&uren_maand=40&uren_jaar=300&maanden_traject=6&chequetype=papier&aantal_cheques=40';
    // 40 × 7,45 = 298,00 euro (seeds/004: the cheque of 7,45 euro).
    for (const price of ['7,45', '7.45'])
      expect(await pageText(await web().get(`${base}&chequeprijs=${price}`)), price).toContain('€ 298,00');
  });

  it('answers 404 in Dutch for an unknown measure', async () => {
    const res = await web().get('/regelgeving/bestaat-niet');
    expect(res.status).toBe(404);
    expect(await pageText(res)).toContain('Maatregel');
  });
});
