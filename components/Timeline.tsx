// Each payment on a time axis: a bar for the credit provably unused at that moment, rising from the
// axis, a dot below the axis sized by the amount (so no dot ever covers a bar), and the
// auto-recharge threshold as a dashed line. A misfiring burst shows as a row of red bars above the
// line. Labels are placed from their measured-by-estimate widths so they never collide, and the
// caption says only what is drawn. Without the credit grants page there is nothing to compare with
// the threshold: no chart is drawn then.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Report } from '../lib/report-schema';
import { timelinePoints } from '../lib/exports/timeline';
import { count } from '../lib/exports/wording';
import { clock, wordsFor } from './format';

const FONT = 11;
const H_PLOT = 102;
const DOT_MAX = 7;
const BAR_MIN = 3;

/** About how wide a label is at 11px: wide (CJK) characters count double. */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.codePointAt(0)! >= 0x2e80 ? FONT : FONT * 0.6;
  return Math.ceil(w);
}

/**
 * The drawing's width follows its container, so its 11px labels stay 11px on a narrow popup or
 * at 200% zoom instead of shrinking with the picture. `width` is the first guess.
 */
export function Timeline({ report, width = 560 }: { report: Report; width?: number }) {
  const all = timelinePoints(report);
  const [measured, setMeasured] = useState(width);
  const figure = useRef<HTMLElement>(null);
  const drawn = all.some((p) => p.boundCents !== null);
  useEffect(() => {
    const el = figure.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      const w = Math.round(entry?.contentRect.width ?? 0);
      if (w > 0) setMeasured(Math.max(260, Math.min(720, w)));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [drawn]);
  if (!drawn) return null;
  const w = wordsFor(report);
  const W = measured;
  // Focus on the latest rapid burst when there is one: over a year it would be a single dot.
  const burst = [...report.alerts].reverse().find((a) => a.kind === 'rapid-recharge');
  const burstSet = new Set(burst?.invoices ?? []);
  const inBurst = all.filter((p) => burstSet.has(p.invoice));
  const points = inBurst.length >= 2 && inBurst.some((p) => p.boundCents !== null) ? inBurst : all;
  const threshold = report.rechargeRule.thresholdCents;
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const t0 = first.minutes;
  const t1 = last.minutes;
  const bounds = points.filter((p) => p.boundCents !== null);
  const peak = Math.max(0, ...bounds.map((p) => p.boundCents!));
  const top = Math.max(100, threshold ?? 0, peak) * 1.15;

  // Margins from the labels they hold: the amounts on the left, the threshold's label on the right.
  const zeroLabel = w.money(0);
  const peakLabel = w.money(peak);
  const thresholdLabel = threshold !== null ? w.t('timeline.threshold', { threshold: w.money(threshold) }) : '';
  const left = Math.max(textWidth(zeroLabel), peak > 0 ? textWidth(peakLabel) : 0) + 10;
  const right = threshold !== null ? Math.min(textWidth(thresholdLabel) + 12, Math.round(W * 0.4)) : 12;
  const plotLeft = left + DOT_MAX;
  const plotRight = W - right - DOT_MAX;
  const axisY = 10 + H_PLOT;
  const dotsY = axisY + DOT_MAX + 3;
  const x = (m: number) => (t1 === t0 ? (plotLeft + plotRight) / 2 : plotLeft + ((m - t0) / (t1 - t0)) * (plotRight - plotLeft));
  const y = (cents: number) => 10 + (1 - cents / top) * H_PLOT;

  // The two ends of the time axis: the same day says its time alone; labels that would meet go on two rows.
  const sameDay = last.at.slice(0, 10) === first.at.slice(0, 10);
  const startLabel = w.wall(first.at);
  const endLabel = t1 === t0 ? '' : sameDay ? clock(last.at) : w.wall(last.at);
  const labelsY = dotsY + DOT_MAX + FONT + 4;
  const twoRows = endLabel !== '' && textWidth(startLabel) + textWidth(endLabel) + 16 > W - right - left;
  const H = labelsY + (twoRows ? FONT + 4 : 0) + 4;

  const maxAmount = Math.max(...points.map((p) => p.totalCents));
  const showPeak = peak > 0 && axisY - y(peak) >= FONT + 3;
  const flaggedShown = points.some((p) => p.flagged && (p.boundCents ?? 0) > 0);
  const range = { min: w.money(Math.min(...bounds.map((p) => p.boundCents!))), max: w.money(peak) };
  const label = w.join([
    w.t('timeline.label', { payments: count('count.payments', points.length, w), from: w.wall(first.at), to: w.wall(last.at) }),
    threshold !== null ? w.t('timeline.labelBoundsThreshold', { ...range, threshold: w.money(threshold) }) : w.t('timeline.labelBounds', range),
  ]);
  const barsDrawn = points.some((p) => (p.boundCents ?? 0) > 0);
  const caption = [
    w.t(barsDrawn ? 'timeline.captionBars' : 'timeline.captionNoBars'),
    ...(flaggedShown ? [w.t('timeline.captionFlagged')] : []),
    ...(threshold !== null ? [w.t('timeline.captionThreshold')] : []),
    ...(points === inBurst && inBurst.length < all.length ? [w.t('timeline.captionBurst', { count: inBurst.length })] : []),
    w.t('timeline.captionClock'),
  ];
  return (
    <figure class="cl-timeline" ref={figure}>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
        <line class="cl-axis" x1={left} x2={W - right} y1={axisY} y2={axisY} />
        <text class="cl-tick" x={left - 6} y={axisY + 4} text-anchor="end">
          {zeroLabel}
        </text>
        {showPeak && (
          <g>
            <line class="cl-grid-line" x1={left} x2={W - right} y1={y(peak)} y2={y(peak)} />
            <text class="cl-tick" x={left - 6} y={y(peak) + 4} text-anchor="end">
              {peakLabel}
            </text>
          </g>
        )}
        {threshold !== null && (
          <g>
            <line class="cl-threshold" x1={left} x2={W - right} y1={y(threshold)} y2={y(threshold)} />
            <text class="cl-tick cl-tick-threshold" x={W - right + 6} y={y(threshold) + 4}>
              {thresholdLabel}
            </text>
          </g>
        )}
        {points.map((p) => (
          <g key={p.invoice}>
            <title>
              {p.boundCents !== null
                ? w.t('timeline.pointBound', { invoice: p.invoice, total: w.money(p.totalCents), at: w.wall(p.at), bound: w.money(p.boundCents) })
                : w.t('timeline.point', { invoice: p.invoice, total: w.money(p.totalCents), at: w.wall(p.at) })}
            </title>
            {p.boundCents !== null && p.boundCents > 0 && (
              <rect
                class={p.flagged ? 'cl-bar cl-bar-bad' : 'cl-bar'}
                x={x(p.minutes) - 4}
                width={8}
                y={Math.min(y(p.boundCents), axisY - BAR_MIN)}
                height={Math.max(axisY - y(p.boundCents), BAR_MIN)}
                rx={2}
              />
            )}
            <circle class={p.flagged ? 'cl-dot cl-dot-bad' : 'cl-dot'} cx={x(p.minutes)} cy={dotsY} r={2.5 + (DOT_MAX - 2.5) * Math.sqrt(p.totalCents / maxAmount)} />
          </g>
        ))}
        <text class="cl-tick" x={left} y={labelsY}>
          {startLabel}
        </text>
        {endLabel && (
          <text class="cl-tick" x={W - right} y={labelsY + (twoRows ? FONT + 4 : 0)} text-anchor="end">
            {endLabel}
          </text>
        )}
      </svg>
      <figcaption>{w.join(caption)}</figcaption>
    </figure>
  );
}
