import type { Child } from 'hono/jsx';

/**
 * A table that scrolls sideways inside its own focusable region on a narrow screen, so the page
 * body never overflows and a keyboard user can scroll it (WCAG 2.1.1, 1.4.10).
 */
export function TableWrap(p: { label: string; children: Child }) {
  return (
    <section class="table-wrap" tabindex={0} aria-label={p.label}>
      {p.children}
    </section>
  );
}
