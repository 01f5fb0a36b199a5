import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sampleCsv } from "../scripts/gen-sample-prices";
import { formatPriceCsv, parsePriceCsv } from "../src/csv";
import { priceAt } from "../src/prices";

const at = (iso: string) => Date.parse(iso);

describe("CSV prices (start,price)", () => {
  it("reads per-MWh prices with offsets, a header and settings in a comment", () => {
    const csv = [
      "# currency=EUR unit=MWh",
      "start,price",
      "2026-06-01T00:00+02:00,100.5",
      "2026-06-01T01:00+02:00,-3.25",
      "2026-06-01T00:00Z,80",
      "",
    ].join("\n");
    const r = parsePriceCsv(csv);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // step inferred: 1 h; 00:00+02:00 = 2026-05-31T22:00Z, 01:00+02:00 = 23:00Z; sorted by start
    expect(r.value.slots).toEqual([
      { start: at("2026-05-31T22:00Z"), end: at("2026-05-31T23:00Z"), price: 100_500 },
      { start: at("2026-05-31T23:00Z"), end: at("2026-06-01T00:00Z"), price: -3_250 },
      { start: at("2026-06-01T00:00Z"), end: at("2026-06-01T01:00Z"), price: 80_000 },
    ]);
  });

  it("reads per-kWh prices with an explicit resolution", () => {
    const r = parsePriceCsv("2026-01-01T00:00Z,0.1234\n", {
      currency: "NOK",
      unit: "kWh",
      resolution: "PT15M",
    });
    expect(r.ok && r.value.slots).toEqual([
      { start: at("2026-01-01T00:00Z"), end: at("2026-01-01T00:15Z"), price: 123_400 },
    ]);
    expect(r.ok && r.value.currency).toBe("NOK");
  });

  const bad: [string, string, string][] = [
    ["three cells", "# currency=EUR\n2026-01-01T00:00Z,1,2\n2026-01-01T01:00Z,1\n", "line 2"],
    ["a start without offset", "# currency=EUR\n2026-01-01T00:00,1\n2026-01-01T01:00Z,1\n", "line 2"],
    ["a bad price", "# currency=EUR\n2026-01-01T00:00Z,1.2.3\n2026-01-01T01:00Z,1\n", "line 2"],
    ["no currency", "2026-01-01T00:00Z,1\n2026-01-01T01:00Z,1\n", "currency"],
    ["one line and no resolution", "# currency=EUR\n2026-01-01T00:00Z,1\n", "resolution"],
  ];
  it.each(bad)("refuses %s with the line", (_name, csv, field) => {
    const r = parsePriceCsv(csv);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(["BAD_CSV", "BAD_DECIMAL"]).toContain(r.error.code);
      expect(r.error.field).toBe(field);
    }
  });

  it("refuses two prices for one slot", () => {
    // 2026-06-01T01:00+02:00 is 2026-05-31T23:00Z
    const r = parsePriceCsv(
      "# currency=EUR\n2026-06-01T01:00+02:00,1\n2026-05-31T23:00Z,2\n2026-06-01T00:00Z,3\n",
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe("BAD_PRICES");
      expect(r.error.at).toBe("2026-05-31T23:00:00.000Z");
    }
  });

  it("round-trips: format then parse gives the same slots (1,000 random series)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -500_000, max: 4_000_000 }), { minLength: 1, maxLength: 48 }),
        (prices) => {
          const t0 = at("2026-03-28T22:00Z");
          const slots = prices.map((p, i) => ({
            start: t0 + i * 3_600_000,
            end: t0 + (i + 1) * 3_600_000,
            price: p,
          }));
          const text = formatPriceCsv({ currency: "EUR", slots }, ["currency=EUR unit=MWh resolution=PT60M"]);
          const back = parsePriceCsv(text);
          expect(back.ok && back.value.slots).toEqual(slots);
        },
      ),
      { numRuns: 1_000 },
    );
  });
});

describe("the shipped sample year (synthetic)", () => {
  const text = readFileSync(new URL("../data/at-2026-synthetic.csv", import.meta.url), "utf8");

  it("is what the seeded script generates, and says it is synthetic", () => {
    expect(text.startsWith("# SYNTHETIC")).toBe(true);
    expect(text).toBe(sampleCsv());
  });

  it("loads: every hour of the local year 2026 in Vienna, with negative hours among them", () => {
    const r = parsePriceCsv(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // 365 days × 24 h (the 23-hour and the 25-hour day cancel out)
    expect(r.value.slots).toHaveLength(8760);
    expect(r.value.slots[0]!.start).toBe(at("2025-12-31T23:00Z")); // local midnight CET
    expect(r.value.slots[8759]!.end).toBe(at("2026-12-31T23:00Z"));
    expect(priceAt(r.value, at("2026-07-01T10:00Z"))).toBeTypeOf("number");
    expect(r.value.slots.some((s) => s.price < 0)).toBe(true);
    expect(text.length).toBeLessThan(300_000);
  });
});
