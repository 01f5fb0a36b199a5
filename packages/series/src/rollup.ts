import type { Bucket } from "./align";
import type { IntervalValues } from "./interval";
import { GAP_FLAG, worseQuality } from "./quality";
import type { SeriesResolution } from "./resolution";

/** What a roll-up needs of each child (a full interval, or a compact slot of a stored roll-up). */
export type RollupChild = Omit<IntervalValues, "meterId" | "resolution" | "registers" | "derived">;

/**
 * Rolls children up into the interval covering `bucket` at resolution `r` - the one roll-up rule of
 * the platform (the SQL of functions/src/store/sqlite-rows.ts is property-tested against it):
 * - energies are summed (register deltas add up);
 * - power min/max are the extremes of the children that have one; the average is weighted by each
 *   child's duration (a compensated sum, as SQLite's SUM), rounded to 3 decimals as SQLite's ROUND;
 *   null when no child has one;
 * - registers are those of the latest child (`latestRegisters`, the caller knows them);
 * - consumption (water, heat, gas, HCA registers' deltas) is summed per register, a compensated sum
 *   rounded to 6 decimals as SQLite's ROUND(x, 6); the medium is the children's (one meter, one medium);
 * - quality: the worst child wins (estimated > partial > complete); children covering less than the
 *   bucket add the `gap` flag and make it at least partial; flags are the sorted union of the children's.
 * Returns undefined for no children (an empty bucket has no interval).
 */
export function rollup(
  meterId: string,
  r: SeriesResolution,
  bucket: Bucket,
  children: readonly RollupChild[],
  latestRegisters: Readonly<Record<string, number>> = {},
): IntervalValues | undefined {
  if (children.length === 0) return undefined;
  let importWh = 0;
  let exportWh = 0;
  let min: number | null = null;
  let max: number | null = null;
  const avgWeighted = kbnSum();
  let avgWeight = 0;
  let samples = 0;
  let covered = 0;
  let quality = children[0]!.quality;
  const flags = new Set<string>();
  const consumption = new Map<string, ReturnType<typeof kbnSum>>();
  let medium: RollupChild["medium"];
  for (const c of children) {
    medium ??= c.medium;
    for (const [k, amount] of Object.entries(c.consumption ?? {})) {
      const sum = consumption.get(k) ?? kbnSum();
      consumption.set(k, sum);
      sum.add(amount);
    }
    importWh += c.importWh;
    exportWh += c.exportWh;
    if (c.powerMinW !== null) min = min === null ? c.powerMinW : Math.min(min, c.powerMinW);
    if (c.powerMaxW !== null) max = max === null ? c.powerMaxW : Math.max(max, c.powerMaxW);
    if (c.powerAvgW !== null) {
      avgWeighted.add(c.powerAvgW * (c.end - c.start));
      avgWeight += c.end - c.start;
    }
    samples += c.sampleCount;
    covered += c.end - c.start;
    quality = worseQuality(quality, c.quality);
    for (const f of c.flags) flags.add(f);
  }
  if (covered < bucket.end - bucket.start) {
    quality = worseQuality(quality, "partial");
    flags.add(GAP_FLAG);
  }
  return {
    meterId,
    resolution: r,
    start: bucket.start,
    end: bucket.end,
    importWh,
    exportWh,
    powerMinW: min,
    powerAvgW: avgWeight > 0 ? round3(avgWeighted.total() / avgWeight) : null,
    powerMaxW: max,
    registers: { ...latestRegisters },
    sampleCount: samples,
    quality,
    flags: [...flags].sort(),
    derived: true,
    ...(medium !== undefined ? { medium } : {}),
    ...(consumption.size > 0 ? { consumption: consumptionTotals(consumption) } : {}),
  };
}

/** The summed consumption per register, keys sorted, each rounded to 6 decimals as ROUND(x, 6). */
function consumptionTotals(sums: ReadonlyMap<string, { total(): number }>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of [...sums.keys()].sort()) out[k] = round6(sums.get(k)!.total());
  return out;
}

/**
 * Rounds to 3 decimals as SQLite's ROUND(x, 3) does: on the exact decimal value of the double (1.0005
 * is 1.000499... and gives 1), halves away from zero, and no negative zero (SQLite stores none).
 */
export function round3(x: number): number {
  return Number(x.toFixed(3)) + 0;
}

/** Rounds to 6 decimals as SQLite's ROUND(x, 6) (see round3): consumption volumes to the millilitre. */
export function round6(x: number): number {
  return Number(x.toFixed(6)) + 0;
}

/**
 * Compensated (Kahan-Babuska-Neumaier) summation, the algorithm of SQLite's SUM over REAL values
 * (since 3.43), so the SQL roll-up and this one add the same way. Returns add and total functions.
 */
function kbnSum(): { add(r: number): void; total(): number } {
  let sum = 0;
  let err = 0;
  return {
    add(r: number) {
      const t = sum + r;
      if (Math.abs(sum) > Math.abs(r)) err += sum - t + r;
      else err += r - t + sum;
      sum = t;
    },
    total: () => sum + err,
  };
}

/** Children of a full interval list with the registers of the latest one, ready for `rollup`. */
export function rollupIntervals(
  meterId: string,
  r: SeriesResolution,
  bucket: Bucket,
  children: readonly IntervalValues[],
): IntervalValues | undefined {
  let latest: IntervalValues | undefined;
  for (const c of children) if (!latest || c.end > latest.end) latest = c;
  return rollup(meterId, r, bucket, children, latest?.registers ?? {});
}
