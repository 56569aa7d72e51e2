/** What the monitor counts: every placement, pseudonymised, with the municipality of its organisation. */
import type { Actor } from '../access/index.ts';
import type { Queryable } from '../db/index.ts';
import { assertCan } from './access.ts';

/** One placement as the monitor counts it. */
export interface PlacementFact {
  person: string; // the person's stable pseudonym (never the INSZ)
  measure: string; // rules catalogue id
  start: string; // ISO date
  end: string | null; // ISO date, null = ongoing
  fte: number;
  nisCode: string | null; // municipality (NIS) of the organisation
}

export async function listPlacementFacts(db: Queryable, actor: Actor): Promise<PlacementFact[]> {
  assertCan(actor, 'registry:read-pseudonymised');
  const { rows } = await db.query<{
    pseudonym: string;
    measure: string;
    start_date: string;
    end_date: string | null;
    fte: string;
    nis_code: string | null;
  }>(
    `SELECT pe.pseudonym, p.measure, p.start_date, p.end_date, p.fte, o.nis_code FROM placements p
       JOIN persons pe ON pe.id = p.person_id JOIN organisations o ON o.id = p.organisation_id
      ORDER BY p.start_date, pe.pseudonym, p.measure`,
  );
  return rows.map((r) => ({
    person: r.pseudonym,
    measure: r.measure,
    start: r.start_date,
    end: r.end_date,
    fte: Number(r.fte),
    nisCode: r.nis_code,
  }));
}
