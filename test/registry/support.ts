/** Helpers for the registry tests: valid INSZ numbers and multipart uploads over real HTTP. */
import type { ApiClient } from '../support/http.ts';

/** A valid INSZ (born before 2000) for any n < 1e5: YYMMDD + a sequence + check digits. */
export function inszFor(n: number, century: 1900 | 2000 = 1900): string {
  const yy = 50 + (n % 49);
  const mm = 1 + (Math.floor(n / 49) % 12);
  const dd = 1 + (Math.floor(n / 588) % 28);
  const seq = 1 + (Math.floor(n / 16464) % 997);
  const base = `${String(century === 2000 ? n % 20 : yy).padStart(2, '0')}${String(mm).padStart(2, '0')}${String(dd).padStart(2, '0')}${String(seq).padStart(3, '0')}`;
  const num = Number(base) + (century === 2000 ? 2_000_000_000 : 0);
  return `${base}${String(97 - (num % 97)).padStart(2, '0')}`;
}

/** Creates an API token for a signed-in client and returns a function that uploads a file. */
export async function uploader(session: ApiClient, base: string) {
  const { token } = (await (await session.post('/api/v1/auth/tokens', { name: 'import' })).json()) as {
    token: string;
  };
  return (path: string, fileName: string, content: string | Uint8Array, type = 'text/csv') => {
    const form = new FormData();
    form.append('file', new Blob([content], { type }), fileName);
    return fetch(base + path, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  };
}
