/**
 * Citations of the source documents: `seeds/<file>:L<from>-<to>` (or `:L<n>` for one line). The
 * loader checks that the file exists and that the lines are within it, so that every value in
 * Trede can be traced to text that is really there.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SEEDS_DIR = fileURLToPath(new URL('../../../seeds/', import.meta.url));

const CITATION = /^seeds\/(\d{3}_[0-9a-f]{16}\.txt):L(\d+)(?:-(\d+))?$/;

export interface Citation {
  file: string;
  from: number;
  to: number;
}

const lineCache = new Map<string, string[]>();

function lines(file: string): string[] | null {
  let cached = lineCache.get(file);
  if (!cached) {
    const path = SEEDS_DIR + file;
    if (!existsSync(path)) return null;
    cached = readFileSync(path, 'utf8').split('\n');
    lineCache.set(file, cached);
  }
  return cached;
}

export function parseCitation(text: string): Citation | null {
  const m = CITATION.exec(text);
  if (!m) return null;
  const from = Number(m[2]);
  return { file: m[1]!, from, to: m[3] ? Number(m[3]) : from };
}

/** Null when the citation is well-formed and points at existing lines; otherwise what is wrong. */
export function citationProblem(text: string): string | null {
  const c = parseCitation(text);
  if (!c) return `'${text}' is geen bronverwijzing van de vorm seeds/<bestand>:L<van>-<tot>`;
  const l = lines(c.file);
  if (!l) return `'${text}': het bronbestand seeds/${c.file} bestaat niet`;
  if (c.from < 1 || c.to < c.from) return `'${text}': het lijnbereik is ongeldig`;
  if (c.to > l.length) return `'${text}': het bestand telt maar ${l.length} lijnen`;
  return null;
}

/** The cited lines themselves (for the explorer), trimmed of the PDF extraction's blank lines. */
export function citedText(text: string, maxLines = 40): string[] {
  const c = parseCitation(text);
  if (!c) return [];
  const l = lines(c.file) ?? [];
  return l
    .slice(c.from - 1, Math.min(c.to, c.from - 1 + maxLines))
    .map((s) => s.trimEnd())
    .filter((s) => s.trim() !== '');
}
