import { MeterReading } from "@omdp/model";
import { describe, expect, it } from "vitest";
import { toMeterReading } from "../src/normalise";
import { decodePush } from "../src/push";
import { bytes, loadFixtures } from "./helpers";

const noe = loadFixtures().find((f) => f.name === "mbus_netz_noe_p1")!;
const KEY = bytes(noe.key!);

describe("Netz NÖ customer interface example (Kaifa MA309M, 2 M-Bus frames, SC 0x20)", () => {
  const r = decodePush(bytes(noe.hex), { key: KEY });
  if (!r.ok) throw r.error;
  const t = r.value;
  const get = (obis: string) => t.cosem.find((c) => c.obis === obis);

  it("transport, frames and the security header", () => {
    expect(t.transport).toBe("mbus");
    expect(t.frames).toBe(2);
    expect(t.systemTitle).toBe("4b464d6750000009");
    expect(t.manufacturer).toBe("KFM");
    expect(t.frameCounter).toBe(0x23);
    expect(t.securityControl).toBe(0x20);
    expect(t.security).toEqual({
      apdu: "general-glo-ciphering",
      suite: 0,
      authenticated: false,
      encrypted: true,
      tagVerified: false,
    });
    expect(t.invokeId).toBe(0x8006870e);
  });

  it("date-time 2021-09-27 09:47:15 +02:00 with DST", () => {
    expect(t.dateTime).toMatchObject({
      year: 2021,
      month: 9,
      day: 27,
      hour: 9,
      minute: 47,
      second: 15,
      deviation: -120,
      dst: true,
      text: "2021-09-27T09:47:15+02:00",
    });
  });

  it("every value with its unit and scaler", () => {
    const want: [string, number, string, number][] = [
      ["1.0.1.8.0.255", 12937, "Wh", 0],
      ["1.0.2.8.0.255", 0, "Wh", 0],
      ["1.0.1.7.0.255", 0, "W", 0],
      ["1.0.2.7.0.255", 0, "W", 0],
      ["1.0.32.7.0.255", 233.7, "V", -1],
      ["1.0.52.7.0.255", 0, "V", -1],
      ["1.0.72.7.0.255", 0, "V", -1],
      ["1.0.31.7.0.255", 0, "A", -2],
      ["1.0.51.7.0.255", 0, "A", -2],
      ["1.0.71.7.0.255", 0, "A", -2],
      ["1.0.13.7.0.255", 1, "", -3],
    ];
    for (const [obis, value, unit, scaler] of want) {
      expect(get(obis), obis).toMatchObject({ value, unit, scaler, source: "telegram" });
    }
    expect(get("0.0.96.1.0.255")).toMatchObject({
      value: "181220000009",
      text: "181220000009",
      source: "convention",
    });
    expect(t.unlabeled).toEqual([]);
  });

  it("normalises to a valid MeterReading with integer Wh", () => {
    const reading = toMeterReading(t, {
      gatewayId: "gw-1",
      transport: "serial",
      receivedAt: new Date("2021-09-27T07:47:20Z"),
    });
    expect(MeterReading.parse(reading)).toEqual(reading);
    expect(reading.meterId).toBe("181220000009");
    expect(reading.readingTime).toBe("2021-09-27T09:47:15+02:00");
    expect(reading.source).toEqual({ protocol: "dlms", transport: "serial", gatewayId: "gw-1" });
    const v = Object.fromEntries(reading.values.map((x) => [x.property, x]));
    expect(v["1-0:1.8.0"]).toEqual({ property: "1-0:1.8.0", value: 12937, unit: "Wh" });
    expect(Number.isInteger(v["1-0:1.8.0"]!.value)).toBe(true);
    expect(v["1-0:32.7.0"]).toEqual({ property: "1-0:32.7.0", value: 233.7, unit: "V" });
    expect(v["1-0:13.7.0"]).toEqual({ property: "1-0:13.7.0", value: 1, unit: "" });
    expect(reading.values).toHaveLength(11);
  });

  it("the registry's meter id wins over the telegram's", () => {
    const reading = toMeterReading(t, {
      meterId: "m-7",
      gatewayId: "g",
      transport: "serial",
      receivedAt: new Date(),
    });
    expect(reading.meterId).toBe("m-7");
  });

  it("no key: a typed error that says so, no values", () => {
    const r2 = decodePush(bytes(noe.hex));
    expect(r2.ok).toBe(false);
    if (r2.ok) return;
    expect(r2.error.code).toBe("KEY_MISSING");
    expect(r2.error.message).toMatch(/encrypted.*no key/);
  });

  it("wrong key: a typed error, never garbage values", () => {
    const wrong = Uint8Array.from(KEY);
    wrong[0]! ^= 0x01;
    const r2 = decodePush(bytes(noe.hex), { key: wrong });
    expect(r2.ok).toBe(false);
    if (r2.ok) return;
    expect(r2.error.code).toBe("KEY_WRONG");
    expect(r2.error.message).toMatch(/wrong key/);
    expect(r2.error.message).not.toContain(noe.key!.toLowerCase());
    expect(r2.error.message).not.toContain(noe.key!);
  });

  it("a key of the wrong length is a typed error", () => {
    const r2 = decodePush(bytes(noe.hex), { key: KEY.subarray(0, 15) });
    expect(r2.ok ? "ok" : r2.error.code).toBe("KEY_INVALID");
  });

  it("the second frame missing: a typed error at the end", () => {
    const all = bytes(noe.hex);
    const r2 = decodePush(all.subarray(0, 256), { key: KEY });
    expect(r2.ok ? "ok" : r2.error.code).toBe("MBUS_SEGMENT");
  });
});

describe("L+G E450 (HDLC, 3 general-block-transfer blocks, SC 0x30 without authentication key)", () => {
  const e450 = loadFixtures().find((f) => f.name === "hdlc_landis_gyr_e450")!;
  it("decrypts, reports the tag as unverified, and the wrong key is refused", () => {
    const r = decodePush(bytes(e450.hex), { key: bytes(e450.key!) });
    if (!r.ok) throw r.error;
    expect(r.value.frames).toBe(3);
    expect(r.value.blocks).toBe(3);
    expect(r.value.security).toMatchObject({ authenticated: true, encrypted: true, tagVerified: false });
    const wrong = bytes(e450.key!);
    wrong[15]! ^= 0x80;
    const r2 = decodePush(bytes(e450.hex), { key: wrong });
    expect(r2.ok ? "ok" : r2.error.code).toBe("KEY_WRONG");
  });

  it("normalises bare values with the catalogue units", () => {
    const r = decodePush(bytes(e450.hex), { key: bytes(e450.key!) });
    if (!r.ok) throw r.error;
    const reading = toMeterReading(r.value, {
      gatewayId: "g",
      transport: "serial",
      receivedAt: new Date("2022-02-21T16:37:35Z"),
      timeZone: "Europe/Vienna",
    });
    expect(reading.meterId).toBe("4c475a677370b177");
    expect(reading.readingTime).toBe("2022-02-21T17:37:30+01:00");
    const v = Object.fromEntries(reading.values.map((x) => [x.property, x]));
    expect(v["1-0:1.8.0"]).toEqual({ property: "1-0:1.8.0", value: 4408736, unit: "Wh" });
    expect(v["1-0:1.7.0"]).toEqual({ property: "1-0:1.7.0", value: 2893, unit: "W" });
  });

  it("without a time zone, a date-time without deviation falls back to the reception time", () => {
    const r = decodePush(bytes(e450.hex), { key: bytes(e450.key!) });
    if (!r.ok) throw r.error;
    const reading = toMeterReading(r.value, { gatewayId: "g", transport: "serial", receivedAt: new Date(0) });
    expect(reading.readingTime).toBe("1970-01-01T00:00:00.000Z");
  });
});
