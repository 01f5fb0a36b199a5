/**
 * The bucketed series document (docs/cosmos-design.md, "Bucketed documents"): one document per meter
 * and local day holding every received interval of that day column by column, so a day of quarter
 * hours is written about once per upstream period and read with one point read (id `d|<day start>`,
 * partition key the meter). Column encoding, lossless:
 * - `o` minute offsets from the day's start, `m` lengths in minutes;
 * - energy, power and sample counts as arrays (null kept where power is unknown);
 * - `q` one character per interval (c complete, p partial, e estimated);
 * - `f` flags only where there are any (sparse, by position);
 * - `r` registers per OBIS code, aligned with the intervals (null: absent); codes whose values are all
 *   safe integers are listed in `rd` and stored as differences from the previous present value;
 * - `md` the medium per interval (null: electricity) and `c` consumption per OBIS code aligned with
 *   the intervals (null: absent), both only when some interval has them (water, heat, gas, HCA).
 * Decoding gives back exactly the rows that were encoded (round-trip tested); the encoding of given
 * rows is deterministic (sorted by start), so writing the same day twice gives the same document.
 */
import type { Medium, Quality } from "@omdp/model";
import type { SeriesResolution, SeriesRow } from "../series/types";
import { rollupId } from "../series/types";

export interface Columns {
  o: number[];
  m: number[];
  i: number[];
  e: number[];
  pn: (number | null)[];
  pa: (number | null)[];
  px: (number | null)[];
  n: number[];
  q: string;
  f?: Record<string, string[]>;
  r: Record<string, (number | null)[]>;
  rd?: string[];
  md?: (Medium | null)[];
  c?: Record<string, (number | null)[]>;
}

export interface DayBucketDoc {
  id: string;
  meterId: string;
  householdId: string;
  kind: "d";
  start: number;
  end: number;
  /** Received intervals by resolution (a meter normally sends one). */
  res: Partial<Record<SeriesResolution, Columns>>;
  ttl?: number;
}

const Q: Record<Quality, string> = { complete: "c", partial: "p", estimated: "e" };
const Q_BACK: Record<string, Quality> = { c: "complete", p: "partial", e: "estimated" };

export const dayBucketId = (dayStart: number): string => `d|${dayStart}`;

/** Encodes one resolution's received rows of a day (all of one meter, starts within the day). */
export function encodeColumns(dayStart: number, rows: readonly SeriesRow[]): Columns {
  const sorted = [...rows].sort((a, b) => a.start - b.start);
  const codes = [...new Set(sorted.flatMap((r) => Object.keys(r.registers)))].sort();
  const cols: Columns = {
    o: sorted.map((r) => (r.start - dayStart) / 60_000),
    m: sorted.map((r) => (r.end - r.start) / 60_000),
    i: sorted.map((r) => r.importWh),
    e: sorted.map((r) => r.exportWh),
    pn: sorted.map((r) => r.powerMinW),
    pa: sorted.map((r) => r.powerAvgW),
    px: sorted.map((r) => r.powerMaxW),
    n: sorted.map((r) => r.sampleCount),
    q: sorted.map((r) => Q[r.quality]).join(""),
    r: {},
  };
  const flags: Record<string, string[]> = {};
  sorted.forEach((r, k) => {
    if (r.flags.length > 0) flags[String(k)] = [...r.flags];
  });
  if (Object.keys(flags).length > 0) cols.f = flags;
  const deltas: string[] = [];
  for (const code of codes) {
    const values = sorted.map((r) => (code in r.registers ? r.registers[code]! : null));
    const integral = values.every((v) => v === null || Number.isSafeInteger(v));
    if (!integral) {
      cols.r[code] = values;
      continue;
    }
    let prev = 0;
    cols.r[code] = values.map((v) => {
      if (v === null) return null;
      const d = v - prev;
      prev = v;
      return d;
    });
    deltas.push(code);
  }
  if (deltas.length > 0) cols.rd = deltas;
  encodeMedia(cols, sorted);
  return cols;
}

/** The `md` and `c` columns of rows that have a medium or consumption (nothing for electricity). */
function encodeMedia(cols: Columns, sorted: readonly SeriesRow[]): void {
  if (sorted.some((r) => r.medium !== undefined)) cols.md = sorted.map((r) => r.medium ?? null);
  const codes = [...new Set(sorted.flatMap((r) => Object.keys(r.consumption ?? {})))].sort();
  if (codes.length === 0) return;
  cols.c = {};
  for (const code of codes) cols.c[code] = sorted.map((r) => r.consumption?.[code] ?? null);
}

/** The medium and consumption of interval `k` from the `md` and `c` columns (absent when none). */
function decodeMedia(c: Columns, k: number): Pick<SeriesRow, "medium" | "consumption"> {
  const medium = c.md?.[k] ?? undefined;
  const consumption: Record<string, number> = {};
  for (const [code, values] of Object.entries(c.c ?? {})) {
    const v = values[k];
    if (v !== null && v !== undefined) consumption[code] = v;
  }
  return {
    ...(medium !== undefined ? { medium } : {}),
    ...(Object.keys(consumption).length > 0 ? { consumption } : {}),
  };
}

/** Decodes one resolution's columns back into the received rows (oldest first). */
export function decodeColumns(
  doc: Pick<DayBucketDoc, "meterId" | "householdId" | "start">,
  resolution: SeriesResolution,
  c: Columns,
): SeriesRow[] {
  const delta = new Set(c.rd ?? []);
  const running = new Map<string, number>();
  return c.o.map((off, k) => {
    const start = doc.start + off * 60_000;
    const registers: Record<string, number> = {};
    for (const [code, values] of Object.entries(c.r)) {
      const v = values[k];
      if (v === null || v === undefined) continue;
      if (delta.has(code)) {
        const abs = (running.get(code) ?? 0) + v;
        running.set(code, abs);
        registers[code] = abs;
      } else registers[code] = v;
    }
    return {
      id: rollupId(doc.meterId, resolution, start),
      meterId: doc.meterId,
      householdId: doc.householdId,
      resolution,
      start,
      end: start + c.m[k]! * 60_000,
      importWh: c.i[k]!,
      exportWh: c.e[k]!,
      powerMinW: c.pn[k] ?? null,
      powerAvgW: c.pa[k] ?? null,
      powerMaxW: c.px[k] ?? null,
      registers,
      sampleCount: c.n[k]!,
      quality: Q_BACK[c.q[k]!] ?? "partial",
      flags: c.f?.[String(k)] ?? [],
      derived: false,
      ...decodeMedia(c, k),
    };
  });
}

/**
 * Merges received rows into a day document (a row with the same resolution and start replaces the
 * stored one: a correction; the same row again changes nothing). Returns the new document.
 */
export function mergeDay(
  current: DayBucketDoc | undefined,
  key: { meterId: string; householdId: string; start: number; end: number },
  rows: readonly SeriesRow[],
  ttlSeconds: number | undefined,
): DayBucketDoc {
  const byRes = new Map<SeriesResolution, Map<number, SeriesRow>>();
  for (const [res, cols] of Object.entries(current?.res ?? {}) as [SeriesResolution, Columns][]) {
    byRes.set(res, new Map(decodeColumns({ ...key }, res, cols).map((r) => [r.start, r])));
  }
  for (const r of rows) {
    const m = byRes.get(r.resolution) ?? new Map<number, SeriesRow>();
    m.set(r.start, { ...r, householdId: key.householdId, derived: false });
    byRes.set(r.resolution, m);
  }
  const res: Partial<Record<SeriesResolution, Columns>> = {};
  for (const r of [...byRes.keys()].sort()) res[r] = encodeColumns(key.start, [...byRes.get(r)!.values()]);
  return {
    id: dayBucketId(key.start),
    meterId: key.meterId,
    householdId: key.householdId,
    kind: "d",
    start: key.start,
    end: key.end,
    res,
    ...(ttlSeconds !== undefined ? { ttl: ttlSeconds } : {}),
  };
}
