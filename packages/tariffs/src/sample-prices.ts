/**
 * SYNTHETIC day-ahead prices for the local platform (its households are in Europe/Vienna, bidding zone
 * AT). Not market data: a documented shape plus seeded noise, so that the same year and seed always give
 * the same file (`data/at-<year>-synthetic.csv`, written by `scripts/gen-sample-prices.ts`).
 *
 * Per local hour h (0-23) of local day-of-year d, in EUR/MWh, rounded to cents:
 *   season  = cos(2π (d - 15) / 365)                       1 in mid-January, -1 in mid-July
 *   base    = 95 + 25 · season
 *   daily   = 18 · g(h; 8, 1.5) + 30 · g(h; 19, 2) - 20 · g(h; 3.5, 1.8)     g(h; μ, σ) = e^-((h-μ)/σ)²
 *   solar   = -110 · sun · (0.5 - 0.5 · season) · max(0, sin(π (h - 6) / 12))²   for 6 < h < 18
 *   weekend = -12 on Saturdays and Sundays
 *   noise   = AR(1): e = 0.8 · e_prev + N(0, 6)
 * with `sun` drawn once per day uniformly in [0.3, 1]; the random numbers come from mulberry32(seed)
 * (Box-Muller for the normal draws). Sunny summer middays go below zero, as real ones now do.
 */
import { ZoneClock } from "./clock";
import type { PriceSlot } from "./prices";

/** mulberry32: a small 32-bit seeded generator (public domain, by Tommy Ettinger). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const g = (h: number, mu: number, sigma: number) => Math.exp(-(((h - mu) / sigma) ** 2));

export const SAMPLE_ZONE = "Europe/Vienna";

/** Hourly slots (µEUR/kWh) for the local year `year`, from local midnight of 1 January to the next. */
export function samplePrices(year: number, seed: number, timeZone = SAMPLE_ZONE): PriceSlot[] {
  const rand = mulberry32(seed);
  const normal = () => {
    const u = 1 - rand();
    const v = rand();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  const clock = new ZoneClock(timeZone);
  const H = 3_600_000;
  // local midnight of 1 January (the offset at the guess, then at the result)
  const start0 = Date.UTC(year, 0, 1);
  const start = start0 - clock.offset(start0 - clock.offset(start0));
  const end0 = Date.UTC(year + 1, 0, 1);
  const end = end0 - clock.offset(end0 - clock.offset(end0));
  const slots: PriceSlot[] = [];
  let noise = 0;
  let sun = 1;
  let lastDate = "";
  for (let t = start; t < end; t += H) {
    const local = clock.at(t);
    if (local.date !== lastDate) {
      sun = 0.3 + 0.7 * rand();
      lastDate = local.date;
    }
    const h = local.minute / 60;
    const doy =
      Math.round(
        (Date.UTC(local.year, local.monthNumber - 1, local.day) - Date.UTC(local.year, 0, 1)) / 86_400_000,
      ) + 1;
    const season = Math.cos((2 * Math.PI * (doy - 15)) / 365);
    const base = 95 + 25 * season;
    const daily = 18 * g(h, 8, 1.5) + 30 * g(h, 19, 2) - 20 * g(h, 3.5, 1.8);
    const solar =
      h > 6 && h < 18
        ? -110 * sun * (0.5 - 0.5 * season) * Math.max(0, Math.sin((Math.PI * (h - 6)) / 12)) ** 2
        : 0;
    const weekend = local.weekday >= 6 ? -12 : 0;
    noise = 0.8 * noise + 6 * normal();
    const eurPerMwh = Math.round((base + daily + solar + weekend + noise) * 100) / 100;
    // EUR/MWh with 2 places → µEUR/kWh (× 1000), exact after the rounding above
    slots.push({ start: t, end: t + H, price: Math.round(eurPerMwh * 1000) });
  }
  return slots;
}
