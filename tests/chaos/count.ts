/**
 * The chaos soak's accounting, pure: what the simulator put on the line (its telegram log) against what
 * the edge store and the cloud hold at the end. Nothing here reads a file or a database; `soak.ts` does.
 */

/** One line of `<data>/sim/telegrams.jsonl`, as far as the accounting needs it. */
export interface LoggedTelegram {
  readonly meterId: string;
  /** Meter time, ms since the epoch. */
  readonly meterTime: number;
  /** Wall time at which it was put on the line, ms (absent in logs written before it was added). */
  readonly sentAt?: number;
  /** Readers attached to the gateway when it was sent (absent: unknown, taken as attached). */
  readonly clients?: number;
  /** Set when the simulator damaged or dropped it on purpose (corrupted, dropped, collision, ...). */
  readonly fault?: string;
  /** `second` for the answers to the test's second master (not the reader's). */
  readonly master?: string;
  readonly registers: Readonly<Record<string, number>>;
}

/** What was on its way from the line into a reader when it was killed (read, not yet written). */
export const IN_FLIGHT_MS = 500;
/** A killed process (and the module processes that die with a killed hub) is gone within this. */
export const DYING_MS = 5_000;
/** A reader is back within this after a kill, or its meters count as lost again. */
export const MAX_DEAF_MS = 60_000;

export interface ReadingAccount {
  /** Telegrams sent intact that a live reader could hear (or that the store has): each must be stored. */
  readonly expected: number;
  readonly stored: number;
  /** Expected but missing from the store. */
  readonly lost: number;
  /** Stored more than once (the store's rows per meter and time beyond the first). */
  readonly duplicated: number;
  /** Damaged on purpose by the simulator (not expected). */
  readonly damaged: number;
  /** Not stored, and sent while no reader was attached or while the reader was dead (not expected). */
  readonly unreceivable: number;
  /** A few of the lost ones, as evidence. */
  readonly lostExamples: readonly string[];
  /** When each lost one was sent (wall ms; the soak attributes them to the fault before). */
  readonly lostSentAt: readonly number[];
}

const key = (meterId: string, t: number) => `${meterId}|${new Date(t).toISOString()}`;

/**
 * The wall-time windows in which a meter could not be heard after each reader (or hub) kill: from just
 * before the kill, if the meter's telegrams stop reaching the store within DYING_MS of it, until the
 * first one that reaches the store again (bounded by MAX_DEAF_MS). A gap that begins later, or
 * lasts longer, is loss.
 */
export function deafWindows(
  mine: readonly LoggedTelegram[],
  isStored: (t: LoggedTelegram) => boolean,
  kills: readonly number[],
): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = [];
  for (const k of kills) {
    const from = k - IN_FLIGHT_MS;
    const missed = mine.find((t) => t.sentAt !== undefined && t.sentAt >= from && !isStored(t));
    if (!missed || missed.sentAt! > k + DYING_MS) continue;
    const back = mine.find((t) => t.sentAt !== undefined && t.sentAt > missed.sentAt! && isStored(t));
    out.push({ from, to: Math.min(k + MAX_DEAF_MS, (back?.sentAt ?? Number.POSITIVE_INFINITY) - 1) });
  }
  return out;
}

/**
 * Counts readings lost and duplicated at the edge store. `stored` is every (meterId, readingTime) row
 * the store holds, duplicates included; `kills` the wall times of reader (and hub) kills; `meters`
 * limits the count to the meters read in the run; `listeningFrom` the wall time from which the reader
 * was seen attached to the line (what was sent before and not stored nobody could hear: the line's
 * client count also counts the M-Bus leaf reader, which does not take the pushes).
 */
export function accountReadings(
  telegrams: readonly LoggedTelegram[],
  stored: readonly { readonly meterId: string; readonly readingTime: number }[],
  kills: readonly number[],
  meters: ReadonlySet<string>,
  listeningFrom = Number.NEGATIVE_INFINITY,
): ReadingAccount {
  const have = new Map<string, number>();
  for (const r of stored) {
    if (!meters.has(r.meterId)) continue;
    const k = key(r.meterId, r.readingTime);
    have.set(k, (have.get(k) ?? 0) + 1);
  }
  const isStored = (t: LoggedTelegram) => have.has(key(t.meterId, t.meterTime));
  let expected = 0;
  let lost = 0;
  let damaged = 0;
  let unreceivable = 0;
  const lostExamples: string[] = [];
  const lostSentAt: number[] = [];
  for (const meterId of meters) {
    const mine = telegrams
      .filter((t) => t.meterId === meterId && t.master !== "second")
      .sort((a, b) => (a.sentAt ?? 0) - (b.sentAt ?? 0));
    const deaf = deafWindows(mine, isStored, kills);
    for (const t of mine) {
      if (t.fault) {
        damaged += 1;
        continue;
      }
      const sent = t.sentAt;
      const excused =
        t.clients === 0 ||
        (sent !== undefined && (sent < listeningFrom || deaf.some((w) => sent >= w.from && sent <= w.to)));
      if (!isStored(t) && excused) {
        unreceivable += 1;
        continue;
      }
      expected += 1;
      if (!isStored(t)) {
        lost += 1;
        if (lostExamples.length < 10) lostExamples.push(key(t.meterId, t.meterTime));
        if (sent !== undefined) lostSentAt.push(sent);
      }
    }
  }
  let duplicated = 0;
  for (const n of have.values()) duplicated += n - 1;
  return { expected, stored: have.size, lost, duplicated, damaged, unreceivable, lostExamples, lostSentAt };
}

/** An interval as both stores hold it (the fields the accounting reads). */
export interface IntervalRow {
  readonly id: string;
  readonly meterId: string;
  readonly start: number;
  readonly end: number;
  readonly importWh: number;
  readonly exportWh: number;
}

export interface IntervalAccount {
  /** Intervals the edge closed (and consented upstream) that end before the cut-off. */
  readonly expected: number;
  readonly inCloud: number;
  readonly lost: number;
  /** Cloud intervals of one meter that overlap another of the same meter (counted once each). */
  readonly duplicated: number;
  /** Cloud intervals whose energy differs from the edge's interval of the same id. */
  readonly differing: number;
  readonly lostExamples: readonly string[];
}

/** Intervals lost and duplicated in the cloud, against the edge's own closed intervals. */
export function accountIntervals(
  edge: readonly IntervalRow[],
  cloud: readonly IntervalRow[],
  cutOff: number,
): IntervalAccount {
  const byId = new Map(cloud.map((c) => [c.id, c]));
  let expected = 0;
  let lost = 0;
  let differing = 0;
  const lostExamples: string[] = [];
  for (const e of edge) {
    if (e.end > cutOff) continue;
    expected += 1;
    const c = byId.get(e.id);
    if (!c) {
      lost += 1;
      if (lostExamples.length < 10) lostExamples.push(e.id);
    } else if (c.importWh !== e.importWh || c.exportWh !== e.exportWh) differing += 1;
  }
  return {
    expected,
    inCloud: cloud.length,
    lost,
    duplicated: overlapping(cloud),
    differing,
    lostExamples,
  };
}

/** How many intervals overlap an earlier one of the same meter (a second copy under another id). */
function overlapping(rows: readonly IntervalRow[]): number {
  const byMeter = new Map<string, IntervalRow[]>();
  for (const r of rows) byMeter.set(r.meterId, [...(byMeter.get(r.meterId) ?? []), r]);
  let n = 0;
  for (const list of byMeter.values()) {
    const sorted = [...list].sort((a, b) => a.start - b.start || a.end - b.end);
    let reach = Number.NEGATIVE_INFINITY;
    for (const r of sorted) {
      if (r.start < reach) n += 1;
      reach = Math.max(reach, r.end);
    }
  }
  return n;
}

export interface EnergyAccount {
  readonly meterId: string;
  /** Sum of the cloud intervals' imported energy from the first to the last interval, Wh. */
  readonly intervalsWh: number;
  /**
   * The register delta over the same span from the simulator's log: the register at the last telegram
   * at or before the last interval's end, minus the one at the last telegram at or before the first
   * interval's start (both among the telegrams the store received). Analytics assigns each interval the
   * register delta between those readings, so the sum telescopes to this.
   */
  readonly registerWh: number;
  readonly differenceWh: number;
}

const IMPORT = "1-0:1.8.0";

/** The last telegram at or before `t` among `received` (sorted by meter time). */
function lastAtOrBefore(received: readonly LoggedTelegram[], t: number): LoggedTelegram | undefined {
  let found: LoggedTelegram | undefined;
  for (const r of received) {
    if (r.meterTime > t) break;
    found = r;
  }
  return found;
}

/**
 * Energy in the cloud against the meter's own register: for one meter, contiguous cloud intervals
 * against the logged register values of the telegrams that reached the store.
 */
export function accountEnergy(
  meterId: string,
  cloud: readonly IntervalRow[],
  telegrams: readonly LoggedTelegram[],
  storedTimes: ReadonlySet<number>,
): EnergyAccount | undefined {
  const rows = cloud.filter((c) => c.meterId === meterId).sort((a, b) => a.start - b.start);
  const received = telegrams
    .filter((t) => t.meterId === meterId && !t.fault && storedTimes.has(t.meterTime))
    .filter((t) => typeof t.registers[IMPORT] === "number")
    .sort((a, b) => a.meterTime - b.meterTime);
  // The platform's first reading falls inside the first interval, which therefore has no baseline:
  // the sum starts at the first interval that begins at or after a received telegram.
  const firstSeen = received[0]?.meterTime;
  const span = firstSeen === undefined ? [] : rows.filter((r) => r.start >= firstSeen);
  const first = span[0];
  const last = span.at(-1);
  if (!first || !last) return undefined;
  const from = lastAtOrBefore(received, first.start);
  const to = lastAtOrBefore(received, last.end);
  if (!from || !to) return undefined;
  const intervalsWh = span.reduce((s, r) => s + r.importWh, 0);
  const registerWh = (to.registers[IMPORT] ?? 0) - (from.registers[IMPORT] ?? 0);
  return { meterId, intervalsWh, registerWh, differenceWh: intervalsWh - registerWh };
}
