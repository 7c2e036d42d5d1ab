// Each payment on a time axis: a bar for the credit provably unused at that moment, a dot sized by
// the amount, and the auto-recharge threshold as a dashed line. A misfiring burst shows as a row of
// red bars above the line.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Report } from '../lib/report-schema';
import { timelinePoints } from '../lib/exports/timeline';
import { clock, money, wall } from './format';

// The right margin holds the threshold's label, clear of the bars.
const PAD = { left: 56, right: 96, top: 14, bottom: 34 };

/**
 * The drawing's width follows its container, so its 11px labels stay 11px on a narrow popup or
 * at 200% zoom instead of shrinking with the picture. `width` is the first guess.
 */
export function Timeline({ report, width = 560 }: { report: Report; width?: number }) {
  const all = timelinePoints(report);
  const [measured, setMeasured] = useState(width);
  const figure = useRef<HTMLElement>(null);
  useEffect(() => {
    const el = figure.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      const w = Math.round(entry?.contentRect.width ?? 0);
      if (w > 0) setMeasured(Math.max(300, Math.min(720, w)));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [all.length > 0]);
  const W = measured;
  const H = 150;
  if (all.length === 0) return null;
  // Focus on the latest rapid burst when there is one: over a year it would be a single dot.
  const burst = [...report.alerts].reverse().find((a) => a.kind === 'rapid-recharge');
  const burstSet = new Set(burst?.invoices ?? []);
  const inBurst = all.filter((p) => burstSet.has(p.invoice));
  const points = inBurst.length >= 2 ? inBurst : all;
  const threshold = report.rechargeRule.thresholdCents;
  const t0 = points[0]!.minutes;
  const t1 = points[points.length - 1]!.minutes;
  const top = Math.max(100, threshold ?? 0, ...points.map((p) => Math.max(p.boundCents ?? 0, p.totalCents))) * 1.15;
  const x = (m: number) => (t1 === t0 ? (PAD.left + W - PAD.right) / 2 : PAD.left + ((m - t0) / (t1 - t0)) * (W - PAD.left - PAD.right));
  const y = (cents: number) => PAD.top + (1 - cents / top) * (H - PAD.top - PAD.bottom);
  const maxAmount = Math.max(...points.map((p) => p.totalCents));
  const peak = Math.max(0, ...points.map((p) => p.boundCents ?? 0));
  const bounds = points.filter((p) => p.boundCents !== null);
  const label =
    `${points.length} payments from ${wall(points[0]!.at)} to ${wall(points[points.length - 1]!.at)}` +
    (bounds.length ? `; unused credit at those moments was at least ${money(Math.min(...bounds.map((p) => p.boundCents!)))} to ${money(Math.max(...bounds.map((p) => p.boundCents!)))}` : '') +
    (threshold !== null ? `, against a threshold of ${money(threshold)}.` : '.');
  return (
    <figure class="cl-timeline" ref={figure}>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
        <line class="cl-axis" x1={PAD.left} x2={W - PAD.right} y1={y(0)} y2={y(0)} />
        <text class="cl-tick" x={PAD.left - 6} y={y(0) + 4} text-anchor="end">
          {money(0)}
        </text>
        {peak > 0 && (
          <g>
            <line class="cl-grid-line" x1={PAD.left} x2={W - PAD.right} y1={y(peak)} y2={y(peak)} />
            <text class="cl-tick" x={PAD.left - 6} y={y(peak) + 4} text-anchor="end">
              {money(peak)}
            </text>
          </g>
        )}
        {threshold !== null && (
          <g>
            <line class="cl-threshold" x1={PAD.left} x2={W - PAD.right} y1={y(threshold)} y2={y(threshold)} />
            <text class="cl-tick cl-tick-threshold" x={W - PAD.right + 8} y={y(threshold) + 4}>
              threshold {money(threshold)}
            </text>
          </g>
        )}
        {points.map((p) => (
          <g key={p.invoice}>
            <title>{`${p.invoice}: ${money(p.totalCents)} on ${wall(p.at)}${p.boundCents !== null ? `, while at least ${money(p.boundCents)} was unused` : ''}`}</title>
            {p.boundCents !== null && p.boundCents > 0 && (
              <rect class={p.flagged ? 'cl-bar cl-bar-bad' : 'cl-bar'} x={x(p.minutes) - 5} width={10} y={y(p.boundCents)} height={y(0) - y(p.boundCents)} rx={2} />
            )}
            <circle class={p.flagged ? 'cl-dot cl-dot-bad' : 'cl-dot'} cx={x(p.minutes)} cy={y(0)} r={3 + 5 * Math.sqrt(p.totalCents / maxAmount)} />
          </g>
        ))}
        <text class="cl-tick" x={PAD.left} y={H - 8}>
          {wall(points[0]!.at)}
        </text>
        {t1 !== t0 && (
          <text class="cl-tick" x={W - PAD.right} y={H - 8} text-anchor="end">
            {/* Same day: the time is enough, and the two labels do not collide on narrow panels. */}
            {points[points.length - 1]!.at.slice(0, 10) === points[0]!.at.slice(0, 10) ? clock(points[points.length - 1]!.at) : wall(points[points.length - 1]!.at)}
          </text>
        )}
      </svg>
      <figcaption>
        {bounds.length ? 'Bars: credit provably unused when each payment (dot) was made' : 'Dots: the payments (the credit grants page is not read yet, so the credit unused at each is not known)'}
        {threshold !== null ? '; dashed line: the auto-recharge threshold' : ''}.
        {inBurst.length >= 2 && inBurst.length < all.length ? ` Showing the burst of ${inBurst.length} charges.` : ''}
      </figcaption>
    </figure>
  );
}
