/**
 * DLMS push meters through the TCP path: the simulator's M-Bus/TCP gateway on an ephemeral port, the
 * reader in listen mode. Every telegram the simulator sent arrives exactly once, in order, with its
 * values and units; the energy registers in the readings agree with the simulator's own registers.
 */
import { describe, expect, it } from "vitest";
import {
  cleanupAfterEach,
  expectExactlyOnceInOrder,
  expectValidReadings,
  startRig,
  stopAndCollect,
  TCP,
  waitFor,
} from "./helpers";

const START = Date.UTC(2026, 5, 21, 10, 0, 0);
const cleanup = cleanupAfterEach();

describe("simulator -> TCP -> reader (listen, DLMS push)", () => {
  it("delivers every push of 3 meters exactly once, in order, with values and units", async () => {
    const rig = await startRig(cleanup, {
      fleet: {
        meters: [
          { id: "KFM1000000001", kind: "dlms", seed: 1 },
          { id: "KFM1000000002", kind: "dlms", seed: 2, pv: true },
          { id: "KFM1000000003", kind: "dlms", seed: 3 },
        ],
        speed: 500,
        start: START,
      },
      line: TCP,
      reader: { mode: "listen", gatewayId: "test-gw" },
    });
    const { fleet, sent, reader, readings, errors } = rig;

    const before = Object.fromEntries(fleet.meters.map((m) => [m.id, fleet.registers(m.id, START).values]));
    fleet.start();
    expect(await waitFor(() => sent.length >= 90)).toBe(true);
    await stopAndCollect(rig);

    expect(errors).toEqual([]);
    expectValidReadings(readings);
    expect(readings.every((r) => r.source.protocol === "dlms" && r.source.transport === "tcp")).toBe(true);
    expectExactlyOnceInOrder(sent, readings);

    // the registers in the readings are the simulator's registers at that meter time
    const aPlus = (vals: readonly { property: string; value: number | string }[]) =>
      vals.find((v) => v.property === "1-0:1.8.0")!.value as number;
    for (const m of fleet.meters) {
      const mine = readings.filter((r) => r.meterId === m.id);
      const last = mine.at(-1)!;
      expect(aPlus(last.values)).toBe(aPlus(fleet.registers(m.id, Date.parse(last.readingTime)).values));
      expect(aPlus(last.values)).toBeGreaterThanOrEqual(aPlus(before[m.id]!));
    }
    const d = reader.diagnostics();
    expect(d.counters.framesOk).toBe(sent.length * 2);
    expect(d.counters.checksumErrors + d.counters.decryptFailures).toBe(0);
    expect(Object.keys(d.meters).sort()).toEqual(fleet.meters.map((m) => m.id).sort());
    for (const m of fleet.meters)
      expect(d.meters[m.id]!.framesOk).toBe(2 * sent.filter((t) => t.meterId === m.id).length);
  });

  it("HDLC pushes (P1/HAN framing) and M-Bus pushes on one line: framing auto reads both", async () => {
    const rig = await startRig(cleanup, {
      fleet: {
        meters: [
          { id: "KFM1000000011", kind: "dlms", seed: 11, framing: "hdlc" },
          { id: "KFM1000000012", kind: "dlms", seed: 12 },
        ],
        speed: 500,
        start: START,
      },
      line: TCP,
      reader: { mode: "listen", framing: "auto" },
    });
    rig.fleet.start();
    expect(await waitFor(() => rig.sent.length >= 40)).toBe(true);
    await stopAndCollect(rig);
    expectExactlyOnceInOrder(rig.sent, rig.readings);
  });
});
