import { MEDIA } from "@omdp/model";
import { mediaOf } from "@omdp/series";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { SeriesRow } from "../../src/series/types";
import { rollupId } from "../../src/series/types";
import { decodeColumns, encodeColumns, mergeDay } from "../../src/store/cosmos-bucket";

const DAY0 = Date.parse("2026-03-09T23:00:00Z"); // 10 March in Vienna
const key = { meterId: "m-1", householdId: "hh-1", start: DAY0, end: DAY0 + 86_400_000 };

const row = (k: number, over: Partial<SeriesRow> = {}): SeriesRow => ({
  id: rollupId("m-1", "PT15M", DAY0 + k * 900_000),
  meterId: "m-1",
  householdId: "hh-1",
  resolution: "PT15M",
  start: DAY0 + k * 900_000,
  end: DAY0 + (k + 1) * 900_000,
  importWh: 10,
  exportWh: 0,
  powerMinW: 1,
  powerAvgW: 2,
  powerMaxW: 3,
  registers: {},
  sampleCount: 15,
  quality: "complete",
  flags: [],
  derived: false,
  ...over,
});

const arbRows = fc
  .uniqueArray(fc.integer({ min: 0, max: 95 }), { minLength: 1, maxLength: 96 })
  .chain((slots) =>
    fc.tuple(
      ...slots.map((k) =>
        fc
          .record({
            importWh: fc.nat(100_000),
            exportWh: fc.nat(100_000),
            powerMinW: fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }), { nil: null }),
            powerAvgW: fc.option(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { nil: null }),
            powerMaxW: fc.option(fc.integer(), { nil: null }),
            sampleCount: fc.nat(1000),
            quality: fc.constantFrom("complete" as const, "partial" as const, "estimated" as const),
            flags: fc.subarray(["gap", "reset", "dst", "meterReplaced"]),
            registers: fc.dictionary(
              fc.constantFrom("1-0:1.8.0", "1-0:2.8.0", "1-0:3.8.0"),
              fc.oneof(fc.integer({ min: 0, max: 2 ** 40 }), fc.double({ min: 0, max: 1e9, noNaN: true })),
            ),
            media: fc.option(
              fc.record({
                medium: fc.option(fc.constantFrom(...MEDIA), { nil: undefined }),
                consumption: fc.dictionary(
                  fc.constantFrom("8-0:1.0.0", "6-0:1.0.0", "6-0:2.0.0", "4-0:1.0.0"),
                  fc.oneof(fc.nat(1_000_000), fc.double({ min: 0, max: 1e6, noNaN: true })),
                ),
              }),
              { nil: undefined },
            ),
          })
          .map(({ media, ...v }) => row(k, { ...v, ...(media ? mediaOf(media) : {}) })),
      ),
    ),
  );

describe("bucketed day documents (columns)", () => {
  it("stores registers as differences when they are integers (hand example)", () => {
    const cols = encodeColumns(DAY0, [
      row(1, { registers: { "1-0:1.8.0": 1011, "1-0:2.8.0": 5.5 } }),
      row(0, { registers: { "1-0:1.8.0": 1000, "1-0:2.8.0": 5.25 }, flags: ["gap"], quality: "partial" }),
    ]);
    expect(cols.o).toEqual([0, 15]);
    expect(cols.m).toEqual([15, 15]);
    expect(cols.r).toEqual({ "1-0:1.8.0": [1000, 11], "1-0:2.8.0": [5.25, 5.5] });
    expect(cols.rd).toEqual(["1-0:1.8.0"]);
    expect(cols.q).toBe("pc");
    expect(cols.f).toEqual({ "0": ["gap"] });
  });

  it("keeps a water meter's medium and consumption in columns, nothing for electricity (hand example)", () => {
    const water = { medium: "water" as const, consumption: { "8-0:1.0.0": 0.0125 } };
    const cols = encodeColumns(DAY0, [row(0, water), row(1, { ...water, consumption: { "8-0:1.0.0": 0 } })]);
    expect(cols.md).toEqual(["water", "water"]);
    expect(cols.c).toEqual({ "8-0:1.0.0": [0.0125, 0] });
    const back = decodeColumns(key, "PT15M", cols);
    expect(back.map((r) => [r.medium, r.consumption])).toEqual([
      ["water", { "8-0:1.0.0": 0.0125 }],
      ["water", { "8-0:1.0.0": 0 }],
    ]);
    const electricity = encodeColumns(DAY0, [row(0)]);
    expect("md" in electricity || "c" in electricity).toBe(false);
    expect(Object.keys(decodeColumns(key, "PT15M", electricity)[0]!)).not.toContain("consumption");
  });

  it("decodes exactly the rows it encoded (property, 500 days)", () => {
    fc.assert(
      fc.property(arbRows, (rows) => {
        const back = decodeColumns(key, "PT15M", encodeColumns(DAY0, rows));
        expect(back).toEqual([...rows].sort((a, b) => a.start - b.start));
      }),
      { numRuns: 500 },
    );
  });

  it("merging the same rows again gives the same document; a corrected row replaces its slot", () => {
    fc.assert(
      fc.property(arbRows, (rows) => {
        const once = mergeDay(undefined, key, rows, 3600);
        expect(mergeDay(once, key, rows, 3600)).toEqual(once);
        expect(JSON.stringify(mergeDay(once, key, [...rows].reverse(), 3600))).toBe(JSON.stringify(once));
      }),
      { numRuns: 100 },
    );
    const first = mergeDay(undefined, key, [row(0), row(1)], undefined);
    const fixed = mergeDay(first, key, [row(1, { importWh: 99 })], undefined);
    expect(decodeColumns(key, "PT15M", fixed.res.PT15M!).map((r) => r.importWh)).toEqual([10, 99]);
  });
});
