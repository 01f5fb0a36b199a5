/**
 * EN 13757-3 meters polled through the TCP path: the reader is the master (SND_NKE, REQ_UD2 with FCB,
 * multi-telegram read-outs), by primary and by secondary address, and finds the meters with a
 * secondary address scan. Every read-out the simulator answered arrives exactly once, in order.
 */
import { defaultFleet } from "@omdp/simulator";
import { describe, expect, it } from "vitest";
import {
  cleanupAfterEach,
  expectExactlyOnceInOrder,
  expectValidReadings,
  type RigOptions,
  startRig,
  TCP,
  untilEachMeterRead,
  waitFor,
} from "./helpers";

const START = Date.UTC(2026, 0, 15, 6, 0, 0);
const cleanup = cleanupAfterEach();

/** `meters` M-Bus slaves behind the TCP gateway, answering from the start; the reader polls them. */
function setup(meters: number, reader: RigOptions["reader"]) {
  return startRig(cleanup, {
    fleet: { meters: defaultFleet({ meters, kind: "mbus", seed: 5 }), speed: 100, start: START },
    line: TCP,
    reader,
  });
}

describe("simulator -> TCP -> reader (poll, EN 13757-3)", () => {
  it("reads water, heat, gas and electricity meters by primary and secondary address, exactly once, in order", async () => {
    const { fleet, sent, reader, readings, errors } = await setup(4, (f) => {
      const [a, b, c, d] = f.meters;
      return {
        mode: "poll",
        pollIntervalS: 0.06,
        timing: { marginMs: 60, retries: 2, maxTelegrams: 8 },
        meters: [
          { id: a!.id, primaryAddress: a!.primaryAddress },
          { id: b!.id, primaryAddress: b!.primaryAddress },
          { id: c!.id, secondaryAddress: { id: c!.secondaryId!, manufacturer: c!.manufacturer } },
          { id: d!.id, secondaryAddress: { id: d!.secondaryId! } },
        ],
      };
    });
    await untilEachMeterRead(fleet, readings, 5);
    await reader.stop();
    expect(errors).toEqual([]);
    expectValidReadings(readings);
    expect(sent.every((t) => t.master === "reader" && !t.fault)).toBe(true);
    expectExactlyOnceInOrder(sent, readings, 1);
    // multi-telegram read-outs: electricity and heat answer in two RSP_UD
    const heat = readings.find((r) => r.meterId === fleet.meters.find((m) => m.medium === "heat")!.id)!;
    expect(heat.values.map((v) => v.property).sort()).toEqual(
      ["6-0:1.0.0", "6-0:10.0.0", "6-0:11.0.0", "6-0:2.0.0", "6-0:8.0.0", "6-0:9.0.0"].sort(),
    );
    const d0 = reader.diagnostics();
    expect(d0.counters.timeouts).toBe(0);
    expect(d0.counters.checksumErrors).toBe(0);
  });

  it("finds every meter with a secondary address scan (collisions resolved digit by digit)", async () => {
    const { fleet, reader } = await setup(5, {
      mode: "poll",
      pollIntervalS: 3600,
      timing: { marginMs: 20, retries: 0, maxTelegrams: 8 },
    });
    expect(await waitFor(() => reader.diagnostics().link.connected)).toBe(true);
    const found = await reader.scan();
    expect(found.map((f) => f.meterId).sort()).toEqual(fleet.meters.map((m) => m.id).sort());
    expect(found.map((f) => f.secondaryId).sort()).toEqual(fleet.meters.map((m) => m.secondaryId).sort());
  });
});
