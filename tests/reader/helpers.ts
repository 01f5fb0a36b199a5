/** Shared helpers of the simulator-to-reader tests: collect, wait (bounded), compare. */
import type { MeterReading } from "@omdp/model";
import type { SentTelegram } from "@omdp/simulator";
import { expect } from "vitest";

/** Polls `check` every 20 ms until it holds or `timeoutMs` passes; returns whether it held. */
export async function waitFor(check: () => boolean, timeoutMs = 10_000): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) return false;
    await new Promise((r) => setTimeout(r, 20));
  }
  return true;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Telegrams of each meter that should have arrived intact, in order: without a fault, and each meter
 * time once (a read-out repeated for a repeated FCB is the same reading).
 */
export function intactByMeter(sent: readonly SentTelegram[]): Map<string, SentTelegram[]> {
  const out = new Map<string, SentTelegram[]>();
  const seen = new Set<string>();
  for (const t of sent) {
    if (t.fault) continue;
    const key = `${t.meterId}|${t.meterTime}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const list = out.get(t.meterId) ?? [];
    list.push(t);
    out.set(t.meterId, list);
  }
  return out;
}

export function readingsByMeter(readings: readonly MeterReading[]): Map<string, MeterReading[]> {
  const out = new Map<string, MeterReading[]>();
  for (const r of readings) {
    const list = out.get(r.meterId) ?? [];
    list.push(r);
    out.set(r.meterId, list);
  }
  return out;
}

/** One reading carries exactly the telegram's values: same meter time, every property, its unit, its value. */
export function expectSame(reading: MeterReading, sent: SentTelegram): void {
  expect(Date.parse(reading.readingTime)).toBe(sent.meterTime);
  const got = new Map(reading.values.map((v) => [v.property, v]));
  for (const v of sent.values) {
    const r = got.get(v.property);
    expect(r, `${sent.meterId} ${v.property}`).toBeDefined();
    expect(r!.unit, `${v.property} unit`).toBe(v.unit);
    if (typeof v.value === "number" && !Number.isInteger(v.value))
      expect(r!.value as number).toBeCloseTo(v.value, 6);
    else expect(r!.value, `${v.property} value`).toBe(v.value);
  }
}

/**
 * Every intact telegram arrived exactly once and in order; the reader produced nothing else for these
 * meters. `allowMissingTail` tolerates answers in flight when a polling reader was stopped.
 */
export function expectExactlyOnceInOrder(
  sent: readonly SentTelegram[],
  readings: readonly MeterReading[],
  allowMissingTail = 0,
): void {
  const want = intactByMeter(sent);
  const got = readingsByMeter(readings);
  expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
  for (const [meterId, list] of want) {
    const r = got.get(meterId) ?? [];
    // a polling reader stopped mid-exchange: the meter answered, the reader was gone
    if (r.length < list.length && list.length - r.length <= allowMissingTail) list.length = r.length;
    expect(r.length, `readings of ${meterId}`).toBe(list.length);
    for (const [i, t] of list.entries()) expectSame(r[i]!, t);
  }
}
