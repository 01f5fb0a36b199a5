/** Building telegrams from typed values (what the simulator does), then decoding them back. */
import { describe, expect, it } from "vitest";
import {
  decodeTelegramBytes,
  encodeRecord,
  encodeTelegram,
  MbusError,
  toHex,
  type VariableDataSpec,
  vibFor,
} from "../../src/index";

describe("encode from typed values", () => {
  it("finds VIFs from quantity, unit and exponent", () => {
    expect(vibFor("energy", "Wh", 0)).toEqual({ vif: 0x03, vife: [] });
    expect(vibFor("volume", "m3", -3)).toEqual({ vif: 0x13, vife: [] });
    expect(vibFor("voltage", "V", -1)).toEqual({ vif: 0xfd, vife: [0x48] });
    expect(vibFor("relativeHumidity", "%", -1)).toEqual({ vif: 0xfb, vife: [0x1a] });
    expect(() => vibFor("energy", "Wh", 9)).toThrow(MbusError);
  });

  it("builds a whole RSP_UD and decodes it to the same values", () => {
    const spec: VariableDataSpec & { address: number } = {
      type: "variable",
      address: 3,
      header: {
        kind: "long",
        id: "12345678",
        manufacturer: "KAM",
        version: 1,
        medium: 2,
        accessNumber: 9,
        status: 0,
      },
      records: [
        { coding: "int32", quantity: "energy", unit: "Wh", exponent: 0, value: 123456 },
        {
          coding: "int32",
          quantity: "power",
          unit: "W",
          exponent: 0,
          value: 1500,
          function: "maximum",
          storage: 1,
        },
        { coding: "int16", quantity: "voltage", unit: "V", exponent: -1, value: 230.4 },
        { coding: "bcd8", quantity: "volume", unit: "m3", exponent: -3, value: -12.345, tariff: 2 },
        { coding: "int48", vif: 0x6d, value: "2026-11-26T23:59:58" },
        { coding: "int16", vif: 0x6c, value: "2026-12-31" },
        { coding: "lvar", vif: 0xfd, vife: [0x0c], value: "OMDP-1" },
        {
          coding: "real32",
          quantity: "flowTemperature",
          unit: "degC",
          exponent: 0,
          value: 55.25,
          subunit: 1,
        },
        { function: "moreRecordsFollow", data: Uint8Array.of(1, 2) },
      ],
    };
    const bytes = encodeTelegram(spec);
    const r = decodeTelegramBytes(bytes);
    if (!r.ok) throw r.error;
    const t = r.value;
    if (t.type !== "variable" || t.header?.kind !== "long") throw new Error("variable data expected");
    expect(t.address).toBe(3);
    expect(t.header).toMatchObject({
      id: "12345678",
      manufacturer: "KAM",
      medium: { code: 2 },
      accessNumber: 9,
    });
    expect(t.records.map((x) => [x.quantity, x.unit, x.value])).toEqual([
      ["energy", "Wh", 123456],
      ["power", "W", 1500],
      ["voltage", "V", 230.4],
      ["volume", "m3", -12.345],
      ["dateTime", "", "2026-11-26T23:59:58"],
      ["date", "", "2026-12-31"],
      ["modelVersion", "", "OMDP-1"],
      ["flowTemperature", "degC", 55.25],
      ["manufacturerData", "", null],
    ]);
    expect(t.records[1]).toMatchObject({ function: "maximum", storage: 1 });
    expect(t.records[3]!.tariff).toBe(2);
    expect(t.records[7]!.subunit).toBe(1);
    expect(t.moreRecordsFollow).toBe(true);
  });

  it("writes the DIFEs that storage, tariff and subunit need", () => {
    const b = encodeRecord({ coding: "int8", vif: 0x03, value: 1, storage: 331, tariff: 1, subunit: 1 });
    expect(toHex(b)).toBe("C1 D5 0A 03 01");
  });

  it("refuses values that do not fit their coding, with a typed error", () => {
    expect(() => encodeRecord({ coding: "int8", vif: 0x03, value: 300 })).toThrow(MbusError);
    expect(() => encodeRecord({ coding: "bcd2", vif: 0x03, value: 100 })).toThrow(/BCD/);
    expect(() => encodeRecord({ coding: "int16", vif: 0x6c, value: "31.12.2026" })).toThrow(/date/);
    expect(() => encodeRecord({ coding: "int32", vif: 0x03 })).toThrow(/neither a value/);
  });
});
