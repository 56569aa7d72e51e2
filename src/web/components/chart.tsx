/**
 * Charts rendered on the server as SVG with Apache ECharts (SSR mode): no client-side script, an
 * accessible name on the SVG, and always followed by the chart's data table on the page.
 */
import type * as Echarts from 'echarts';
import { raw } from 'hono/html';

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

let echarts: typeof Echarts | undefined;

/** Loads ECharts on first use (it takes seconds to import; the CLI and other pages never need it). */
export async function loadCharts(): Promise<void> {
  echarts ??= await import('echarts');
}

export const PALETTE = ['#1f4e79', '#2e8b57', '#c8741b', '#7a4b94', '#9e2a2b', '#4a7a8c'];

/** Renders an ECharts option to an SVG string with role="img" and the given label. */
export function renderChartSvg(
  option: Echarts.EChartsCoreOption,
  p: { label: string; width?: number; height?: number },
) {
  if (!echarts) throw new Error('loadCharts() eerst aanroepen');
  const chart = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: p.width ?? 760,
    height: p.height ?? 340,
  });
  chart.setOption({
    animation: false,
    color: PALETTE,
    textStyle: { fontFamily: 'system-ui, sans-serif' },
    aria: { enabled: true, label: { description: p.label } },
    ...option,
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg.replace('<svg ', `<svg role="img" aria-label="${escapeAttr(p.label)}" `);
}

/** Dutch thousands separator for axis labels (63552 → 63.552). */
export const nlAxis = (v: number) => v.toLocaleString('nl-BE');

export function Chart(p: {
  id: string;
  caption: string;
  label: string;
  option: Echarts.EChartsCoreOption;
  height?: number;
}) {
  return (
    <figure class="chart" id={p.id} aria-labelledby={`${p.id}-titel`}>
      <figcaption id={`${p.id}-titel`}>{p.caption}</figcaption>
      {raw(renderChartSvg(p.option, { label: p.label, ...(p.height ? { height: p.height } : {}) }))}
    </figure>
  );
}
