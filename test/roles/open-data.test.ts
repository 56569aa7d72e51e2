import { expect, it } from 'vitest';
import { can, openDataActor } from '../../src/access/index.ts';

it('lets open data read pseudonymised facts and nothing more', () => {
  const actor = openDataActor('api');
  expect(can(actor, 'registry:read-pseudonymised')).toBe(true);
  for (const p of [
    'persons:read-identity',
    'registry:write',
    'users:manage',
    'audit:read',
    'jobs:manage',
  ] as const)
    expect(can(actor, p), p).toBe(false);
});
