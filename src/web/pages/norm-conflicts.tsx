/** The lead-time norms the seed states twice with different values: both values, both lines. */
import type { NormConflict } from '../../dossiers/index.ts';

export function NormConflicts(p: { conflicts: NormConflict[] }) {
  if (p.conflicts.length === 0) return null;
  return (
    <>
      <h2>Normen met twee waarden in de bron</h2>
      <ul>
        {p.conflicts.map((c) => (
          <li>
            <strong>{c.measure}</strong>: {c.what}{' '}
            {c.values.map((v, i) => (
              <>
                {i > 0 && ' tegenover '}
                <strong>{v.value}</strong> <small class="hint">({v.source})</small>
              </>
            ))}
          </li>
        ))}
      </ul>
    </>
  );
}
