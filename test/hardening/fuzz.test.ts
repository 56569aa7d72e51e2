/**
 * A fuzz test derived from the OpenAPI document (issue 16 "Done when"): for every operation it
 * sends bad path ids, bad query values, bodies of the wrong shape and type and malformed bodies,
 * as an authenticated beheerder and anonymously, over real HTTP on each backend, and asserts that
 * no answer is a 5xx. The inputs are generated deterministically (no randomness), so a failure
 * names an input that can be replayed.
 */
import { describe, expect, it } from 'vitest';
import { backends, useHardenedServer } from './support.ts';

type Schema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  example?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  format?: string;
};
interface Operation {
  parameters?: { name: string; in: string; schema?: Schema }[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
}
interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

interface Case {
  method: string;
  path: string;
  body?: string;
  type?: string;
}

const BAD_IDS = [
  'x',
  'not-a-uuid',
  '%00',
  '123',
  '-1',
  'a'.repeat(300),
  '00000000-0000-0000-0000-00000000000g',
  '%E2%80%8B',
];
const BAD_QUERY = ['NaN', '-1', '1e308', '', 'x%00y', 'a'.repeat(3000), '2021-02-30', '[]', '0,5'];
const BAD_VALUES: unknown[] = [
  null,
  -1,
  1e308,
  0.5,
  '',
  'x\u0000y',
  'a'.repeat(5000),
  true,
  [],
  {},
  '2021-02-30',
  { $ne: 1 },
];
const DEEP = `${'['.repeat(5000)}${']'.repeat(5000)}`;
/** Operations whose success changes who the client is; their bad inputs are still sent anonymously. */
const SKIP_AUTHENTICATED = new Set(['post /auth/logout']);

function resolve(doc: OpenApi, s: Schema | undefined): Schema | undefined {
  if (!s) return s;
  if (s.$ref) return resolve(doc, doc.components?.schemas?.[s.$ref.replace('#/components/schemas/', '')]);
  return s;
}

/** A plausible value of a schema, used as the base that one property at a time is spoiled in. */
function sample(doc: OpenApi, s0: Schema | undefined, depth = 0): unknown {
  const s = resolve(doc, s0);
  if (!s || depth > 4) return 'x';
  if (s.example !== undefined) return s.example;
  if (s.enum) return s.enum[0];
  const alt = s.anyOf?.[0] ?? s.oneOf?.[0];
  if (alt) return sample(doc, alt, depth + 1);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  if (type === 'object' || s.properties)
    return Object.fromEntries(
      Object.entries(s.properties ?? {}).map(([k, v]) => [k, sample(doc, v, depth + 1)]),
    );
  if (type === 'array') return [sample(doc, s.items, depth + 1)];
  if (type === 'integer' || type === 'number') return 1;
  if (type === 'boolean') return true;
  if (s.format === 'uuid') return '00000000-0000-4000-8000-000000000000';
  if (s.format === 'date') return '2019-01-01';
  return 'x';
}

export function casesFrom(doc: OpenApi): Case[] {
  const cases: Case[] = [];
  for (const [template, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const params = op.parameters ?? [];
      const pathParams = params.filter((p) => p.in === 'path');
      const okPath = template.replace(/\{(\w+)\}/g, (_, name: string) => {
        const p = pathParams.find((q) => q.name === name);
        return encodeURIComponent(String(sample(doc, p?.schema)));
      });
      const at = (path: string) => `/api/v1${path}`;
      // Bad path parameters.
      for (const p of pathParams)
        for (const bad of BAD_IDS)
          cases.push({ method, path: at(template.replace(`{${p.name}}`, bad).replace(/\{\w+\}/g, 'x')) });
      // Bad query values, one parameter at a time, and an unknown parameter.
      for (const q of params.filter((p) => p.in === 'query'))
        for (const bad of BAD_QUERY) cases.push({ method, path: `${at(okPath)}?${q.name}=${bad}` });
      cases.push({ method, path: `${at(okPath)}?onbekend=%00` });
      // Bodies.
      const content = op.requestBody?.content ?? {};
      const jsonSchema = resolve(doc, content['application/json']?.schema);
      if (jsonSchema) {
        const base = sample(doc, jsonSchema);
        const json = (v: unknown) => ({
          method,
          path: at(okPath),
          body: JSON.stringify(v),
          type: 'application/json',
        });
        for (const raw of ['', '{', '"x"', 'null', '[]', '123', DEEP, `{"a":${DEEP}}`, '{"a":"\\u0000"}'])
          cases.push({ method, path: at(okPath), body: raw, type: 'application/json' });
        cases.push(json({}), json({ ...(base as object), onbekend: 'x' }));
        if (base && typeof base === 'object' && !Array.isArray(base))
          for (const key of Object.keys(base))
            for (const bad of BAD_VALUES) cases.push(json({ ...(base as object), [key]: bad }));
      }
      if (content['multipart/form-data']) {
        for (const body of ['', '--x\r\n', '--x\r\nContent-Disposition: form-data; name="file"\r\n\r\nabc'])
          cases.push({ method, path: at(okPath), body, type: 'multipart/form-data; boundary=x' });
        cases.push({ method, path: at(okPath), body: 'file=x', type: 'application/x-www-form-urlencoded' });
      }
      if (!jsonSchema && !content['multipart/form-data'] && method !== 'get')
        cases.push({ method, path: at(okPath), body: '{"x":', type: 'application/json' });
    }
  }
  return cases;
}

/** Sends the cases with a few at a time; returns the count per status class and the 5xx cases. */
async function send(base: string, cases: Case[], headers: Record<string, string>) {
  const tally = { tried: 0, ok: 0, clientError: 0, serverError: 0 };
  const failures: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const c = cases[next++]!;
      const res = await fetch(base + c.path, {
        method: c.method.toUpperCase(),
        headers: { ...headers, ...(c.type ? { 'content-type': c.type } : {}) },
        redirect: 'manual',
        ...(c.body !== undefined ? { body: c.body } : {}),
      });
      const text = await res.text();
      tally.tried++;
      if (res.status >= 500) {
        tally.serverError++;
        failures.push(
          `${res.status} ${c.method.toUpperCase()} ${c.path.slice(0, 200)} ${(c.body ?? '').slice(0, 200)} → ${text.slice(0, 200)}`,
        );
      } else if (res.status >= 400) tally.clientError++;
      else tally.ok++;
    }
  };
  await Promise.all(Array.from({ length: 6 }, worker));
  return { tally, failures };
}

for (const backend of backends()) {
  describe(`fuzzing every endpoint from the OpenAPI document [${backend}]`, () => {
    const h = useHardenedServer(backend);

    it('answers thousands of bad inputs without a single 5xx', { timeout: 180_000 }, async () => {
      const doc = (await (await h().anonymous.get('/api/v1/openapi.json')).json()) as OpenApi;
      const cases = casesFrom(doc);
      const authenticated = cases.filter(
        (c) => !SKIP_AUTHENTICATED.has(`${c.method} ${c.path.replace(/\?.*$/, '').replace('/api/v1', '')}`),
      );
      const asBeheerder = await send(h().url, authenticated, { authorization: `Bearer ${h().token}` });
      const asAnonymous = await send(h().url, cases, {});
      const total = {
        tried: asBeheerder.tally.tried + asAnonymous.tally.tried,
        clientError: asBeheerder.tally.clientError + asAnonymous.tally.clientError,
        serverError: asBeheerder.tally.serverError + asAnonymous.tally.serverError,
        ok: asBeheerder.tally.ok + asAnonymous.tally.ok,
      };
      console.info(`fuzz [${backend}]: ${JSON.stringify(total)} (${Object.keys(doc.paths).length} paths)`);
      expect(total.tried).toBeGreaterThan(2000);
      expect([...asBeheerder.failures, ...asAnonymous.failures].slice(0, 20)).toEqual([]);
    });
  });
}
