// A large, random but reproducible account for benchmarks and property tests.
import { addMinutes, format, parse } from 'date-fns';
import type { DemoAccount, Purchase } from './scenario';

/** mulberry32: a small seeded PRNG, so every seed gives the same account everywhere. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const AMOUNTS = [500, 1000, 1000, 1000, 2000, 2500, 5000];
const TAXES = [0, 500, 700, 887.5, 1000, 1900, 2000, 2100, 2500, 2700];

export interface GenerateOptions {
  /** Share of grants that are promotional (no invoice). */
  promoRate?: number;
  refundRate?: number;
  taxBasisPoints?: number;
  taxRounding?: DemoAccount['taxRounding'];
}

export function generateAccount(count: number, seed = 1, options: GenerateOptions = {}): DemoAccount {
  const { promoRate = 0.01, refundRate = 0.01 } = options;
  const random = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const today = '2026-11-27';
  // Spread `count` purchases over the 12 months before today, in bursts like auto-recharge.
  const start = parse('2025-12-01T00:00', "yyyy-MM-dd'T'HH:mm", new Date());
  const spanMinutes = 360 * 24 * 60;
  const step = Math.max(1, Math.floor(spanMinutes / (count + 1)));
  const purchases: Purchase[] = [];
  let at = start;
  for (let i = 0; i < count; i++) {
    at = addMinutes(at, 1 + Math.floor(random() * step * 2 * (i % 7 === 0 ? 1 : 0.2)));
    const amountCents = pick(AMOUNTS);
    purchases.push({
      paidAt: format(at, "yyyy-MM-dd'T'HH:mm"),
      amountCents,
      usedCents: random() < 0.5 ? 0 : Math.floor(random() * amountCents),
      promo: random() < promoRate,
      invoiceStatus: random() < refundRate ? 'Refunded' : 'Paid',
    });
  }
  return {
    organization: `Generated ${seed}`,
    invoicePrefix: 'A1B2C3D4',
    taxBasisPoints: options.taxBasisPoints ?? pick(TAXES),
    taxRounding: options.taxRounding ?? 'round',
    autoRecharge: { thresholdCents: 500, targetCents: 2000 },
    usage: { totalSpendCents: purchases.reduce((s, p) => s + p.usedCents, 0), from: '2025-12-01', to: today },
    today,
    purchases,
  };
}
