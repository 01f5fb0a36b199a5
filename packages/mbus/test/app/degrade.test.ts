/**
 * Per-record degradation (issue 12 section 2): a record the decoder cannot read is a RecordError (offset,
 * bytes, code, reason) inside an otherwise decoded telegram; only the link layer, CI or header fail it.
 *  - the real frame libmbus decodes but the strict decoder rejected (fixtures/degraded, with libmbus' values);
 *  - the invalid corpus vectors whose header is sound: the same evidence as strict mode, as a record error;
 *  - hand vectors: a record whose length is known is skipped alone, one whose length is not ends the list;
 *  - fuzz: mutated corpus frames never throw, fail only on header-level codes, and records, record errors
 *    and idle fillers tile the user data exactly.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  checksum,
  decodeFrame,
  decodeTelegram,
  decodeTelegramHex,
  decodeUserData,
  parseHex,
  type RecordError,
  type VariableData,
} from "../../src/index";
import { FIXTURES, invalidFixtures, validFixtures } from "../support/fixtures";
import { FUNCTION, mediumName, QUANTITY, UNIT } from "../support/libmbus-mapping";

interface DegradedFixture {
  name: string;
  hex: string;
  expected: {
    slave: Record<string, string>;
    records: { function: string; storage: number; quantity: string; unit: string; numeric: number | null }[];
    recordErrors: Omit<RecordError, "reason">[];
  };
}

const dir = join(FIXTURES, "degraded");
const degraded: DegradedFixture[] = readdirSync(dir)
  .filter((f) => f.endsWith(".json"))
  .map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")) as DegradedFixture);

function variable(hex: string): VariableData {
  const r = decodeTelegramHex(hex);
  if (!r.ok) throw r.error;
  if (r.value.type !== "variable") throw new Error(`expected variable data, got ${r.value.type}`);
  return r.value;
}

describe("real frames with an unreadable record, against libmbus", () => {
  it("has the fixtures", () => expect(degraded.length).toBeGreaterThan(0));
  for (const fx of degraded) {
    it(`${fx.name}: header, every readable record and the record error`, () => {
      expect(decodeTelegramHex(fx.hex, { strict: true }).ok, "strict mode rejects it").toBe(false);
      const t = variable(fx.hex);
      if (t.header?.kind !== "long") throw new Error("expected a long header");
      const s = fx.expected.slave;
      expect(t.header.id.replace(/^0+(?=.)/, "")).toBe(s.Id);
      expect(t.header.manufacturer).toBe(s.Manufacturer);
      expect(String(t.header.version)).toBe(s.Version);
      expect(t.header.medium.name).toBe(mediumName(s.Medium!));
      expect(String(t.header.accessNumber)).toBe(s.AccessNumber);
      expect(t.records.length).toBe(fx.expected.records.length);
      fx.expected.records.forEach((e, i) => {
        const r = t.records[i]!;
        expect(r.function, `record ${i}`).toBe(FUNCTION[e.function]);
        expect(r.storage, `record ${i}`).toBe(e.storage);
        expect(r.quantity, `record ${i}`).toBe(QUANTITY[e.quantity]);
        expect(r.unit, `record ${i}`).toBe(UNIT[e.unit]);
        if (e.numeric !== null) expect(r.value as number, `record ${i}`).toBeCloseTo(e.numeric, 6);
      });
      expect(t.recordErrors.map(({ reason, ...rest }) => rest)).toEqual(fx.expected.recordErrors);
      for (const e of t.recordErrors) expect(e.reason.length).toBeGreaterThan(0);
    });
  }
});

// invalid corpus vectors whose link layer and header are sound: strict mode rejects them (invalid.test.ts);
// degraded, the records before the bad one come out and the bad one carries the same evidence.
// Records before the bad one, counted by hand from the hex (DIF/VIF walk of each frame).
const RECORDS_BEFORE: Record<string, number> = {
  premature_end_of_data1: 2, // 03 13 15 31 00 | DA 02 3B 13 01 | 8B 60 04 ..: data ends inside
  premature_end_of_data2: 2,
  premature_end_of_dif1: 2,
  premature_end_of_dif2: 2,
  premature_end_of_vif1: 2,
  premature_end_of_var_vif1: 3, // 01 FD 1B 00 | 02 FC 03 .. D4 11 | 22 FC 03 .. C8 11 | 12 FC 13: too long
  too_long_var_vif: 3,
  too_many_dife: 2,
  too_many_vife: 2,
};

describe("invalid corpus vectors with a sound header decode with one record error", () => {
  const byName = new Map(invalidFixtures().map((f) => [f.name, f]));
  for (const [name, before] of Object.entries(RECORDS_BEFORE)) {
    it(name, () => {
      const fx = byName.get(name)!;
      const strict = decodeTelegramHex(fx.hex, { strict: true });
      if (strict.ok) throw new Error("strict mode decodes it");
      const t = variable(fx.hex);
      expect(t.records.length).toBe(before);
      expect(t.recordErrors.length).toBe(1);
      const e = t.recordErrors[0]!;
      expect([e.code, e.at, e.field]).toEqual([strict.error.code, strict.error.offset, strict.error.field]);
      // the length of a record that ends inside its own DIB, VIB or data is unknown: the rest is skipped
      const b = parseHex(fx.hex);
      if (!b.ok) throw b.error;
      const userEnd = b.value.length - 2;
      expect(e.toEnd).toBe(true);
      expect(e.offset + e.length).toBe(userEnd);
      const last = t.records[before - 1]!;
      expect(e.offset).toBe(last.offset + last.length);
    });
  }
});

describe("hand vectors (CI 0x78, offsets in the user data)", () => {
  function records(hex: string): VariableData {
    const b = parseHex(hex);
    if (!b.ok) throw b.error;
    const r = decodeUserData(0x78, b.value);
    if (!r.ok || r.value.type !== "variable") throw new Error("expected variable data");
    return r.value;
  }

  it("skips a record whose extension VIF lacks its VIFE when the DIF gives its length", () => {
    // 04 13 39 30 00 00: int32 volume 10^-3 m3 = 12345 * 0.001; 0C 7B ..: 8-digit BCD, VIF 0x7B without
    // extension bit (clause 6.4.1); 02 5A 55 07: int16 flow temperature 0x0755 = 1877 * 0.1 degC
    const t = records("04 13 39 30 00 00 0C 7B 02 03 00 00 02 5A 55 07");
    expect(t.records.map((r) => [r.quantity, r.value])).toEqual([
      ["volume", 12.345],
      ["flowTemperature", 187.7],
    ]);
    expect(t.recordErrors).toEqual([
      {
        offset: 6,
        bytes: "0C 7B 02 03 00 00",
        length: 6,
        code: "MISSING_VIFE",
        reason: "extension VIF 0x7B without its VIFE (clause 6.4.1)",
        at: 8,
        field: "vife",
        toEnd: false,
      },
    ]);
  });

  it("skips such a record with variable length data by its LVAR byte", () => {
    // 0D FB: the table-13 VIF with the extension bit cleared is 0x7B; LVAR 02 = 2 characters (annex A)
    const t = records("0D 7B 02 41 42 01 FD 17 00");
    expect(t.recordErrors.map((e) => [e.offset, e.bytes, e.toEnd])).toEqual([[0, "0D 7B 02 41 42", false]]);
    expect(t.records.map((r) => [r.offset, r.quantity, r.value])).toEqual([[5, "errorFlags", 0]]);
  });

  it("reports the rest of the data as one error when the VIFE is missing at the end of the data", () => {
    const t = records("04 13 39 30 00 00 04 FD");
    expect(t.records.length).toBe(1);
    expect(t.recordErrors.map((e) => [e.offset, e.bytes, e.code, e.toEnd])).toEqual([
      [6, "04 FD", "PREMATURE_END", true],
    ]);
  });

  it("reports the rest as one error when the DIF's length passes the end of the data", () => {
    const t = records("0C 7B 02 03");
    expect(t.records.length).toBe(0);
    expect(t.recordErrors.map((e) => [e.bytes, e.code, e.toEnd])).toEqual([
      ["0C 7B 02 03", "MISSING_VIFE", true],
    ]);
  });
});

/** xorshift32, seeded: a failure reproduces. */
function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s;
  };
}

/** Codes that may fail a whole telegram: link layer (decodeFrame already passed), direction, CI, header. */
const TELEGRAM_CODES = new Set([
  "NO_USER_DATA",
  "WRONG_DIRECTION",
  "UNSUPPORTED_CI",
  "HEADER_TOO_SHORT",
  "FIXED_DATA_LENGTH",
]);

/** Records, record errors and idle fillers cover the user data after the header exactly once. */
function tiles(frame: Uint8Array, t: VariableData, start: number): void {
  const spans = [
    ...t.records.map((r) => [r.offset, r.offset + r.length] as const),
    ...t.recordErrors.map((e) => [e.offset, e.offset + e.length] as const),
  ].sort((a, b) => a[0] - b[0]);
  const end = frame.length - 2;
  let cursor = start;
  for (const [from, to] of spans) {
    if (from < cursor) throw new Error(`overlap at ${from}`);
    for (; cursor < from; cursor++)
      if (frame[cursor] !== 0x2f) throw new Error(`uncovered byte at ${cursor}`);
    if (to > end) throw new Error(`span past the data at ${from}`);
    cursor = to;
  }
  for (; cursor < end; cursor++) if (frame[cursor] !== 0x2f) throw new Error(`uncovered byte at ${cursor}`);
}

describe("fuzz: mutated corpus frames degrade per record", () => {
  it("20,000 cases: no throw, only header-level failures, every byte accounted for", () => {
    const corpus = validFixtures().map((f) => {
      const r = parseHex(f.hex);
      if (!r.ok) throw r.error;
      return r.value;
    });
    const next = rng(0x12_2026);
    let withErrors = 0;
    let failed = 0;
    for (let i = 0; i < 20_000; i++) {
      const b = corpus[next() % corpus.length]!.slice();
      const n = 1 + (next() % 4);
      for (let k = 0; k < n; k++) b[7 + (next() % Math.max(1, b.length - 9))] = next() & 0xff;
      b[b.length - 2] = checksum(b, 4, b.length - 2);
      const f = decodeFrame(b, 0);
      if (!f.ok) throw new Error(`mutating the user data broke the frame: ${f.error.message}`);
      const r = decodeTelegram(f.value.frame);
      if (!r.ok) {
        if (!TELEGRAM_CODES.has(r.error.code))
          throw new Error(`record error failed the telegram: ${r.error.message}`);
        failed++;
        continue;
      }
      if (r.value.type !== "variable") continue;
      const header = r.value.header === null ? 0 : r.value.header.kind === "long" ? 12 : 4;
      tiles(b, r.value, 7 + header);
      for (const e of r.value.recordErrors) {
        const bytes = parseHex(e.bytes);
        if (!bytes.ok || bytes.value.length !== e.length) throw new Error("record error bytes");
        if (e.at < e.offset || e.at > e.offset + e.length) throw new Error(`evidence offset ${e.at} outside`);
      }
      if (r.value.recordErrors.length > 0) withErrors++;
    }
    expect(withErrors).toBeGreaterThan(1000);
    expect(failed).toBeLessThan(20_000);
  });
});
