/**
 * Hand-written vectors for what the corpus lacks: data types I, J, K, real32, negative BCD, LVAR strings
 * and numbers, 0xFD and 0xFB extension VIFs, combinable VIFEs, plain-text and manufacturer VIFs, DIFE
 * storage/tariff/subunit, idle fillers, manufacturer data, short header, CI 0x78/0x51, fixed structure.
 * Each is decoded (user data after the CI) and re-encoded to the same bytes.
 */
import { describe, expect, it } from "vitest";
import {
  type DataRecord,
  decodeTelegram,
  decodeUserData,
  encodeFrame,
  encodeUserData,
  parseHex,
  toHex,
  type UserDataSpec,
  type VariableData,
} from "../../src/index";

function hex(s: string): Uint8Array {
  const r = parseHex(s);
  if (!r.ok) throw r.error;
  return r.value;
}

function records(ci: number, data: string): VariableData {
  const r = decodeUserData(ci, hex(data));
  if (!r.ok) throw r.error;
  if (r.value.type !== "variable") throw new Error(`expected variable data, got ${r.value.type}`);
  return r.value;
}

function reencode(ud: VariableData): string {
  const spec: UserDataSpec = {
    ...ud,
    records: ud.records.map((r) => {
      const { data, ...rest } = r;
      return r.value === null ? { ...rest, data } : rest;
    }),
  };
  return toHex(encodeUserData(spec));
}

type Want = Partial<
  Pick<
    DataRecord,
    | "quantity"
    | "unit"
    | "value"
    | "valueKind"
    | "storage"
    | "tariff"
    | "subunit"
    | "function"
    | "coding"
    | "table"
    | "plainText"
    | "errorCode"
    | "invalid"
    | "summerTime"
  >
> & { extensions?: string[] };

const VECTORS: { name: string; data: string; want: Want }[] = [
  {
    name: "type I date-time (6 bytes, seconds)",
    data: "06 6D 3B 2D 0E 0B 33 00",
    want: { quantity: "dateTime", valueKind: "dateTime", value: "2024-03-11T14:45:59", coding: "int48" },
  },
  {
    name: "type J time of day (3 bytes)",
    data: "03 6D 1E 2D 0E",
    want: { quantity: "dateTime", valueKind: "time", value: "14:45:30" },
  },
  {
    name: "type K daylight saving (VIF FD 72)",
    data: "04 FD 72 42 1F A3 7B",
    want: { quantity: "daylightSaving", valueKind: "dst", value: "03-31T02/10-27T03/+1", table: "fd" },
  },
  {
    name: "type F with summer time and invalid flag",
    data: "04 6D 9E 8C 2B 36",
    want: { valueKind: "dateTime", value: "2025-06-11T12:30", invalid: true, summerTime: true },
  },
  {
    name: "type G date",
    data: "02 6C 1F 3C",
    want: { quantity: "date", valueKind: "date", value: "2024-12-31" },
  },
  {
    name: "real32 power",
    data: "05 2B 00 50 9A 44",
    want: { quantity: "power", unit: "W", value: 1234.5, coding: "real32" },
  },
  {
    name: "real32 with a negative exponent",
    data: "05 5A 00 00 C8 42",
    want: { quantity: "flowTemperature", unit: "degC", value: 10, coding: "real32" },
  },
  {
    name: "negative BCD (F in the top nibble)",
    data: "0C 13 67 45 23 F1",
    want: { quantity: "volume", unit: "m3", value: -1234.567, coding: "bcd8" },
  },
  {
    name: "BCD12",
    data: "0E 03 01 00 00 00 00 01",
    want: { quantity: "energy", value: 10000000001, coding: "bcd12" },
  },
  {
    name: "LVAR text (characters last first)",
    data: "0D FD 0C 05 33 32 31 42 41",
    want: { quantity: "modelVersion", valueKind: "text", value: "AB123", coding: "lvar" },
  },
  { name: "LVAR positive BCD", data: "0D 13 C2 34 12", want: { quantity: "volume", value: 1.234 } },
  { name: "LVAR negative BCD", data: "0D 13 D2 34 12", want: { quantity: "volume", value: -1.234 } },
  { name: "LVAR binary number", data: "0D 13 E2 D2 04", want: { quantity: "volume", value: 1.234 } },
  {
    name: "LVAR empty text",
    data: "0D FD 11 00",
    want: { quantity: "customer", valueKind: "none", value: null },
  },
  {
    name: "0xFD voltage 10^-1 V",
    data: "02 FD 48 DC 05",
    want: { quantity: "voltage", unit: "V", value: 150, table: "fd" },
  },
  {
    name: "0xFD current 10^-3 A",
    data: "04 FD 59 E8 03 00 00",
    want: { quantity: "current", unit: "A", value: 1, table: "fd" },
  },
  {
    name: "0xFD digital output",
    data: "01 FD 1A 05",
    want: { quantity: "digitalOutput", value: 5 },
  },
  {
    name: "0xFD battery operating time in days",
    data: "02 FD 6D 0A 00",
    want: { quantity: "batteryOperatingTime", unit: "s", value: 864000 },
  },
  {
    name: "0xFB energy 10^0 MWh",
    data: "04 FB 01 0A 00 00 00",
    want: { quantity: "energy", unit: "Wh", value: 10e6, table: "fb" },
  },
  {
    name: "0xFB relative humidity 10^-1 %",
    data: "02 FB 1A 2D 02",
    want: { quantity: "relativeHumidity", unit: "%", value: 55.7, table: "fb" },
  },
  {
    name: "0xFB power 10^-1 MW",
    data: "02 FB 28 05 00",
    want: { quantity: "power", unit: "W", value: 500000 },
  },
  {
    name: "combinable VIFE: per hour",
    data: "02 93 22 64 00",
    want: { quantity: "volume", unit: "m3/h", value: 0.1, extensions: ["per hour"] },
  },
  {
    name: "combinable VIFE: multiplicative correction 10^-2",
    data: "02 83 74 10 27",
    want: { quantity: "energy", unit: "Wh", value: 100 },
  },
  {
    name: "combinable VIFE: record error 'no data available'",
    data: "04 83 15 00 00 00 00",
    want: { quantity: "energy", errorCode: 0x15 },
  },
  {
    name: "0xFD VIF followed by a combinable VIFE",
    data: "02 FD C8 3B DC 05",
    want: { quantity: "voltage", value: 150, extensions: ["accumulation only if positive contributions"] },
  },
  {
    name: "manufacturer-specific VIF with VIFE",
    data: "02 FF 01 34 12",
    want: { quantity: "manufacturerSpecific", table: "manufacturer", value: 0x1234 },
  },
  {
    name: "plain-text VIF",
    data: "02 7C 03 48 52 25 2D 02",
    want: { table: "plainText", plainText: "%RH", unit: "%RH", value: 557 },
  },
  {
    name: "plain-text VIF with a scaling VIFE after the text",
    data: "02 FC 03 48 52 25 74 2D 02",
    want: { table: "plainText", plainText: "%RH", value: 5.57 },
  },
  {
    name: "DIFEs: storage 331, tariff 1, subunit 1",
    data: "C4 D5 0A 03 01 00 00 00",
    want: { storage: 331, tariff: 1, subunit: 1, value: 1 },
  },
  {
    name: "function: value during error state",
    data: "34 03 01 00 00 00",
    want: { function: "error", value: 1 },
  },
  {
    name: "int64",
    data: "07 03 FF FF FF FF FF FF FF FF",
    want: { coding: "int64", value: -1 },
  },
  {
    name: "int48 negative",
    data: "06 03 FE FF FF FF FF FF",
    want: { coding: "int48", value: -2 },
  },
  {
    name: "durations to seconds (on time in hours)",
    data: "02 22 02 00",
    want: { quantity: "onTime", unit: "s", value: 7200 },
  },
];

describe("hand-written record vectors", () => {
  for (const v of VECTORS) {
    it(v.name, () => {
      const ud = records(0x78, v.data);
      expect(ud.records.length).toBe(1);
      const r = ud.records[0]!;
      for (const [k, want] of Object.entries(v.want)) {
        const got = (r as unknown as Record<string, unknown>)[k];
        if (typeof want === "number" && typeof got === "number") expect(got, k).toBeCloseTo(want, 9);
        else expect(got, k).toEqual(want);
      }
      expect(reencode(ud)).toBe(toHex(hex(v.data)));
    });
  }
});

describe("user data structures", () => {
  it("idle fillers are skipped, counted and re-encoded", () => {
    const ud = records(0x78, "2F 2F 04 03 01 00 00 00 2F");
    expect(ud.records.length).toBe(1);
    expect(ud.records[0]!.fillers).toBe(2);
    expect(ud.trailingFillers).toBe(1);
    expect(reencode(ud)).toBe("2F 2F 04 03 01 00 00 00 2F");
  });

  it("manufacturer data (0x0F) is kept as bytes", () => {
    const ud = records(0x78, "01 FD 1B 00 0F 01 02 03");
    expect(ud.records.map((r) => r.function)).toEqual(["instantaneous", "manufacturer"]);
    expect(toHex(ud.manufacturerData!)).toBe("01 02 03");
    expect(ud.moreRecordsFollow).toBe(false);
    expect(reencode(ud)).toBe("01 FD 1B 00 0F 01 02 03");
  });

  it("0x1F says more records follow", () => {
    const ud = records(0x78, "1F");
    expect(ud.moreRecordsFollow).toBe(true);
    expect(ud.manufacturerData!.length).toBe(0);
  });

  it("short header (CI 0x7A)", () => {
    const ud = records(0x7a, "2A 04 00 00 04 03 01 00 00 00");
    expect(ud.header).toMatchObject({ kind: "short", accessNumber: 42, status: 4 });
    expect(ud.header?.statusFlags.powerLow).toBe(true);
    expect(reencode(ud)).toBe("2A 04 00 00 04 03 01 00 00 00");
  });

  it("CI 0x51 (data send from the master) decodes its records without header", () => {
    const ud = records(0x51, "01 7A 08");
    expect(ud.records[0]).toMatchObject({ quantity: "busAddress", value: 8 });
  });

  it("a global readout request (DIF 0x7F) is a record without value", () => {
    const ud = records(0x78, "7F");
    expect(ud.records[0]!.function).toBe("globalReadout");
  });

  it("rejects a reserved LVAR with an offset", () => {
    const r = decodeUserData(0x78, hex("0D 13 F8"), 0, { strict: true });
    expect(r.ok ? null : [r.error.code, r.error.offset, r.error.field]).toEqual(["BAD_LVAR", 2, "lvar"]);
  });

  it("rejects LVAR data longer than the telegram", () => {
    const r = decodeUserData(0x78, hex("0D FD 0C 05 33 32"), 0, { strict: true });
    expect(r.ok ? null : [r.error.code, r.error.offset]).toEqual(["PREMATURE_END", 4]);
  });

  it("rejects an unsupported CI", () => {
    const r = decodeUserData(0x76, hex("00"), 7);
    expect(r.ok ? null : [r.error.code, r.error.offset]).toEqual(["UNSUPPORTED_CI", 6]);
  });

  it("fixed data structure with binary counters, stored values", () => {
    // id 12345678, access 1, status 0xC0 (binary, stored), medium 7 (water): 0b0111 -> u1 top bits 11, u2 top bits 01
    const data = "78 56 34 12 01 C0 EC 6C 10 27 00 00 05 00 00 00";
    const r = decodeUserData(0x73, hex(data));
    if (!r.ok) throw r.error;
    expect(r.value).toMatchObject({
      type: "fixed",
      id: "12345678",
      function: "stored",
      counterCoding: "binary",
      medium: { code: 7 },
    });
    if (r.value.type !== "fixed") return;
    expect(r.value.counters[0]).toMatchObject({ unit: "m3", value: 10000 });
    expect(r.value.counters[1]).toMatchObject({ unit: "m3", value: 5 });
    expect(toHex(encodeUserData(r.value))).toBe(data);
  });

  it("a control frame with CI 0x70 is an application error without code", () => {
    const r = decodeTelegram({ kind: "control", control: 0x08, address: 1, ci: 0x70 });
    expect(r.ok && r.value.type === "applicationError" && r.value.code).toBe(null);
  });

  it("short frames carry no user data", () => {
    const r = decodeTelegram({ kind: "short", control: 0x5b, address: 1 });
    expect(r.ok ? null : r.error.code).toBe("NO_USER_DATA");
  });

  it("decodes through a frame with offsets in frame bytes", () => {
    const frame = encodeFrame({
      kind: "long",
      control: 0x08,
      address: 5,
      ci: 0x78,
      data: hex("04 03 01 00 00 00"),
    });
    expect(toHex(frame).startsWith("68 09 09 68 08 05 78")).toBe(true);
    const r = decodeTelegram({
      kind: "long",
      control: 0x08,
      address: 5,
      ci: 0x78,
      data: hex("04 03 01 00 00 00"),
    });
    expect(r.ok && r.value.type === "variable" && r.value.records[0]!.offset).toBe(7);
  });
});

describe("record objects", () => {
  it("give the data field as a view, and only the documented fields as own keys", () => {
    // DIF 04 (32-bit integer), VIF 13 (volume, 10^-3 m3), data 31 d4 00 00 = 0xd431 = 54321 -> 54.321 m3
    const ud = records(0x78, "041331d40000");
    const r = ud.records[0]!;
    expect(r.value).toBe(54.321);
    expect(Array.from(r.data)).toEqual([0x31, 0xd4, 0x00, 0x00]);
    const keys = Object.keys(r);
    expect(keys).not.toContain("data");
    expect(keys.some((k) => k.startsWith("_") || k.startsWith("#"))).toBe(false);
    // absent optional fields are not written (they read as undefined)
    expect(keys).not.toContain("lvar");
    expect(r.lvar).toBeUndefined();
    expect(JSON.stringify(r)).not.toContain("31d40000");
    expect(JSON.parse(JSON.stringify(r))).toMatchObject({ quantity: "volume", unit: "m3", storage: 0 });
  });
});
