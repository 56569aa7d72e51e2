/**
 * Granted dossiers as the settlement module reads them to build payment schedules: the measure,
 * the organisation's KBO, the dossier date (the facts' reference date: hire, start, …), the date of
 * the grant (the last event that moved the dossier to `beslist` with outcome toegekend), the amount
 * the rules engine gave and what was already paid.
 */
import { type Actor, assertCan } from '../access/index.ts';
import type { Queryable } from '../db/index.ts';
import { organisationsById, pseudonymsById } from '../registry/index.ts';

export interface GrantedDossier {
  id: string;
  reference: string;
  measureId: string;
  kbo: string | null;
  personPseudonym: string | null;
  date: string;
  grantedOn: string;
  facts: Record<string, unknown>;
  amountCents: number | null;
  paidCents: number;
}

/** Dossiers granted on or before `grantedUpTo` and not withdrawn, in grant order. */
export async function listGrantedDossiers(
  db: Queryable,
  actor: Actor,
  filter: { grantedUpTo: string },
): Promise<GrantedDossier[]> {
  assertCan(actor, 'settlement:prepare');
  const { rows } = await db.query<{
    id: string;
    reference: string;
    measure_id: string;
    organisation_id: string | null;
    person_id: string | null;
    dossier_date: string;
    granted_on: string;
    facts: Record<string, unknown>;
    amount: number | null;
    paid: string | null;
  }>(
    `SELECT d.id, d.reference, d.measure_id, d.organisation_id, d.person_id, d.dossier_date::text AS dossier_date,
            g.granted_on, d.facts, (d.eligibility->>'amount')::numeric AS amount,
            (SELECT SUM(amount_cents) FROM dossier_payments p WHERE p.dossier_id = d.id)::text AS paid
       FROM dossiers d
       JOIN LATERAL (SELECT (e.occurred_at AT TIME ZONE 'Europe/Brussels')::date::text AS granted_on
                       FROM dossier_events e
                      WHERE e.dossier_id = d.id AND e.action IN ('toekennen', 'beroep-gegrond')
                      ORDER BY e.id DESC LIMIT 1) g ON true
      WHERE d.outcome = 'toegekend' AND d.state IN ('beslist', 'betaald', 'afgesloten')
        AND g.granted_on <= $1
      ORDER BY g.granted_on, d.reference`,
    [filter.grantedUpTo],
  );
  const ids = (pick: (r: (typeof rows)[number]) => string | null) => [
    ...new Set(rows.map(pick).filter((x) => x !== null)),
  ];
  const [organisations, pseudonyms] = await Promise.all([
    organisationsById(
      db,
      ids((r) => r.organisation_id),
    ),
    pseudonymsById(
      db,
      ids((r) => r.person_id),
    ),
  ]);
  const kbos = new Map(organisations.map((o) => [o.id, o.kbo]));
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    measureId: r.measure_id,
    kbo: r.organisation_id ? (kbos.get(r.organisation_id) ?? null) : null,
    personPseudonym: r.person_id ? (pseudonyms.get(r.person_id) ?? null) : null,
    date: r.dossier_date,
    grantedOn: r.granted_on,
    facts: r.facts,
    amountCents: r.amount === null ? null : Math.round(Number(r.amount) * 100),
    paidCents: Number(r.paid ?? 0),
  }));
}
