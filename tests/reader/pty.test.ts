/**
 * Through a real serial line: a PTY pair made by socat, the simulator on one end, the reader's
 * serialport on the other. Both modes, and the unplug fault: socat killed (both ends vanish, the reader's
 * port closes) and a new pair under the same names; the reader reconnects with backoff and nothing sent
 * while it was connected is lost.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { MeterReading } from "@omdp/model";
import { createReader, KeyStore, type ReaderError } from "@omdp/reader";
import { createMeterFleet, defaultFleet, type PtyLine, type SentTelegram, servePty } from "@omdp/simulator";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { expectExactlyOnceInOrder, waitFor } from "./helpers";

const dir = mkdtempSync(join(tmpdir(), "omdp-pty-"));
const lines: PtyLine[] = [];
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});
afterAll(async () => {
  for (const l of lines) await l.close(); // kills socat
  rmSync(dir, { recursive: true, force: true });
});

const START = Date.UTC(2026, 2, 3, 17, 0, 0);

describe("simulator -> PTY (socat) -> reader", () => {
  it("listen mode: DLMS pushes arrive exactly once, in order; survives unplug and replug", async () => {
    const fleet = createMeterFleet({
      meters: defaultFleet({ meters: 3, kind: "dlms", seed: 9 }),
      speed: 500,
      start: START,
    });
    const sent: SentTelegram[] = [];
    fleet.onTelegram((t) => sent.push(t));
    const line = await servePty(fleet, { path: join(dir, "dlmsA") });
    lines.push(line);
    expect(line.peerPath).toBe(join(dir, "dlmsB"));
    cleanups.push(() => fleet.stop());
    const keys = new KeyStore();
    for (const [id, k] of Object.entries(fleet.keys())) keys.set(id, k);
    const reader = createReader(
      {
        transport: { kind: "serial", path: line.peerPath, preset: "customerInterface" },
        mode: "listen",
        backoff: { minMs: 50, maxMs: 400 },
      },
      { keys },
    );
    const readings: MeterReading[] = [];
    const errors: ReaderError[] = [];
    reader.on("reading", (r) => readings.push(r));
    reader.on("error", (e) => errors.push(e));
    await reader.start();
    cleanups.push(() => reader.stop());
    expect(await waitFor(() => reader.diagnostics().link.connected)).toBe(true);

    fleet.start();
    expect(await waitFor(() => sent.length >= 30)).toBe(true);
    fleet.stop();
    expect(await waitFor(() => readings.length === sent.length, 5000)).toBe(true);

    // unplug: socat goes away, the reader's port closes, it retries with backoff
    await line.unplug();
    expect(await waitFor(() => !reader.diagnostics().link.connected)).toBe(true);
    await new Promise((r) => setTimeout(r, 300));
    await line.replug();
    expect(await waitFor(() => reader.diagnostics().link.connected, 5000)).toBe(true);
    fleet.start(); // the meters kept counting: the pushes of the unplugged time follow at once
    const n = sent.length;
    expect(await waitFor(() => sent.length >= n + 30)).toBe(true);
    fleet.stop();
    expect(await waitFor(() => readings.length === sent.length, 5000)).toBe(true);

    expectExactlyOnceInOrder(sent, readings);
    const d = reader.diagnostics();
    expect(d.counters.reconnects).toBeGreaterThanOrEqual(1);
    expect(errors.some((e) => e.code === "LINK")).toBe(true);
    expect(readings.every((r) => r.source.transport === "serial")).toBe(true);
  });

  it("poll mode: the reader as M-Bus master over the PTY, primary addresses, exactly once, in order", async () => {
    const fleet = createMeterFleet({
      meters: defaultFleet({ meters: 3, kind: "mbus", seed: 4 }),
      speed: 100,
      start: START,
    });
    const sent: SentTelegram[] = [];
    fleet.onTelegram((t) => sent.push(t));
    const line = await servePty(fleet, { path: join(dir, "mbusA") });
    lines.push(line);
    cleanups.push(() => fleet.stop());
    fleet.start();
    const reader = createReader({
      transport: { kind: "serial", path: line.peerPath, preset: "mbusMaster", baudRate: 9600 },
      mode: "poll",
      pollIntervalS: 0.05,
      timing: { marginMs: 60, retries: 2, maxTelegrams: 8 },
      meters: fleet.meters.map((m) => ({ id: m.id, primaryAddress: m.primaryAddress })),
    });
    const readings: MeterReading[] = [];
    const errors: ReaderError[] = [];
    reader.on("reading", (r) => readings.push(r));
    reader.on("error", (e) => errors.push(e));
    await reader.start();
    cleanups.push(() => reader.stop());
    expect(
      await waitFor(() => fleet.meters.every((m) => readings.filter((r) => r.meterId === m.id).length >= 4)),
    ).toBe(true);
    await reader.stop();
    expect(errors).toEqual([]);
    expectExactlyOnceInOrder(sent, readings, 1);
    expect(new Set(readings.map((r) => r.values[0]!.unit))).toEqual(new Set(["Wh", "m3"]));
  });
});
