/** What every rule evaluator gets: the state, and the two ways to make an Event. */
import { type Event, SCHEMA_VERSION, type Severity } from "@omdp/model";
import type { Rule } from "./config";
import type { EventsState } from "./state";

/** How many emitted ids are remembered for de-duplication. */
const EMITTED_MAX = 2000;

export interface Fired {
  readonly rule: Rule;
  /** `ruleId|subject`: the alert's slot. */
  readonly key: string;
  readonly meterId: string;
  readonly type: string;
  readonly atMs: number;
  readonly details: Record<string, unknown>;
}

export class RuleContext {
  readonly made: Event[] = [];

  constructor(readonly state: EventsState) {}

  /** Deterministic id: the same data always gives the same id, so a replay is recognised. */
  static eventId(ruleId: string, meterId: string, type: string, atMs: number): string {
    return `${ruleId}|${meterId}|${type}|${new Date(atMs).toISOString()}`;
  }

  private emit(
    id: string,
    type: string,
    severity: Severity,
    meterId: string,
    atMs: number,
    details: Record<string, unknown>,
  ): Event | null {
    if (this.state.emitted.includes(id)) return null;
    const ev: Event = {
      schemaVersion: SCHEMA_VERSION,
      id,
      type,
      severity,
      meterId,
      at: new Date(atMs).toISOString(),
      details,
    };
    this.state.emitted.push(id);
    if (this.state.emitted.length > EMITTED_MAX)
      this.state.emitted.splice(0, this.state.emitted.length - EMITTED_MAX);
    this.state.outbox.push(ev);
    this.made.push(ev);
    return ev;
  }

  /** The alert of `f.key` starts: an Event of the rule's severity, and an active alert. */
  fire(f: Fired): void {
    const id = RuleContext.eventId(f.rule.id, f.meterId, f.type, f.atMs);
    const ev = this.emit(id, f.type, f.rule.severity, f.meterId, f.atMs, { ruleId: f.rule.id, ...f.details });
    if (!ev) return;
    this.state.active[f.key] = {
      eventId: id,
      ruleId: f.rule.id,
      type: f.type,
      meterId: f.meterId,
      since: ev.at,
      acked: false,
    };
  }

  /** A one-off Event of the rule's severity that starts no alert (news, e.g. a new monthly peak). */
  notify(f: Fired): void {
    const id = RuleContext.eventId(f.rule.id, f.meterId, f.type, f.atMs);
    this.emit(id, f.type, f.rule.severity, f.meterId, f.atMs, { ruleId: f.rule.id, ...f.details });
  }

  /** The alert of `f.key` ends: an `info` Event (when the rule has a resolve type) naming the firing one. */
  resolve(f: Fired): void {
    const firing = this.state.active[f.key];
    delete this.state.active[f.key];
    const id = RuleContext.eventId(f.rule.id, f.meterId, f.type, f.atMs);
    this.emit(id, f.type, "info", f.meterId, f.atMs, {
      ruleId: f.rule.id,
      resolves: firing?.eventId ?? null,
      ...f.details,
    });
  }
}

export function appliesTo(rule: Rule, meterId: string): boolean {
  return rule.enabled && (rule.meterId === "*" || rule.meterId === meterId);
}

/** The value of `key` in `table`, made and stored first when missing. */
export function slot<T>(table: Record<string, T>, key: string, make: () => T): T {
  let v = table[key];
  if (v === undefined) {
    v = make();
    table[key] = v;
  }
  return v;
}
