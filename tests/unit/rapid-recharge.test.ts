// rapid-recharge, one test per rule and boundary: the default windows (3 within 24 h, 2 within
// 60 min), the settings that move them, and the count that makes a burst critical.
import { describe, expect, it } from 'vitest';
import { CRITICAL_COUNT, rapidRechargeAlerts, type RapidEvidence } from '../../lib/analysis/alerts/rapid-recharge';
import { DEFAULT_SETTINGS, SettingsSchema } from '../../lib/analysis/settings';
import type { InvoiceView } from '../../lib/analysis/views';
import { addDaysToDay } from '../../lib/wall-clock';

/** Charges at these minutes after 2026-11-03T00:00. */
function charges(...minutes: number[]): InvoiceView[] {
  return minutes.map((m, k) => {
    const day = addDaysToDay('2026-11-03', Math.floor(m / 1440));
    const hh = String(Math.floor((m % 1440) / 60)).padStart(2, '0');
    const mm = String(m % 60).padStart(2, '0');
    return { number: `5E1F7A2C-${String(k + 1).padStart(4, '0')}`, totalCents: 1089, currency: 'USD', createdAt: `${day}T${hh}:${mm}`, status: 'paid', url: null };
  });
}
const evidence = (proven: string[] = [], over: Partial<RapidEvidence> = {}): RapidEvidence => ({ proven: new Set(proven), above: new Set(proven), grantsRead: true, thresholdKnown: true, ...over });
const alerts = (list: InvoiceView[], proven: string[] = [], settings = DEFAULT_SETTINGS) => rapidRechargeAlerts(list, settings, evidence(proven));
const H = 60;

describe('rapid-recharge windows', () => {
  it('3 charges within 24 hours, the last exactly 24 h after the first: an alert', () => {
    expect(alerts(charges(0, 12 * H, 24 * H)).map((a) => a.invoices.length)).toEqual([3]);
  });

  it('3 charges spread over 24 h and a minute: none', () => {
    expect(alerts(charges(0, 12 * H, 24 * H + 1))).toEqual([]);
  });

  it('2 charges 60 minutes apart: an alert', () => {
    const [a] = alerts(charges(0, 60));
    expect(a!.invoices).toHaveLength(2);
    expect(a!.facts).toMatchObject({ code: 'rapid-recharge', count: 2, minutes: 60 });
    expect(a!.message).toMatch(/^2 charges in 1\.0 hours/);
  });

  it('2 charges 61 minutes apart: none', () => {
    expect(alerts(charges(0, 61))).toEqual([]);
  });

  it('follows the settings: 4 within 2 hours, or 3 within 10 minutes', () => {
    const settings = SettingsSchema.parse({ rapidCount: 4, rapidWindowMinutes: 120, rapidShortCount: 3, rapidShortWindowMinutes: 10 });
    expect(alerts(charges(0, 40, 80, 120), [], settings)).toHaveLength(1);
    expect(alerts(charges(0, 40, 80, 121), [], settings)).toEqual([]);
    expect(alerts(charges(0, 5, 10), [], settings)).toHaveLength(1);
    expect(alerts(charges(0, 5, 11), [], settings)).toEqual([]);
  });
});

describe('when a burst is critical', () => {
  const burst = charges(0, 60, 120, 180, 240, 300, 360);
  const numbers = burst.map((i) => i.number);

  it(`is a warning on frequency alone: heavy use recharges often too`, () => {
    expect(alerts(burst).map((a) => a.severity)).toEqual(['warning']);
  });

  it(`is critical when ${CRITICAL_COUNT} of its charges within 24 h were each proven above the threshold`, () => {
    expect(CRITICAL_COUNT).toBe(5);
    expect(alerts(burst, numbers.slice(0, 5)).map((a) => a.severity)).toEqual(['critical']);
  });

  it('stays a warning with 4 proven', () => {
    expect(alerts(burst, numbers.slice(0, 4)).map((a) => a.severity)).toEqual(['warning']);
  });

  it('stays a warning when the 5 proven ones span more than 24 hours', () => {
    const spread = charges(0, 60, 120, 180, 24 * H + 1);
    expect(alerts(spread, spread.map((i) => i.number)).map((a) => a.severity)).toEqual(['warning']);
    const within = charges(0, 60, 120, 180, 24 * H);
    expect(alerts(within, within.map((i) => i.number)).map((a) => a.severity)).toEqual(['critical']);
  });

  it('says only what the pages read show: grants not read, threshold not known, credit used up', () => {
    const message = (over: Partial<RapidEvidence>) => rapidRechargeAlerts(burst, DEFAULT_SETTINGS, evidence([], over))[0]!.message;
    expect(message({ grantsRead: false })).toMatch(/The credit grants page is not read yet: open it/);
    expect(message({ thresholdKnown: false })).toMatch(/threshold is not known .* could not be checked/);
    expect(message({ above: new Set(numbers.slice(0, 3)) })).toMatch(/3 of them came while credit above the threshold was provably unused/);
    expect(message({})).toMatch(/heavy use could explain them/);
  });
});
