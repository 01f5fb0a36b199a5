/**
 * The events module's behaviour over injected I/O: inputs in, Events out on `alerts` (through the
 * state's outbox), rules from the twin or from the app, acknowledgements, state snapshots.
 */
import type { Logger } from "@omdp/logger";
import { type Event, IntervalRecord, MeterReading } from "@omdp/model";
import { peakExcept } from "./capacity";
import { ControlMessage, type DesiredConfig, meterTimeZone, ReaderDiagnostics, type Rule } from "./config";
import { RuleEngine } from "./engine";
import type { SnapshotFile } from "./snapshot";
import type { ActiveAlert } from "./state";

export interface Sender {
  send(output: string, body: unknown, properties: Record<string, string>): Promise<void>;
}

/** Where live values and events go besides `alerts` (the MQTT bridge); all optional. */
export interface Listener {
  reading?(r: MeterReading): void;
  event?(e: Event): void;
  alerts?(active: readonly ActiveAlert[]): void;
}

/** A household's capacity figures as the module knows them (reported; the app's month peak). */
export interface CapacityReport {
  month: string;
  /** The month's peak so far, kW, and the start of its quarter (RFC 3339; null before one). */
  peakKw: number;
  peakAt: string | null;
  /** The current quarter from the readings: its start and import so far. */
  quarterStart: string | null;
  quarterEnergyWh: number | null;
}

export interface EventsReport {
  rulesSource: "twin" | "app";
  rules: Rule[];
  activeAlerts: ActiveAlert[];
  counters: Record<string, number>;
  capacity: Record<string, CapacityReport>;
}

/** Unsaved changes are written at the latest after this long (events and rule changes at once). */
const SAVE_EVERY_MS = 5_000;

export class EventsService {
  private config: DesiredConfig;
  readonly engine: RuleEngine;
  private dirtySince: number | null = null;
  private flushing: Promise<void> = Promise.resolve();
  readonly listeners: Listener[] = [];
  readonly counters: Record<string, number> = {
    readings: 0,
    intervals: 0,
    diagnostics: 0,
    invalid: 0,
    events: 0,
    sendErrors: 0,
  };

  constructor(
    private readonly snapshot: SnapshotFile,
    private readonly sender: Sender,
    private readonly log: Logger,
    config: DesiredConfig,
    private readonly now: () => number = Date.now,
  ) {
    this.config = config;
    const { state, problem } = snapshot.load();
    if (problem) log.warn("events snapshot unreadable, starting empty", { problem });
    this.engine = new RuleEngine(state, {
      rules: () => this.rules(),
      timeZone: (meterId) => meterTimeZone(this.config, meterId),
      households: () => this.config.households,
    });
  }

  get state() {
    return this.engine.state;
  }

  rules(): Rule[] {
    return this.state.appRules ?? this.config.rules;
  }

  /** Twin desired properties. New twin rules (different from the last applied) replace app rules. */
  setConfig(config: DesiredConfig): void {
    this.config = config;
    const twinRules = JSON.stringify(config.rules);
    if (twinRules !== this.state.twinRules) {
      this.state.twinRules = twinRules;
      this.state.appRules = null;
      this.engine.prune();
    }
    this.save();
  }

  report(): EventsReport {
    return {
      rulesSource: this.state.appRules ? "app" : "twin",
      rules: this.rules(),
      activeAlerts: Object.values(this.state.active),
      counters: { ...this.counters },
      capacity: Object.fromEntries(
        Object.entries(this.state.capacity).map(([id, t]) => {
          const peak = peakExcept(t, null);
          const report: CapacityReport = {
            month: t.month,
            peakKw: Math.round(peak.w) / 1000,
            peakAt: peak.at === null ? null : new Date(peak.at).toISOString(),
            quarterStart: t.current ? new Date(t.current.start).toISOString() : null,
            quarterEnergyWh: t.current ? Math.round(t.current.wh * 10) / 10 : null,
          };
          return [id, report];
        }),
      ),
    };
  }

  private async after(made: Event[]): Promise<void> {
    this.counters.events += made.length;
    if (made.length > 0) {
      this.save();
      for (const l of this.listeners) {
        for (const e of made) l.event?.(e);
        l.alerts?.(Object.values(this.state.active));
      }
    } else {
      this.dirtySince ??= this.now();
      if (this.now() - this.dirtySince >= SAVE_EVERY_MS) this.save();
    }
    await this.flush();
  }

  async reading(body: unknown): Promise<void> {
    const p = MeterReading.safeParse(body);
    if (!p.success) return this.invalid("reading", p.error.issues);
    this.counters.readings += 1;
    for (const l of this.listeners) l.reading?.(p.data);
    await this.after(this.engine.reading(p.data, this.now()));
  }

  async interval(body: unknown): Promise<void> {
    const p = IntervalRecord.safeParse(body);
    if (!p.success) return this.invalid("interval", p.error.issues);
    this.counters.intervals += 1;
    await this.after(this.engine.interval(p.data));
  }

  async diagnostics(body: unknown): Promise<void> {
    const p = ReaderDiagnostics.safeParse(body);
    if (!p.success) return this.invalid("diagnostics", p.error.issues);
    this.counters.diagnostics += 1;
    await this.after(this.engine.diagnostics(p.data));
  }

  /** Timer: silent meters and reader windows; also writes state left unsaved by quiet periods. */
  async tick(): Promise<void> {
    await this.after(this.engine.tick(this.now()));
    if (this.dirtySince !== null) this.save();
  }

  /** Input `control`: `setRules` (persisted, reported) or `ackEvent`. Returns what changed. */
  async control(body: unknown): Promise<{ ok: boolean; message?: string }> {
    const p = ControlMessage.safeParse(body);
    if (!p.success) {
      this.invalid("control", p.error.issues);
      return { ok: false, message: p.error.issues[0]?.message ?? "invalid control message" };
    }
    if (p.data.action === "setRules") {
      this.state.appRules = p.data.rules;
      this.engine.prune();
      this.log.info("rules set from the app", { rules: p.data.rules.length });
    } else {
      const known = this.engine.ack(p.data.eventId);
      if (!known) return { ok: false, message: `unknown event ${p.data.eventId}` };
      for (const l of this.listeners) l.alerts?.(Object.values(this.state.active));
    }
    this.save();
    return { ok: true };
  }

  private invalid(input: string, issues: unknown[]): void {
    this.counters.invalid += 1;
    this.log.warn("message rejected", { input, issues: issues.slice(0, 3) });
  }

  save(): void {
    this.snapshot.save(this.state);
    this.dirtySince = null;
  }

  /** Hands queued Events to the edge hub in order; a failed send stays queued for the next flush. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      let sent = 0;
      while (this.state.outbox.length > 0) {
        const ev = this.state.outbox[0]!;
        try {
          await this.sender.send("alerts", ev, { kind: "event", meterId: ev.meterId });
        } catch (err) {
          this.counters.sendErrors += 1;
          this.log.warn("send failed, event kept", { eventId: ev.id, error: String(err) });
          break;
        }
        this.state.outbox.shift();
        sent += 1;
      }
      if (sent > 0) this.save();
    });
    return this.flushing;
  }
}
