/**
 * Issue 14: an assumed date or value is shown as an assumption, not as law, on the measure page
 * (version and parameter) and in the trace of a calculation.
 */
import { describe, expect, it } from 'vitest';
import { client, useTestServer } from '../support/http.ts';

async function pageText(res: Response): Promise<string> {
  return (await res.text())
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;|\u00a0/g, ' ')
    .replace(/\s+/g, ' ');
}

describe('assumptions on the Regelgeving pages', () => {
  const url = useTestServer();

  it('the WES page marks its 2017 start and its premium as assumptions', async () => {
    const text = await pageText(await client(url()).get('/regelgeving/wes'));
    // Version from 2017-01-01: the seeds give no own start date (Tabel 22 counts WES from 2017, L5404-5408).
    expect(text).toContain('Aanname, geen wettekst: De bron geeft geen eigen begindatum voor de WES');
    expect(text).toContain('aanname: De bron geeft de stagepremie van 200 euro zonder datum');
  });

  it('a doorstroom calculation shows the assumed 1.400 euro per completed phase in its trace', async () => {
    const text = await pageText(
      await client(url()).get(
        '/regelgeving/doorstroombegeleiding/berekenen?datum=2019-09-01&regime=lde&doorstroomklaar=true&maanden_voortraject=1&maanden_jobmatching=0&maanden_stage=0&voltooide_fasen=1',
      ),
    );
    // 1 voltooide fase × 1.400 euro (seeds/004_694cfc149f605398.txt:L1584-1585, split assumed).
    expect(text).toContain('€ 1.400,00');
    expect(text).toContain('Aanname, geen wettekst');
  });
});
