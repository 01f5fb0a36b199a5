/**
 * The code tables as data: well formed (no overlapping ranges, units from the platform's list), and every
 * code of the primary, 0xFD and 0xFB tables decodes through a record and re-encodes to the same bytes.
 */
import { describe, expect, it } from "vitest";
import {
  decodeUserData,
  encodeRecord,
  FB_VIF,
  FB_VIF_RANGES,
  FD_VIF,
  FD_VIF_RANGES,
  PRIMARY_VIF,
  PRIMARY_VIF_RANGES,
  toHex,
  type VifRange,
} from "../src/index";

const UNITS = new Set([
  "",
  "Wh",
  "J",
  "m3",
  "kg",
  "s",
  "W",
  "J/h",
  "m3/h",
  "m3/min",
  "m3/s",
  "kg/h",
  "degC",
  "degF",
  "K",
  "bar",
  "V",
  "A",
  "varh",
  "%",
  "Hz",
  "ft3",
  "gal",
  "gal/min",
  "gal/h",
  "month",
  "year",
  "Bd",
  "bittimes",
  "dBm",
]);

function noOverlap(ranges: readonly VifRange[]): void {
  const seen = new Set<number>();
  for (const r of ranges) {
    expect(r.first <= r.last, `${r.quantity} range`).toBe(true);
    for (let c = r.first; c <= r.last; c++) {
      expect(seen.has(c), `code 0x${c.toString(16)} twice`).toBe(false);
      seen.add(c);
    }
  }
}

describe("VIF tables", () => {
  it("are 128 entries, ranges do not overlap, units come from the platform's list", () => {
    for (const [t, ranges] of [
      [PRIMARY_VIF, PRIMARY_VIF_RANGES],
      [FD_VIF, FD_VIF_RANGES],
      [FB_VIF, FB_VIF_RANGES],
    ] as const) {
      expect(t.length).toBe(128);
      noOverlap(ranges);
      for (const e of t) if (e) expect(UNITS.has(e.unit), `unit ${e.unit}`).toBe(true);
    }
  });

  it("has the primary table's scaling right at its edges", () => {
    expect(PRIMARY_VIF[0x00]).toMatchObject({ quantity: "energy", unit: "Wh", exponent: -3 });
    expect(PRIMARY_VIF[0x07]).toMatchObject({ quantity: "energy", unit: "Wh", exponent: 4 });
    expect(PRIMARY_VIF[0x17]).toMatchObject({ quantity: "volume", unit: "m3", exponent: 1 });
    expect(PRIMARY_VIF[0x23]).toMatchObject({ quantity: "onTime", unit: "s", factor: 86400 });
    expect(PRIMARY_VIF[0x5b]).toMatchObject({ quantity: "flowTemperature", unit: "degC", exponent: 0 });
    expect(FD_VIF[0x4f]).toMatchObject({ quantity: "voltage", unit: "V", exponent: 6 });
    expect(FD_VIF[0x50]).toMatchObject({ quantity: "current", unit: "A", exponent: -12 });
  });
});

describe("every table code through a record", () => {
  const cases: { name: string; vif: number; vife: number[] }[] = [];
  for (let c = 0; c < 0x7b; c++) cases.push({ name: `primary 0x${c.toString(16)}`, vif: c, vife: [] });
  for (let c = 0; c < 0x80; c++) cases.push({ name: `0xFD 0x${c.toString(16)}`, vif: 0xfd, vife: [c] });
  for (let c = 0; c < 0x80; c++) cases.push({ name: `0xFB 0x${c.toString(16)}`, vif: 0xfb, vife: [c] });

  it(`decodes and re-encodes ${cases.length} VIF codes with an int32 value`, () => {
    for (const c of cases) {
      const dataBytes = [0x04, c.vif | (c.vife.length ? 0x80 : 0), ...c.vife, 0x39, 0x30, 0x00, 0x00];
      const r = decodeUserData(0x78, Uint8Array.from(dataBytes));
      if (!r.ok) throw new Error(`${c.name}: ${r.error.message}`);
      if (r.value.type !== "variable") throw new Error(c.name);
      const rec = r.value.records[0]!;
      const table = c.vife.length ? (c.vif === 0xfd ? FD_VIF : FB_VIF) : PRIMARY_VIF;
      const entry = table[c.vife.length ? c.vife[0]! : c.vif];
      expect(rec.quantity, c.name).toBe(entry?.quantity ?? "reserved");
      if (rec.valueKind === "number") {
        const want = 12345 * (entry?.factor ?? 1) * 10 ** (entry?.exponent ?? 0);
        expect(Math.abs((rec.value as number) - want) <= Math.abs(want) * 1e-12, `${c.name} value`).toBe(
          true,
        );
      }
      const { data, ...rest } = rec;
      const again = encodeRecord(rec.value === null ? { ...rest, data } : rest);
      expect(toHex(again), c.name).toBe(toHex(Uint8Array.from(dataBytes)));
    }
  });
});

describe("every combinable VIFE and every DIF coding through a record", () => {
  it("128 combinable VIFEs after VIF 0x03", () => {
    for (let c = 0; c < 0x80; c++) {
      const bytes = Uint8Array.of(0x04, 0x83, c, 0x39, 0x30, 0x00, 0x00);
      const r = decodeUserData(0x78, bytes);
      if (!r.ok || r.value.type !== "variable") throw new Error(`VIFE 0x${c.toString(16)}`);
      const rec = r.value.records[0]!;
      expect(rec.extensions.length, `VIFE 0x${c.toString(16)}`).toBe(1);
      if (c < 0x20) expect(rec.errorCode).toBe(c);
      if (c === 0x22) expect(rec.unit).toBe("Wh/h");
      const { data, ...rest } = rec;
      expect(toHex(encodeRecord(rec.value === null ? { ...rest, data } : rest))).toBe(toHex(bytes));
    }
  });

  it("data field codings 0x0-0xE with VIF 0x13 (volume, 10^-3 m3)", () => {
    const payload = [0x12, 0x34, 0x56, 0x78, 0x90, 0x12, 0x00, 0x00];
    const lengths = [0, 1, 2, 3, 4, 4, 6, 8, 0, 1, 2, 3, 4, -1, 6];
    for (let d = 0; d <= 0x0e; d++) {
      const len = lengths[d]!;
      const data = len < 0 ? [0xc2, 0x34, 0x12] : payload.slice(0, len);
      const bytes = Uint8Array.from([d, 0x13, ...data]);
      const r = decodeUserData(0x78, bytes);
      if (!r.ok || r.value.type !== "variable") throw new Error(`DIF 0x${d.toString(16)}`);
      const rec = r.value.records[0]!;
      expect(rec.length, `DIF 0x${d.toString(16)} length`).toBe(bytes.length);
      if (d === 0x0c) expect(rec.value).toBeCloseTo(78563.412, 6);
      if (d === 0x04) expect(rec.value).toBeCloseTo(2018915.346, 6);
      if (d === 0x0d) expect(rec.value).toBeCloseTo(1.234, 9);
      const { data: raw, ...rest } = rec;
      expect(toHex(encodeRecord(rec.value === null ? { ...rest, data: raw } : rest))).toBe(toHex(bytes));
    }
  });
});
