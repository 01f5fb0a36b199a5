import { describe, expect, it } from "vitest";
import { decodeData } from "../src/axdr/decode";
import { DATA_TYPE_LIST } from "../src/axdr/types";
import { dateTimeToRfc3339, decodeDateTime } from "../src/cosem/datetime";
import { formatObis, obisToPropertyId, parseObis } from "../src/cosem/obis";
import { DLMS_UNITS } from "../src/cosem/units";
import { applyScaler } from "../src/cosem/value";
import { walkBody } from "../src/cosem/walk";
import { parseHex } from "../src/hex";
import { bytes } from "./helpers";

describe("OBIS", () => {
  it("formats, parses and maps to property ids", () => {
    expect(formatObis([1, 0, 1, 8, 0, 255])).toBe("1.0.1.8.0.255");
    expect(Array.from(parseObis("1-0:32.7.0")!)).toEqual([1, 0, 32, 7, 0, 255]);
    expect(Array.from(parseObis("0.0.96.1.0.255")!)).toEqual([0, 0, 96, 1, 0, 255]);
    expect(parseObis("1.0.1.8.0.256")).toBeUndefined();
    expect(obisToPropertyId("1.0.1.8.0.255")).toBe("1-0:1.8.0");
    expect(obisToPropertyId("1.0.1.8.0.101")).toBe("1-0:1.8.0*101");
  });
});

describe("units and scalers", () => {
  it("the unit table uses the platform's SI spellings", () => {
    expect([
      DLMS_UNITS[30],
      DLMS_UNITS[27],
      DLMS_UNITS[35],
      DLMS_UNITS[33],
      DLMS_UNITS[9],
      DLMS_UNITS[13],
    ]).toEqual(["Wh", "W", "V", "A", "degC", "m3"]);
    expect(DLMS_UNITS[255]).toBe("");
  });
  it("negative scalers divide once (no 233.70000000000002)", () => {
    expect(applyScaler(2337, -1)).toBe(233.7);
    expect(applyScaler(165, -2)).toBe(1.65);
    expect(applyScaler(12, 3)).toBe(12000);
  });
});

describe("date-time", () => {
  it("reads deviation and clock status", () => {
    const d = decodeDateTime(bytes("07E5091B01092F0F00FF8880"))!;
    expect(d).toMatchObject({
      deviation: -120,
      clockStatus: 0x80,
      dst: true,
      text: "2021-09-27T09:47:15+02:00",
    });
    expect(dateTimeToRfc3339(d)).toBe("2021-09-27T09:47:15+02:00");
  });
  it("without deviation, places the time with the meter's zone (DST by the zone)", () => {
    const summer = decodeDateTime(bytes("07E5091B01092F0FFF800000"))!;
    expect(summer.text).toBe("2021-09-27T09:47:15");
    expect(dateTimeToRfc3339(summer, "Europe/Vienna")).toBe("2021-09-27T09:47:15+02:00");
    expect(dateTimeToRfc3339(summer)).toBeUndefined();
    const winter = decodeDateTime(bytes("07E6021501112510FF800000"))!;
    expect(dateTimeToRfc3339(winter, "Europe/Oslo")).toBe("2022-02-21T17:37:16+01:00");
  });
  it("rejects 12 bytes that are not a date-time", () => {
    expect(decodeDateTime(bytes("313831323230303030303039"))).toBeUndefined();
  });
});

describe("A-XDR decoding", () => {
  it("every type of the table decodes from a minimal encoding", () => {
    for (const t of DATA_TYPE_LIST) {
      const size = t.size ?? 0;
      const variable = t.size === undefined;
      const b = variable
        ? t.tag === 19
          ? Uint8Array.of(19, 17, 2, 1, 2) // compact-array of unsigned: contents 01 02
          : Uint8Array.of(t.tag, 0)
        : Uint8Array.from([t.tag, ...new Array(size).fill(0)]);
      const r = decodeData(b);
      if (!r.ok) throw new Error(`${t.name}: ${r.error.message}`);
      expect(r.value.next, t.name).toBe(b.length);
    }
  });
  it("compact-array of structures", () => {
    // description: structure{unsigned, long-unsigned}; contents: 2 elements
    const r = decodeData(bytes("13 02 02 11 12 06 01 00 05 02 00 07"));
    if (!r.ok) throw r.error;
    expect(r.value.value.kind).toBe("array");
    const items = (r.value.value as unknown as { items: { items: { value: number }[] }[] }).items;
    expect(items.map((s) => s.items.map((x) => x.value))).toEqual([
      [1, 5],
      [2, 7],
    ]);
  });
  it("truncated input, unknown tags, bad lengths and deep nesting are typed errors", () => {
    const cases: [string, string][] = [
      ["06 00 00", "AXDR_TRUNCATED"],
      ["07", "AXDR_TYPE"],
      ["02 05 11 01", "AXDR_LENGTH"],
      ["09 85 00 00 00 00 01", "AXDR_LENGTH"],
      [`${"02 01 ".repeat(40)}00`, "AXDR_DEPTH"],
      ["13 00 02 00 00", "AXDR_TYPE"],
    ];
    for (const [hex, code] of cases) {
      const r = decodeData(parseHex(hex).ok ? bytes(hex) : new Uint8Array());
      expect(r.ok ? "ok" : r.error.code, hex).toBe(code);
    }
  });
});

describe("the generic COSEM walk", () => {
  const walk = (hex: string) => {
    const r = decodeData(bytes(hex));
    if (!r.ok) throw r.error;
    return walkBody(r.value.value);
  };
  it("flat OBIS/value/scaler-unit triples", () => {
    const w = walk("02 03 09 06 01 00 20 07 00 FF 12 09 21 02 02 0F FF 16 23");
    expect(w.cosem).toEqual([
      {
        obis: "1.0.32.7.0.255",
        value: 233.7,
        unit: "V",
        scaler: -1,
        type: "long-unsigned",
        source: "telegram",
      },
    ]);
  });
  it("nested structures, and a register sent as {value, scaler_unit}", () => {
    const w = walk(
      "01 02 02 02 09 06 01 00 01 08 00 FF 02 02 06 00 00 00 0A 02 02 0F 03 16 1E 02 02 09 06 01 00 01 07 00 FF 10 FF FF",
    );
    expect(w.cosem.map((c) => [c.obis, c.value, c.unit])).toEqual([
      ["1.0.1.8.0.255", 10000, "Wh"],
      ["1.0.1.7.0.255", -1, undefined],
    ]);
  });
  it("a value without a logical name stays unlabeled", () => {
    const w = walk("02 02 11 05 12 00 07");
    expect(w.cosem).toHaveLength(0);
    expect(w.unlabeled).toHaveLength(2);
  });
});
