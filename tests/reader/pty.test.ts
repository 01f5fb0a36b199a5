/**
 * Through a real serial line: a PTY pair made by socat, the simulator on one end, the reader's
 * serialport on the other. Both modes, and the unplug fault: socat killed (both ends vanish, the reader's
 * port closes) and a new pair under the same names; the reader reconnects with backoff and nothing sent
 * while it was connected is lost.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultFleet, type PtyLine } from "@omdp/simulator";
import { afterAll, describe, expect, it } from "vitest";
import {
  byPrimary,
  cleanupAfterEach,
  expectExactlyOnceInOrder,
  startRig,
  stopAndCollect,
  untilEachMeterRead,
  waitFor,
} from "./helpers";

const dir = mkdtempSync(join(tmpdir(), "omdp-pty-"));
const lines: PtyLine[] = [];
const cleanup = cleanupAfterEach();
afterAll(async () => {
  for (const l of lines) await l.close(); // kills socat
  rmSync(dir, { recursive: true, force: true });
});

const START = Date.UTC(2026, 2, 3, 17, 0, 0);

describe("simulator -> PTY (socat) -> reader", () => {
  it("listen mode: DLMS pushes arrive exactly once, in order; survives unplug and replug", async () => {
    const rig = await startRig(cleanup, {
      fleet: { meters: defaultFleet({ meters: 3, kind: "dlms", seed: 9 }), speed: 500, start: START },
      line: { kind: "pty", pty: join(dir, "dlmsA"), lines, preset: "customerInterface" },
      reader: { mode: "listen", backoff: { minMs: 50, maxMs: 400 } },
    });
    const { fleet, sent, reader, readings, errors } = rig;
    const line = rig.line!;
    expect(line.peerPath).toBe(join(dir, "dlmsB"));

    fleet.start();
    expect(await waitFor(() => sent.length >= 30)).toBe(true);
    await stopAndCollect(rig, { exact: true });

    // unplug: socat goes away, the reader's port closes, it retries with backoff
    await line.unplug();
    expect(await waitFor(() => !reader.diagnostics().link.connected)).toBe(true);
    await new Promise((r) => setTimeout(r, 300));
    await line.replug();
    expect(await waitFor(() => reader.diagnostics().link.connected, 5000)).toBe(true);
    fleet.start(); // the meters kept counting: the pushes of the unplugged time follow at once
    const n = sent.length;
    expect(await waitFor(() => sent.length >= n + 30)).toBe(true);
    await stopAndCollect(rig, { exact: true });

    expectExactlyOnceInOrder(sent, readings);
    const d = reader.diagnostics();
    expect(d.counters.reconnects).toBeGreaterThanOrEqual(1);
    expect(errors.some((e) => e.code === "LINK")).toBe(true);
    expect(readings.every((r) => r.source.transport === "serial")).toBe(true);
  });

  it("poll mode: the reader as M-Bus master over the PTY, primary addresses, exactly once, in order", async () => {
    const { fleet, sent, reader, readings, errors } = await startRig(cleanup, {
      fleet: { meters: defaultFleet({ meters: 3, kind: "mbus", seed: 4 }), speed: 100, start: START },
      line: { kind: "pty", pty: join(dir, "mbusA"), lines, preset: "mbusMaster", baudRate: 9600 },
      reader: (f) => ({
        mode: "poll",
        pollIntervalS: 0.05,
        timing: { marginMs: 60, retries: 2, maxTelegrams: 8 },
        meters: byPrimary(f),
      }),
    });
    await untilEachMeterRead(fleet, readings, 4);
    await reader.stop();
    expect(errors).toEqual([]);
    expectExactlyOnceInOrder(sent, readings, 1);
    expect(new Set(readings.map((r) => r.values[0]!.unit))).toEqual(new Set(["Wh", "m3"]));
  });
});
