/**
 * Rules on the reader's diagnostics: a counter (decrypt failures, checksum errors, ...) grew by at
 * least `threshold` within `windowMinutes`. Fires once; resolves after a whole window without growth.
 * Counters are cumulative per reader run: a smaller value than before means the reader restarted.
 */
import type { ReaderCounter, ReaderDiagnostics, Rule } from "./config";
import { appliesTo, type RuleContext, slot } from "./context";
import { READER_EVENT_TYPES } from "./event-types";
import { initial } from "./hysteresis";

const COUNTERS: readonly ReaderCounter[] = [
  "decryptFailures",
  "checksumErrors",
  "lengthErrors",
  "decodeErrors",
];
/** Longest window kept (increases older than this are dropped). */
const KEEP_MS = 24 * 3_600_000;

type ReaderRule = Extract<Rule, { kind: "readerErrors" }>;

export function onDiagnostics(ctx: RuleContext, rules: readonly Rule[], d: ReaderDiagnostics): void {
  const t = Date.parse(d.at);
  const gw = d.gatewayId;
  const prev = ctx.state.readerCounters[gw];
  const current: Record<string, number> = {};
  for (const c of COUNTERS) {
    const cur = d.counters[c] ?? 0;
    current[c] = cur;
    const before = prev?.[c];
    // First sight counts what the reader already has: better a late alert than a missed one.
    const inc = before === undefined || cur < before ? cur : cur - before;
    const list = slot(ctx.state.readerIncreases, `${gw}|${c}`, () => [] as { at: number; n: number }[]);
    if (inc > 0) list.push({ at: t, n: inc });
    while (list.length > 0 && list[0]!.at < t - KEEP_MS) list.shift();
  }
  ctx.state.readerCounters[gw] = current;
  const meterId = d.lastError?.meterId ?? gw;
  for (const rule of rules) {
    if (
      rule.kind !== "readerErrors" ||
      !appliesTo(rule, rule.meterId === "*" ? meterId : (d.lastError?.meterId ?? ""))
    )
      continue;
    evaluate(ctx, rule, gw, meterId, t);
  }
}

/** Timer: resolves reader alerts once a whole window passed without growth. */
export function onTickReader(ctx: RuleContext, rules: readonly Rule[], nowMs: number): void {
  for (const rule of rules) {
    if (rule.kind !== "readerErrors") continue;
    for (const key of Object.keys(ctx.state.alerts)) {
      if (!key.startsWith(`${rule.id}|`)) continue;
      const gw = key.slice(rule.id.length + 1);
      evaluate(ctx, rule, gw, ctx.state.active[key]?.meterId ?? gw, nowMs);
    }
  }
}

function evaluate(ctx: RuleContext, rule: ReaderRule, gw: string, meterId: string, t: number): void {
  const key = `${rule.id}|${gw}`;
  const windowMs = rule.windowMinutes * 60_000;
  const list = ctx.state.readerIncreases[`${gw}|${rule.counter}`] ?? [];
  const recent = list.filter((x) => x.at > t - windowMs && x.at <= t);
  const sum = recent.reduce((s, x) => s + x.n, 0);
  const h = slot(ctx.state.alerts, key, () => initial());
  const types = READER_EVENT_TYPES[rule.counter];
  if (h.phase !== "firing" && sum >= rule.threshold) {
    h.phase = "firing";
    h.firedAt = t;
    ctx.fire({
      rule,
      key,
      meterId,
      type: types.fire,
      atMs: t,
      details: { counter: rule.counter, increase: sum, windowMinutes: rule.windowMinutes, gatewayId: gw },
    });
  } else if (h.phase === "firing" && sum === 0) {
    const last = list.length > 0 ? list[list.length - 1]!.at : t;
    ctx.state.alerts[key] = initial();
    ctx.resolve({
      rule,
      key,
      meterId,
      type: types.resolve!,
      atMs: Math.max(last + windowMs, h.firedAt ?? 0),
      details: { counter: rule.counter, gatewayId: gw },
    });
  }
}
