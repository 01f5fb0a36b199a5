/**
 * The wireless M-Bus meters (water, heat, heat cost allocator): every telegram, in OMS mode 5 or 7 and
 * through each receiver framing, is read by the reader's wM-Bus line with the key the fleet writes to
 * the keys file, to exactly the values the simulator says it sent, with the meter's clock as reading
 * time; the access number counts; consumption follows the draw model (a day's water within a
 * household's range).
 */
import type { MeterReading } from "@omdp/model";
import { createPushPipeline, DiagnosticsBook, KeyStore, ReaderConfig, type ReaderError } from "@omdp/reader";
import { decodeWmbus } from "@omdp/wmbus";
import { describe, expect, it } from "vitest";
import { createMeterFleet, type MeterSpec, type SentTelegram } from "../../src/meters/index";

const START = Date.UTC(2026, 0, 31, 22, 40, 0);

function virtualFleet(meters: MeterSpec[]) {
  let wall = 0;
  const fleet = createMeterFleet({ meters, speed: 1, start: START, answerDelayMs: 0, wallClock: () => wall });
  const sent: SentTelegram[] = [];
  fleet.onTelegram((t) => sent.push(t));
  return {
    fleet,
    sent,
    advance(ms: number) {
      wall += ms;
      fleet.tick();
    },
  };
}

function readerLine(
  receiver: "im871a" | "amb8465" | "rtlwmbus",
  meters: MeterSpec[],
  keys: Record<string, unknown>,
) {
  const config = ReaderConfig.parse({
    transport: { kind: "tcp", port: 1 },
    protocol: "wmbus",
    wmbus: { receiver },
    timeZone: "Europe/Vienna",
    meters: meters.map((m) => ({ id: m.id, secondaryAddress: { id: m.secondaryId! } })),
  });
  const store = new KeyStore();
  store.load(keys);
  const readings: MeterReading[] = [];
  const errors: ReaderError[] = [];
  const p = createPushPipeline(
    "wmbus",
    { config, keys: store, diag: new DiagnosticsBook("gw", "t"), transport: "stream" },
    { reading: (r) => readings.push(r), error: (e) => errors.push(e) },
  );
  return { readings, errors, push: (b: Uint8Array, at: number) => p.push(Buffer.from(b), new Date(at)) };
}

describe("wM-Bus meters", () => {
  it.each([
    { receiver: "im871a" as const, wmbusMode: 5 as const },
    { receiver: "amb8465" as const, wmbusMode: 7 as const },
    { receiver: "rtlwmbus" as const, wmbusMode: 5 as const },
  ])(
    "water, heat and HCA in mode $wmbusMode through $receiver: every sent value read back",
    ({ receiver, wmbusMode }) => {
      const meters: MeterSpec[] = [
        {
          id: "water-1",
          kind: "wmbus",
          seed: 11,
          secondaryId: "71000011",
          wmbusDevice: "water",
          wmbusMode,
          receiver,
          pushIntervalS: 30,
        },
        {
          id: "heat-1",
          kind: "wmbus",
          seed: 12,
          secondaryId: "71000012",
          wmbusDevice: "heat",
          wmbusMode,
          receiver,
          pushIntervalS: 60,
        },
        {
          id: "hca-1",
          kind: "wmbus",
          seed: 13,
          secondaryId: "71000013",
          wmbusDevice: "hca",
          wmbusMode,
          receiver,
          pushIntervalS: 120,
        },
      ];
      const { fleet, sent, advance } = virtualFleet(meters);
      advance(3 * 3600_000); // 22:40 to 01:40 UTC: draws of the evening and night
      const keys = fleet.keys();
      expect(Object.keys(keys).sort()).toEqual(["hca-1", "heat-1", "water-1"]);
      const line = readerLine(receiver, meters, keys);
      for (const t of sent) line.push(t.bytes, t.meterTime + 50);
      expect(line.errors).toEqual([]);
      expect(sent.length).toBe(360 + 180 + 90);
      expect(line.readings.length).toBe(sent.length);
      for (const [i, t] of sent.entries()) {
        const r = line.readings[i]!;
        expect(r.meterId).toBe(t.meterId);
        expect(Date.parse(r.readingTime)).toBe(t.meterTime);
        for (const v of t.values)
          expect(r.values.find((x) => x.property === v.property)?.value, v.property).toBe(v.value);
      }
      // the heat meter really measured something in three evening hours, and its temperatures are plausible
      const heat = line.readings.filter((r) => r.meterId === "heat-1");
      const e = (r: MeterReading) => Number(r.values.find((v) => v.property === "6-0:1.0.0")?.value);
      expect(e(heat.at(-1)!)).toBeGreaterThan(e(heat[0]!));
    },
  );

  it("encrypts: without the key the frame is NO_KEY; the access number counts every telegram", () => {
    const { sent, advance } = virtualFleet([
      {
        id: "water-1",
        kind: "wmbus",
        seed: 11,
        secondaryId: "71000011",
        receiver: "rtlwmbus",
        pushIntervalS: 30,
      },
    ]);
    advance(5 * 60_000);
    const frames = sent.map((t) => Buffer.from(t.bytes.toString().split(";")[7]!.trim().slice(2), "hex"));
    const decoded = frames.map((f) => decodeWmbus(f, { crc: "absent" }));
    expect(decoded.every((d) => !d.ok && d.error.code === "NO_KEY")).toBe(true);
    const access = frames.map((f) => f[11]!); // CI 0x7A at offset 10, then the access number
    for (let i = 1; i < access.length; i++) expect(access[i]).toBe((access[i - 1]! + 1) & 0xff);
  });

  it("a water meter uses 50-1,000 litres a day (the draw model of a household)", () => {
    const { fleet, advance } = virtualFleet([
      { id: "water-1", kind: "wmbus", seed: 11, wmbusDevice: "water" },
    ]);
    const v0 = Number(fleet.registers("water-1", START).values[0]!.value);
    advance(24 * 3600_000);
    const v1 = Number(fleet.registers("water-1", START + 24 * 3600_000).values[0]!.value);
    const litres = (v1 - v0) * 1000;
    expect(litres).toBeGreaterThan(50);
    expect(litres).toBeLessThan(1000);
  });
});
