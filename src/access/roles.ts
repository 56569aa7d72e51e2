/**
 * Roles and what each may do. A permission names a capability; the table below is the single
 * place that grants it. Organisation-bound checks (a werkgever acts only for its own
 * organisations) come on top, in `policies.ts`.
 */
export const ROLES = ['beheerder', 'dossierbehandelaar', 'werkgever', 'analist', 'inspecteur'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  beheerder: 'Beheerder',
  dossierbehandelaar: 'Dossierbehandelaar',
  werkgever: 'Werkgever / organisatie',
  analist: 'Beleidsanalist',
  inspecteur: 'Inspecteur',
};

const ALL: readonly Role[] = ROLES;
const INTERNAL: readonly Role[] = ['beheerder', 'dossierbehandelaar', 'analist', 'inspecteur'];

export const PERMISSIONS = {
  /** Create users, assign roles and organisations, reset passwords. */
  'users:manage': ['beheerder'],
  /** Read the audit log. */
  'audit:read': ['beheerder'],
  /** See organisations (a werkgever: only its own). */
  'organisations:read': ALL,
  /** Create and change organisations, recognitions and contingents. */
  'organisations:write': ['beheerder', 'dossierbehandelaar'],
  /** See persons with their INSZ and name; analysts only ever see a pseudonym. */
  'persons:read-identity': ['beheerder', 'dossierbehandelaar', 'inspecteur', 'werkgever'],
  /** See pseudonymised registry data (placements, indications) for statistics. */
  'registry:read-pseudonymised': INTERNAL,
  /** Write persons, indications, placements; run imports. */
  'registry:write': ['beheerder', 'dossierbehandelaar'],
  /** Read dossiers (a werkgever: those of its organisations). */
  'dossiers:read': ['beheerder', 'dossierbehandelaar', 'werkgever', 'inspecteur'],
  /** Apply for a measure on behalf of an organisation. */
  'dossiers:apply': ['beheerder', 'dossierbehandelaar', 'werkgever'],
  /** Move dossiers through their states (admissibility, decision, payment, recovery). */
  'dossiers:handle': ['beheerder', 'dossierbehandelaar'],
  /** The monitor with pseudonymised and aggregated data. */
  'monitor:read': INTERNAL,
  /** Inspection dossiers, findings, risk lists. */
  'inspection:handle': ['beheerder', 'inspecteur'],
  /** See and retry every background job (others see only their own). */
  'jobs:manage': ['beheerder'],
  /** Budget tables, execution and the check (also public as open data). */
  'budget:read': ['analist', 'beheerder'],
  /** The inspection report and risk counts: aggregates only, never a person. */
  'inspection:report': ['beheerder', 'inspecteur', 'analist'],
  /** Settlement runs and lines (a werkgever: its organisations' lines; an analist: totals only). */
  'settlement:read': ['beheerder', 'dossierbehandelaar', 'werkgever', 'analist'],
  /** Prepare (compute) settlement runs. */
  'settlement:prepare': ['beheerder', 'dossierbehandelaar'],
  /** Approve runs (four eyes), create payment files, confirm payment. */
  'settlement:approve': ['beheerder', 'dossierbehandelaar'],
  /** Register a recovery that the next settlement run collects (an inspection's proposed recovery). */
  'settlement:register-recovery': ['beheerder', 'inspecteur'],
  /** Note on a dossier that a recovery was proposed (no state change; the case handler decides). */
  'dossiers:note-recovery': ['beheerder', 'inspecteur'],
  /** Reference data and rule releases. */
  'reference:manage': ['beheerder'],
  /** The ondernemingsplan: goal tree, milestones, roll-ups and check (every signed-in role). */
  'plans:read': ALL,
  /** Keep the ondernemingsplan up to date: add milestones, change status, move timing. */
  'plans:manage': ['beheerder'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
