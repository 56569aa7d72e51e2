// Progressive enhancement only: every page works without this script.
document.addEventListener('submit', (event) => {
  const form = event.target;
  const message = form instanceof HTMLFormElement ? form.dataset.confirm : undefined;
  if (message && !window.confirm(message)) {
    event.preventDefault();
    return;
  }
  // A posted form shows that it is working and cannot be sent twice.
  if (form instanceof HTMLFormElement && form.method === 'post' && !form.hasAttribute('data-no-busy')) {
    const button =
      event.submitter instanceof HTMLButtonElement
        ? event.submitter
        : form.querySelector('button[type=submit]');
    if (button) {
      setTimeout(() => {
        button.disabled = true;
        button.setAttribute('aria-busy', 'true');
        button.textContent = button.dataset.busy || 'Bezig…';
      }, 0);
    }
  }
});

document.addEventListener('DOMContentLoaded', () => {
  // Move focus to the error summary so keyboard and screen-reader users hear what went wrong.
  const summary = document.querySelector('.error-summary');
  if (summary instanceof HTMLElement) summary.focus();

  // Long-running work (imports, runs) shows a progress element that polls a JSON status URL.
  for (const el of document.querySelectorAll('[data-progress-url]')) {
    const url = el.getAttribute('data-progress-url');
    const bar = el.querySelector('progress');
    const label = el.querySelector('[data-progress-label]');
    const tick = async () => {
      const res = await fetch(url, { headers: { accept: 'application/json' } });
      if (!res.ok) return;
      const s = await res.json();
      if (bar && typeof s.done === 'number' && typeof s.total === 'number') {
        bar.max = s.total || 1;
        bar.value = s.done;
      }
      if (label && s.label) label.textContent = s.label;
      if (s.finished) {
        if (s.redirect) window.location.assign(s.redirect);
        return;
      }
      setTimeout(tick, 500);
    };
    tick();
  }
});

// A table box that scrolls sideways can be reached and scrolled with the keyboard (WCAG 2.1.1).
for (const wrap of document.querySelectorAll('.table-wrap')) {
  if (wrap.scrollWidth > wrap.clientWidth) {
    wrap.setAttribute('tabindex', '0');
    if (!wrap.hasAttribute('aria-label')) wrap.setAttribute('aria-label', 'Tabel, schuift zijwaarts');
    wrap.setAttribute('role', 'region');
  }
}
