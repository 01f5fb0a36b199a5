/**
 * The analytics module's behaviour over injected I/O: readings in, intervals and stats out through
 * the store's outbox, daily figures kept, `getStats` answered. `main.ts` only wires it to the host.
 */
import type { Logger } from "@omdp/logger";
import { MeterReading, type Resolution, Rfc3339, type StatsMessage } from "@omdp/model";
import { z } from "zod";
import { type DesiredConfig, meterGapSettings, meterTimeZone } from "./config";
import {
  type Closed,
  type EngineSettings,
  ingest,
  type MeterTrack,
  newTrack,
  type Outcome,
  retain,
  tick,
} from "./engine";
import {
  closesDay,
  type DayReport,
  type DayStats,
  emptyDay,
  foldQuarter,
  type PeriodStats,
  production,
  selfUse,
  summarize,
} from "./stats";
import type { AnalyticsStore, OutboxMessage } from "./store";
import { localDate } from "./tz";

/** Body of a message on output `stats`: the schema of @omdp/model (sharing parses it). */
export type { StatsMessage };

export const GetStatsRequest = z
  .object({ meterId: z.string().min(1), from: Rfc3339, to: Rfc3339 })
  .refine((r) => Date.parse(r.from) < Date.parse(r.to), {
    message: "from must be before to",
    path: ["from"],
  });
export type GetStatsRequest = z.infer<typeof GetStatsRequest>;

export interface StatsResult {
  meterId: string;
  from: string;
  to: string;
  timeZone: string;
  total: PeriodStats;
  months: PeriodStats[];
  days: DayReport[];
}

export interface Sender {
  send(output: string, body: unknown, properties: Record<string, string>): Promise<void>;
}

export type Counters = Record<Outcome | "invalid" | "intervals" | "sendErrors", number>;

const STATS_RESOLUTION: Resolution = "PT15M";

export class AnalyticsService {
  private readonly tracks = new Map<string, MeterTrack>();
  private config: DesiredConfig;
  private flushing: Promise<void> = Promise.resolve();
  readonly counters: Counters = {
    accepted: 0,
    duplicate: 0,
    outOfOrder: 0,
    late: 0,
    future: 0,
    empty: 0,
    invalid: 0,
    intervals: 0,
    sendErrors: 0,
  };

  constructor(
    private readonly store: AnalyticsStore,
    private readonly sender: Sender,
    private readonly log: Logger,
    config: DesiredConfig,
    private readonly now: () => number = Date.now,
  ) {
    this.config = config;
    for (const t of store.loadTracks()) this.tracks.set(t.meterId, t);
  }

  setConfig(config: DesiredConfig): void {
    this.config = config;
    for (const t of this.tracks.values()) retain(t, this.resolutions());
  }

  meters(): string[] {
    return [...this.tracks.keys()];
  }

  private resolutions(): Resolution[] {
    const r = this.config.resolution;
    return r === STATS_RESOLUTION ? [r] : [r, STATS_RESOLUTION];
  }

  private settings(meterId: string): EngineSettings {
    const c = this.config;
    return {
      resolutions: this.resolutions(),
      timeZone: meterTimeZone(c, meterId),
      ...meterGapSettings(c, meterId),
      closeGraceMs: c.closeGraceSeconds * 1000,
      maxPowerW: c.maxPlausiblePowerW,
      maxFutureMs: c.maxFutureSeconds * 1000,
    };
  }

  /**
   * One message from input `readings`: its effects and messages are committed before this returns.
   * With `waitForSend` false the outbox drains behind it (the module's input then takes the next
   * reading without waiting for the hub's acknowledgement of the intervals; they are durable already).
   */
  async handleReading(body: unknown, waitForSend = true): Promise<Outcome | "invalid"> {
    const parsed = MeterReading.safeParse(body);
    if (!parsed.success) {
      this.counters.invalid += 1;
      this.log.warn("reading rejected", { issues: parsed.error.issues.slice(0, 3) });
      return "invalid";
    }
    const reading = parsed.data;
    let track = this.tracks.get(reading.meterId);
    if (!track) {
      track = newTrack(reading.meterId);
      this.tracks.set(reading.meterId, track);
    }
    const res = ingest(track, reading, this.now(), this.settings(reading.meterId));
    this.counters[res.outcome] += 1;
    if (res.outcome === "future")
      this.log.warn("reading from the future rejected", { meterId: reading.meterId });
    const { days, messages } = this.absorb(track.meterId, res.closed);
    this.store.commit([track], days, messages);
    const sent = this.flush();
    if (waitForSend) await sent;
    return res.outcome;
  }

  /** Timer: closes the intervals of silent meters. */
  async tick(): Promise<void> {
    const now = this.now();
    for (const track of this.tracks.values()) {
      const closed = tick(track, now, this.settings(track.meterId));
      if (closed.length === 0) continue;
      const { days, messages } = this.absorb(track.meterId, closed);
      this.store.commit([track], days, messages);
    }
    await this.flush();
  }

  /** Timer: today's and this month's figures of every meter on output `stats`. */
  async emitStats(): Promise<void> {
    const messages: OutboxMessage[] = [];
    for (const meterId of this.tracks.keys()) {
      const tz = meterTimeZone(this.config, meterId);
      const date = localDate(this.now(), tz);
      const day = this.store.day(meterId, date) ?? emptyDay(meterId, date, tz);
      messages.push(this.statsMessage(day, false));
    }
    this.store.commit([], [], messages);
    await this.flush();
  }

  private absorb(
    meterId: string,
    closed: readonly Closed[],
  ): { days: DayStats[]; messages: OutboxMessage[] } {
    const messages: OutboxMessage[] = [];
    const days = new Map<string, DayStats>();
    const tz = meterTimeZone(this.config, meterId);
    for (const c of closed) {
      if (c.resolution === this.config.resolution) {
        messages.push({ output: "intervals", body: c.record, properties: { kind: "interval", meterId } });
        this.counters.intervals += 1;
      }
      if (c.resolution !== STATS_RESOLUTION) continue;
      const date = localDate(Date.parse(c.record.intervalStart), tz);
      const day = days.get(date) ?? this.store.day(meterId, date) ?? emptyDay(meterId, date, tz);
      days.set(date, foldQuarter(day, c.record, this.config.baseLoad));
      if (closesDay(day, c.record)) {
        this.store.commit([], [day], []);
        messages.push(this.statsMessage(day, true));
      }
    }
    return { days: [...days.values()], messages };
  }

  private statsMessage(day: DayStats, final: boolean): OutboxMessage {
    const month = day.date.slice(0, 7);
    const body: StatsMessage = {
      kind: "stats",
      meterId: day.meterId,
      at: new Date(this.now()).toISOString(),
      timeZone: day.timeZone,
      final,
      day: this.report(day),
      month: this.period(day.meterId, month, this.store.days(day.meterId, `${month}-01`, `${month}-31`)),
    };
    return { output: "stats", body, properties: { kind: "stats", meterId: day.meterId } };
  }

  private pvDays(meterId: string, days: readonly DayStats[]): Map<string, number> | null {
    const pvId = this.config.meters[meterId]?.pvMeterId;
    if (!pvId || days.length === 0) return null;
    const dir = this.config.meters[pvId]?.productionDirection ?? "export";
    const pv = this.store.days(pvId, days[0]!.date, days[days.length - 1]!.date);
    return new Map(pv.map((d) => [d.date, production(d, dir)]));
  }

  private report(day: DayStats): DayReport {
    const pv = this.pvDays(day.meterId, [day]);
    return pv ? { ...day, selfUse: selfUse(day, pv.get(day.date) ?? 0) } : { ...day };
  }

  private period(meterId: string, label: string, days: readonly DayStats[]): PeriodStats {
    const p = summarize(meterId, label, days);
    const pv = this.pvDays(meterId, days);
    if (!pv) return p;
    let producedWh = 0;
    for (const d of days) producedWh += pv.get(d.date) ?? 0;
    return { ...p, selfUse: selfUse(p, producedWh) };
  }

  /** Direct method `getStats { meterId, from, to }`: the local days overlapping [from, to). */
  getStats(req: GetStatsRequest): StatsResult {
    const tz = meterTimeZone(this.config, req.meterId);
    const fromDate = localDate(Date.parse(req.from), tz);
    const toDate = localDate(Date.parse(req.to) - 1, tz);
    const days = this.store.days(req.meterId, fromDate, toDate);
    const byMonth = new Map<string, DayStats[]>();
    for (const d of days) byMonth.set(d.date.slice(0, 7), [...(byMonth.get(d.date.slice(0, 7)) ?? []), d]);
    return {
      meterId: req.meterId,
      from: req.from,
      to: req.to,
      timeZone: tz,
      total: this.period(req.meterId, `${fromDate}..${toDate}`, days),
      months: [...byMonth].map(([m, ds]) => this.period(req.meterId, m, ds)),
      days: days.map((d) => this.report(d)),
    };
  }

  /** Hands the outbox to the edge hub in order; a failed send stays for the next flush. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      for (;;) {
        const batch = this.store.pending();
        if (batch.length === 0) return;
        for (const m of batch) {
          try {
            await this.sender.send(m.output, m.body, m.properties);
          } catch (err) {
            this.counters.sendErrors += 1;
            this.log.warn("send failed, kept in outbox", { output: m.output, error: String(err) });
            return;
          }
          this.store.delivered(m.seq);
        }
      }
    });
    return this.flushing;
  }
}
