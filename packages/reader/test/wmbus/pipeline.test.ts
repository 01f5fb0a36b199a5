/**
 * The wM-Bus line pipeline over corpus telegrams (fixtures/wmbus-telegrams.json: wmbusmeters' driver
 * tests; the expected values are what wmbusmeters prints): readings with the medium's properties,
 * keys from the key store (never shown), unknown meters listed, repeated transmissions dropped.
 */
import { MeterReading } from "@omdp/model";
import { describe, expect, it } from "vitest";
import {
  amberMessage,
  createPushPipeline,
  DiagnosticsBook,
  im871aMessage,
  KeyStore,
  ReaderConfig,
  type ReaderConfigInput,
  type ReaderError,
  rtlWmbusLine,
} from "../../src/index";
import fixtures from "../fixtures/wmbus-telegrams.json";

const T = Object.fromEntries(
  fixtures.telegrams.map((t) => [t.id, { ...t, bytes: Buffer.from(t.hex, "hex") }]),
);
const IPERL = T["33225544"]!;
const HEAT = T["36363636"]!;
const KADEN = T["19221000"]!;
const HCA = T["78563412"]!;
const HCA_LOW = T["60366655"]!;

function line(input: Omit<ReaderConfigInput, "transport" | "protocol"> = {}) {
  const config = ReaderConfig.parse({ transport: { kind: "tcp", port: 1 }, protocol: "wmbus", ...input });
  const diag = new DiagnosticsBook("gw", "test");
  const keys = new KeyStore();
  const readings: MeterReading[] = [];
  const errors: ReaderError[] = [];
  const p = createPushPipeline(
    "wmbus",
    { config, keys, diag, transport: "serial" },
    {
      reading: (r) => readings.push(r),
      error: (e) => errors.push(e),
    },
  );
  let now = Date.parse("2026-03-01T10:00:00Z");
  return {
    readings,
    errors,
    diag,
    keys,
    /** A frame as an iM871A hands it over (unless `wire` is given), `afterS` seconds after the last. */
    hear(frame: Uint8Array, afterS = 16, wire?: Uint8Array) {
      now += afterS * 1000;
      p.push(Buffer.from(wire ?? im871aMessage(frame, { rssiRaw: 180 })), new Date(now));
    },
  };
}

const value = (r: MeterReading | undefined, property: string) =>
  r?.values.find((v) => v.property === property)?.value;

describe("wM-Bus line: readings", () => {
  it("a water meter: volume 8-0:1.0.0 in m3 (wmbusmeters total_m3 123.529), source wmbus, status 0", () => {
    const h = line({ meters: [{ id: "33225544" }] });
    h.hear(IPERL.bytes);
    expect(h.errors).toEqual([]);
    expect(h.readings).toHaveLength(1);
    const r = h.readings[0]!;
    expect(MeterReading.parse(r)).toBeTruthy();
    expect(r.meterId).toBe("33225544");
    expect(r.source).toEqual({ protocol: "wmbus", transport: "serial", gatewayId: "reader" });
    expect(value(r, "8-0:1.0.0")).toBe(IPERL.expect.total_m3);
    expect(value(r, "0-0:97.97.0")).toBe(0);
    expect(r.readingTime).toBe("2026-03-01T10:00:16.000Z");
  });

  it("a heat meter: energy Wh, volume, flow, flow/return temperature (wmbusmeters' kamheat values)", () => {
    const h = line({ meters: [{ id: "heat-1", secondaryAddress: { id: "36363636" } }] });
    h.hear(HEAT.bytes);
    const r = h.readings[0];
    expect(r?.meterId).toBe("heat-1");
    const e = HEAT.expect as unknown as Record<string, number>;
    expect(value(r, "6-0:1.0.0")).toBe(e.total_energy_consumption_kwh! * 1000);
    expect(value(r, "6-0:2.0.0")).toBe(e.total_volume_m3);
    expect(value(r, "6-0:9.0.0")).toBe(e.volume_flow_m3h);
    expect(value(r, "6-0:10.0.0")).toBe(e.t1_temperature_c);
    expect(value(r, "6-0:11.0.0")).toBe(e.t2_temperature_c);
  });

  it("heat cost allocators: units 4-0:1.0.0 (127), and the battery flag (status POWER_LOW: bit 2) in 0-0:97.97.0", () => {
    const h = line({ meters: [{ id: HCA.id }, { id: HCA_LOW.id }] });
    h.hear(HCA.bytes);
    h.hear(HCA_LOW.bytes);
    expect(value(h.readings[0], "4-0:1.0.0")).toBe(
      (HCA.expect as unknown as Record<string, number>).current_consumption_hca,
    );
    expect(value(h.readings[0], "0-0:97.97.0")).toBe(0); // status OK
    expect(Number(value(h.readings[1], "0-0:97.97.0")) & 0x04).toBe(0x04); // EN 13757-7: power low
  });

  it.each([
    {
      receiver: "im871a" as const,
      wire: (f: Uint8Array) => im871aMessage(f, { rssiRaw: 180, timestamp: 5 }),
      rssi: -30.7,
    },
    { receiver: "amb8465" as const, wire: (f: Uint8Array) => amberMessage(f, { rssiRaw: 0x40 }), rssi: -42 },
    {
      receiver: "rtlwmbus" as const,
      wire: (f: Uint8Array) => Buffer.from(rtlWmbusLine(f, { mode: "C1", rssi: 97 })),
      rssi: 97,
    },
  ])(
    "through $receiver: the same reading, RSSI and link mode in the diagnostics",
    ({ receiver, wire, rssi }) => {
      const h = line({ meters: [{ id: IPERL.id }], wmbus: { receiver, linkMode: "C1" } });
      h.hear(IPERL.bytes, 16, wire(IPERL.bytes));
      expect(value(h.readings[0], "8-0:1.0.0")).toBe(123.529);
      const d = h.diag.snapshot().wmbus!;
      expect(d.receiver).toBe(receiver);
      // iM871A: 8/15 * 180 - 380/3 = 96 - 126.67 = -30.7 dBm; AMB8465: 64/2 - 74 = -42 dBm; rtl_wmbus prints its own figure
      expect(d.signal[IPERL.id]).toEqual({ rssiDbm: rssi, linkMode: "C1" });
    },
  );
});

describe("wM-Bus line: keys", () => {
  it("mode 5 without a key: NO_KEY for the configured meter; with its key from the store: the reading", () => {
    const h = line({ meters: [{ id: KADEN.id }] });
    h.hear(KADEN.bytes);
    expect(h.errors.map((e) => [e.code, e.details.meterId])).toEqual([["NO_KEY", KADEN.id]]);
    expect(h.diag.counters.decryptFailures).toBe(1);
    expect(h.diag.snapshot().codecErrors).toEqual({ "wmbus.NO_KEY": 1 });
    h.keys.set(KADEN.id, KADEN.key!);
    h.hear(KADEN.bytes);
    expect(value(h.readings[0], "8-0:1.0.0")).toBe(KADEN.expect.total_m3);
    const everything = JSON.stringify([h.diag.snapshot(), h.errors, h.readings, h.keys]);
    expect(everything.toLowerCase()).not.toContain(KADEN.key!.toLowerCase());
  });

  it("a wrong key: DECRYPT (a decrypt failure), no values", () => {
    const h = line({ meters: [{ id: KADEN.id }] });
    h.keys.set(KADEN.id, "00112233445566778899AABBCCDDEEFF");
    h.hear(KADEN.bytes);
    expect(h.errors.map((e) => e.code)).toEqual(["DECRYPT"]);
    expect(h.readings).toEqual([]);
    expect(h.diag.snapshot().codecErrors).toEqual({ "wmbus.WRONG_KEY": 1 });
  });
});

describe("wM-Bus line: unknown meters and repeats", () => {
  it("meters not configured give no reading and are listed (id, manufacturer, type, telegrams, last seen)", () => {
    const h = line({ meters: [{ id: "99999999" }] });
    h.hear(IPERL.bytes);
    h.hear(IPERL.bytes, 30);
    h.hear(KADEN.bytes); // encrypted, no key: listed, not an error of this line
    expect(h.readings).toEqual([]);
    expect(h.errors).toEqual([]);
    const list = h.diag.snapshot().wmbus!.unknownMeters;
    expect(list).toEqual([
      {
        id: "33225544",
        manufacturer: "SEN", // 0x4CAE: ((0x4CAE >> 10) & 31) = 19 'S', 5 'E', 14 'N' (EN 13757-3 clause 6.3.1)
        deviceType: 7,
        medium: expect.any(String),
        version: 0x68,
        telegrams: 2,
        lastSeen: "2026-03-01T10:00:46.000Z",
        encrypted: false,
        rssiDbm: -30.7,
      },
      expect.objectContaining({ id: "19221000", deviceType: 7, telegrams: 1, encrypted: true }),
    ]);
  });

  it("a repeated transmission (same access number and data, within the window) is dropped once", () => {
    const h = line({ meters: [{ id: IPERL.id }] });
    h.hear(IPERL.bytes, 16);
    h.hear(IPERL.bytes, 0.2); // the repeater's copy
    expect(h.readings).toHaveLength(1);
    expect(h.diag.snapshot().wmbus!.duplicatesDropped).toBe(1);
    // a meter that keeps its access number and values: heard again 3 minutes later, a new reading
    h.hear(IPERL.bytes, 180);
    expect(h.readings).toHaveLength(2);
  });

  it("a telegram with another access number is no repeat", () => {
    const h = line({ meters: [{ id: IPERL.id }] });
    const next = Buffer.from(IPERL.bytes);
    next[11] = (next[11]! + 1) & 0xff; // TPL access number (CI 0x7A at offset 10)
    h.hear(IPERL.bytes, 16);
    h.hear(next, 0.2);
    expect(h.readings).toHaveLength(2);
  });

  it("receiver refusals are counted by receiver and code", () => {
    const h = line({ meters: [{ id: IPERL.id }] });
    const bad = im871aMessage(IPERL.bytes);
    bad[8] ^= 0x10;
    h.hear(IPERL.bytes, 16, bad);
    expect(h.errors.map((e) => e.code)).toEqual(["CHECKSUM"]);
    expect(h.diag.counters.checksumErrors).toBe(1);
    expect(h.diag.snapshot().codecErrors).toEqual({ "im871a.CRC_MISMATCH": 1 });
  });
});
