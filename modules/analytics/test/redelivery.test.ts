import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RecordingModuleHost } from "@omdp/edge-module/testing";
import { createLogger } from "@omdp/logger";
import type { IntervalRecord, MeterReading } from "@omdp/model";
import { afterEach, describe, expect, it } from "vitest";
import { setupAnalytics } from "../src/module";
import { reading } from "./helpers";

const log = createLogger("test", { write: () => {} });
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const T0 = Date.parse("2026-01-15T08:00:00Z");
const MINUTE = 60_000;
/** Wh imported in minute k: 1..11, irregular. */
const step = (k: number) => ((k * 7) % 11) + 1;
/** One reading a minute, 08:00 to 09:15 (76 readings): register = 5000 + the steps so far. */
const sequence: MeterReading[] = Array.from({ length: 76 }, (_, i) => {
  let imp = 5000;
  for (let k = 0; k < i; k++) imp += step(k);
  return reading("m1", { at: new Date(T0 + i * MINUTE).toISOString(), imp, pImp: step(i) * 60 });
});

/** A module on `dir` whose clock is the newest reading time it has seen (a live meter). */
async function start(dir: string, clock: { now: number }) {
  const host = new RecordingModuleHost();
  const running = await setupAnalytics(host, log, { dataDir: dir, now: () => clock.now, tickMs: 1e9 });
  await host.setDesired({});
  const deliver = async (i: number) => {
    clock.now = Math.max(clock.now, Date.parse(sequence[i]!.readingTime));
    await host.deliver("readings", sequence[i]!, { kind: "reading", meterId: "m1" });
  };
  return { host, running, deliver };
}

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "omdp-analytics-redelivery-"));
  dirs.push(dir);
  return dir;
}

describe("analytics: redelivered readings and a restart change no interval", () => {
  it("duplicates injected and a restart in the middle yield the intervals of the clean sequence", async () => {
    const cleanClock = { now: T0 };
    const clean = await start(tempDir(), cleanClock);
    for (let i = 0; i < sequence.length; i++) await clean.deliver(i);
    await clean.running.stop();
    const expected = clean.host.outputs("intervals") as IntervalRecord[];

    const dir = tempDir();
    const clock = { now: T0 };
    let m = await start(dir, clock);
    const out: IntervalRecord[] = [];
    for (let i = 0; i <= 40; i++) {
      await m.deliver(i);
      if (i % 4 === 0) await m.deliver(i); // redelivered at once
    }
    await m.running.stop(); // restart in the middle of the 08:30 quarter
    out.push(...(m.host.outputs("intervals") as IntervalRecord[]));
    m = await start(dir, clock);
    for (let i = 31; i <= 40; i++) await m.deliver(i); // the hub redelivers what was not acknowledged
    for (let i = 41; i < sequence.length; i++) {
      await m.deliver(i);
      if (i === 50) await m.deliver(i);
      // the reader's outbox re-sends 08:55..09:00 after the 08:45 quarter closed
      if (i === 60) for (let j = 55; j <= 60; j++) await m.deliver(j);
    }
    await m.deliver(75);
    await m.running.stop();
    out.push(...(m.host.outputs("intervals") as IntervalRecord[]));

    // Energy per quarter by hand: the register steps of its 15 minutes (register at end - at start).
    const quarterWh = (q: number) => {
      let wh = 0;
      for (let k = 15 * q; k < 15 * q + 15; k++) wh += step(k);
      return wh;
    };
    expect(out.map((r) => [r.intervalStart, r.energyImportedWh, r.sampleCount, r.flags])).toEqual(
      [0, 1, 2, 3, 4].map((q) => [new Date(T0 + q * 15 * MINUTE).toISOString(), quarterWh(q), 15, []]),
    );
    expect(quarterWh(0)).toBe(90); // steps 1,8,4,11,7,3,10,6,2,9,5,1,8,4,11 (minutes 0..14)
    expect(out).toEqual(expected);
    const status = (await m.host.invoke("getStatus", {})).payload as { counters: Record<string, number> };
    expect(status.counters.duplicate).toBeGreaterThan(0);
  });
});
