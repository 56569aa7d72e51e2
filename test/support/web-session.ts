/** A signed-in web session over real HTTP: GET with the session cookie, POST a form with its CSRF token. */
import { TEST_PASSWORD } from './factories.ts';

export async function webSession(base: string, username: string) {
  const res = await fetch(`${base}/aanmelden`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username, password: TEST_PASSWORD }).toString(),
  });
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const get = (path: string) => fetch(base + path, { headers: { cookie }, redirect: 'manual' });
  const post = async (formPage: string, action: string, fields: Record<string, string>) => {
    const html = await (await get(formPage)).text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
    return fetch(base + action, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, ...fields }).toString(),
    });
  };
  return { cookie, get, post };
}

/** The visible text of an HTML page, tags stripped, whitespace collapsed. */
export function visibleText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;|\u00a0/g, ' ')
    .replace(/\s+/g, ' ');
}
