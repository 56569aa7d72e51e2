/** Measure ids in the registry refer to the rules catalogue. */
import { catalogue } from '../rules/index.ts';

export async function measureExists(id: string): Promise<boolean> {
  return (await catalogue()).get(id) !== undefined;
}

export async function measureIds(): Promise<Set<string>> {
  return new Set((await catalogue()).measures.map((m) => m.id));
}

export const unknownMeasureMessage = (id: string) =>
  `onbekende maatregel '${id}'; gebruik een id uit de regelcatalogus (npx trede rules list)`;
