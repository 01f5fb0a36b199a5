/**
 * EN 13757-3 meters polled through the TCP path: the reader is the master (SND_NKE, REQ_UD2 with FCB,
 * multi-telegram read-outs), by primary and by secondary address, and finds the meters with a
 * secondary address scan. Every read-out the simulator answered arrives exactly once, in order.
 */
import { type MeterReading, MeterReading as MeterReadingSchema } from "@omdp/model";
import { createReader, type ReaderError } from "@omdp/reader";
import { createMeterFleet, defaultFleet, type SentTelegram, serveTcp } from "@omdp/simulator";
import { afterEach, describe, expect, it } from "vitest";
import { expectExactlyOnceInOrder, waitFor } from "./helpers";

const START = Date.UTC(2026, 0, 15, 6, 0, 0);
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function setup(meters = 4) {
  const fleet = createMeterFleet({
    meters: defaultFleet({ meters, kind: "mbus", seed: 5 }),
    speed: 100,
    start: START,
  });
  const sent: SentTelegram[] = [];
  fleet.onTelegram((t) => sent.push(t));
  const gw = await serveTcp(fleet, 0);
  cleanups.push(
    () => gw.close(),
    () => fleet.stop(),
  );
  fleet.start();
  return { fleet, sent, gw };
}

describe("simulator -> TCP -> reader (poll, EN 13757-3)", () => {
  it("reads water, heat, gas and electricity meters by primary and secondary address, exactly once, in order", async () => {
    const { fleet, sent, gw } = await setup(4);
    const [a, b, c, d] = fleet.meters;
    const reader = createReader({
      transport: { kind: "tcp", host: "127.0.0.1", port: gw.port },
      mode: "poll",
      pollIntervalS: 0.06,
      timing: { marginMs: 60, retries: 2, maxTelegrams: 8 },
      meters: [
        { id: a!.id, primaryAddress: a!.primaryAddress },
        { id: b!.id, primaryAddress: b!.primaryAddress },
        { id: c!.id, secondaryAddress: { id: c!.secondaryId!, manufacturer: c!.manufacturer } },
        { id: d!.id, secondaryAddress: { id: d!.secondaryId! } },
      ],
    });
    const readings: MeterReading[] = [];
    const errors: ReaderError[] = [];
    reader.on("reading", (r) => readings.push(r));
    reader.on("error", (e) => errors.push(e));
    await reader.start();
    cleanups.push(() => reader.stop());
    expect(
      await waitFor(() => fleet.meters.every((m) => readings.filter((r) => r.meterId === m.id).length >= 5)),
    ).toBe(true);
    await reader.stop();
    expect(errors).toEqual([]);
    for (const r of readings) expect(MeterReadingSchema.safeParse(r).success).toBe(true);
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
    const { fleet, gw } = await setup(5);
    const reader = createReader({
      transport: { kind: "tcp", host: "127.0.0.1", port: gw.port },
      mode: "poll",
      pollIntervalS: 3600,
      timing: { marginMs: 20, retries: 0, maxTelegrams: 8 },
    });
    await reader.start();
    cleanups.push(() => reader.stop());
    expect(await waitFor(() => reader.diagnostics().link.connected)).toBe(true);
    const found = await reader.scan();
    expect(found.map((f) => f.meterId).sort()).toEqual(fleet.meters.map((m) => m.id).sort());
    expect(found.map((f) => f.secondaryId).sort()).toEqual(fleet.meters.map((m) => m.secondaryId).sort());
  });
});
