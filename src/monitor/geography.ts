/**
 * The monitor's geography: Vlaams Gewest → provinces → the five West-Flemish regions of the POM
 * study (+ "niet toe te wijzen") → arrondissements → municipalities by NIS code.
 */
import { z } from 'zod';
import { readYamlData } from '../db/index.ts';

const dataUrl = new URL('./data/geography.yaml', import.meta.url);

const schema = z.object({
  source: z.string(),
  root: z.object({ id: z.literal('vlaanderen'), name: z.string(), nis_prefixes: z.array(z.string()) }),
  provinces: z.array(z.object({ id: z.string(), name: z.string(), nis_prefixes: z.array(z.string()) })),
  regions: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      province: z.string(),
      arrondissements: z.array(z.string()),
      note: z.string().optional(),
      source: z.string(),
    }),
  ),
  arrondissements: z.array(z.object({ nis: z.string(), name: z.string() })),
});

export type GeoLevel = 'gewest' | 'provincie' | 'regio' | 'arrondissement';

export interface GeoArea {
  id: string;
  name: string;
  level: GeoLevel;
  parent: string | null;
  source: string;
}

const raw = schema.parse(readYamlData(dataUrl));

export const WEST_FLEMISH_REGIONS = raw.regions.map((r) => r.id);

function buildAreas(): GeoArea[] {
  const areas: GeoArea[] = [
    { id: raw.root.id, name: raw.root.name, level: 'gewest', parent: null, source: raw.source },
  ];
  for (const p of raw.provinces)
    areas.push({ id: p.id, name: p.name, level: 'provincie', parent: 'vlaanderen', source: raw.source });
  for (const r of raw.regions)
    areas.push({ id: r.id, name: r.name, level: 'regio', parent: r.province, source: r.source });
  for (const a of raw.arrondissements) {
    const region = raw.regions.find((r) => r.arrondissements.includes(a.nis));
    areas.push({
      id: `arr-${a.nis}`,
      name: `Arrondissement ${a.name}`,
      level: 'arrondissement',
      parent: region?.id ?? 'west-vlaanderen',
      source: region?.source ?? raw.source,
    });
  }
  return areas;
}

export const AREAS: readonly GeoArea[] = buildAreas();

export function getArea(id: string): GeoArea | undefined {
  return AREAS.find((a) => a.id === id);
}

/** Every area id an area lies in, itself first (arr-36 → midden-west-vlaanderen → west-vlaanderen → vlaanderen). */
export function ancestry(id: string): string[] {
  const out: string[] = [];
  let cur = getArea(id);
  while (cur) {
    out.push(cur.id);
    cur = cur.parent ? getArea(cur.parent) : undefined;
  }
  return out;
}

/**
 * The smallest area a five-digit NIS municipality code lies in: the arrondissement for a
 * West-Flemish municipality, the province elsewhere in Flanders; null outside Flanders or when unknown.
 */
export function areaOfNis(nisCode: string | null): string | null {
  if (!nisCode || !/^\d{5}$/.test(nisCode)) return null;
  const arr = raw.arrondissements.find((a) => nisCode.startsWith(a.nis));
  if (arr) return `arr-${arr.nis}`;
  const prov = raw.provinces.find((p) => p.nis_prefixes.some((x) => nisCode.startsWith(x)));
  return prov?.id ?? null;
}

/**
 * Does a placement with this NIS code count for `region`? A placement without a (Flemish) NIS code
 * counts only under `niet-toewijsbaar`, as the study does with places it cannot assign.
 */
export function nisInRegion(nisCode: string | null, region: string): boolean {
  const area = areaOfNis(nisCode);
  if (!area) return region === 'niet-toewijsbaar';
  return ancestry(area).includes(region);
}

/** The NIS codes of the arrondissements of a West-Flemish region (empty for niet-toewijsbaar). */
export function regionArrondissements(region: string): string[] {
  return raw.regions.find((r) => r.id === region)?.arrondissements ?? [];
}
