/**
 * The events module's rule engine over its persisted state. Each call returns the Events it made
 * (already de-duplicated and queued in `state.outbox`); nothing here does I/O.
 */
import type { Event, IntervalRecord, MeterReading } from "@omdp/model";
import { onIntervalCapacity, onReadingCapacity } from "./capacity-rules";
import type { HouseholdSettings, ReaderDiagnostics, Rule } from "./config";
import { RuleContext } from "./context";
import { onInterval } from "./interval-rules";
import { onDiagnostics, onTickReader } from "./reader-rules";
import { onReading, onTickSilent } from "./reading-rules";
import type { EventsState } from "./state";

export interface EngineView {
  /** The rules in force. */
  rules(): readonly Rule[];
  timeZone(meterId: string): string;
  /** Households by id (capacity tariffs); none when absent. */
  households?(): Readonly<Record<string, HouseholdSettings>>;
}

export class RuleEngine {
  constructor(
    readonly state: EventsState,
    private readonly view: EngineView,
  ) {}

  private run(f: (ctx: RuleContext, rules: readonly Rule[]) => void): Event[] {
    const ctx = new RuleContext(this.state);
    f(ctx, this.view.rules());
    return ctx.made;
  }

  /** `receivedMs`: gateway clock at arrival (default: the reading time). */
  reading(r: MeterReading, receivedMs?: number): Event[] {
    return this.run((ctx, rules) => {
      onReading(ctx, rules, r, receivedMs);
      onReadingCapacity(ctx, rules, this.view.households?.() ?? {}, r);
    });
  }

  interval(rec: IntervalRecord): Event[] {
    return this.run((ctx, rules) => {
      onInterval(ctx, rules, rec, this.view.timeZone(rec.meterId));
      onIntervalCapacity(ctx, rules, this.view.households?.() ?? {}, rec);
    });
  }

  diagnostics(d: ReaderDiagnostics): Event[] {
    return this.run((ctx, rules) => onDiagnostics(ctx, rules, d));
  }

  /** Timer work: silent meters, reader alerts whose window passed. */
  tick(nowMs: number): Event[] {
    return this.run((ctx, rules) => {
      onTickSilent(ctx, rules, nowMs);
      onTickReader(ctx, rules, nowMs);
    });
  }

  /** Marks an event acknowledged; true when it is a known active alert or an emitted event. */
  ack(eventId: string): boolean {
    let known = this.state.emitted.includes(eventId);
    for (const a of Object.values(this.state.active)) {
      if (a.eventId === eventId) {
        a.acked = true;
        known = true;
      }
    }
    return known;
  }

  /** Forgets the state of rules that no longer exist (after a rule change). */
  prune(): void {
    const ids = new Set(this.view.rules().map((r) => r.id));
    const keep = (key: string) => ids.has(key.slice(0, key.indexOf("|")));
    for (const table of [
      this.state.alerts,
      this.state.active,
      this.state.budgetFired,
      this.state.nights,
      this.state.capacityWarned,
      this.state.leakVolumes,
    ]) {
      for (const key of Object.keys(table)) if (!keep(key)) delete (table as Record<string, unknown>)[key];
    }
  }
}
