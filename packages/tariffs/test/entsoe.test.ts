import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseEntsoeXml } from "../src/entsoe";
import { priceAt } from "../src/prices";

const fixture = (name: string) => readFileSync(new URL(`fixtures/${name}`, import.meta.url), "utf8");
const at = (iso: string) => Date.parse(iso);

describe("ENTSO-E A44 Publication_MarketDocument", () => {
  it("reads a PT60M A01 day of 23 hours (Brussels, clocks forward)", () => {
    const r = parseEntsoeXml(fixture("entsoe-be-2026-03-29-pt60m.xml"));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.currency).toBe("EUR");
    expect(r.value.slots).toHaveLength(23);
    // position 1 = 2026-03-28T23:00Z = local 00:00 CET, 80.00 EUR/MWh = 80,000 µEUR/kWh
    expect(r.value.slots[0]).toEqual({
      start: at("2026-03-28T23:00Z"),
      end: at("2026-03-29T00:00Z"),
      price: 80_000,
    });
    // position 13 = 2026-03-29T11:00Z, typed -10.00 → -10,000
    expect(priceAt(r.value, at("2026-03-29T11:30Z"))).toBe(-10_000);
    // position 23 = 2026-03-29T21:00Z, 90.00; nothing after the period's end
    expect(priceAt(r.value, at("2026-03-29T21:59Z"))).toBe(90_000);
    expect(priceAt(r.value, at("2026-03-29T22:00Z"))).toBeUndefined();
  });

  it("fills the positions an A03 curve leaves out, and prefers PT15M over PT60M", () => {
    const r = parseEntsoeXml(fixture("entsoe-be-2026-10-25-pt15m-a03.xml"));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const q = (n: number) => at("2026-10-24T22:00Z") + (n - 1) * 900_000; // start of position n
    // given: 1 → 100.00, 5 → 90.50, 9 → 80.25, 41 → -12.34, 49 → 0, 57 → 60.00, 97 → 120.00
    const expected: [number, number][] = [
      [1, 100_000],
      [4, 100_000], // left out: repeats position 1
      [5, 90_500],
      [8, 90_500],
      [9, 80_250],
      [40, 80_250],
      [41, -12_340],
      [48, -12_340],
      [49, 0],
      [57, 60_000],
      [96, 60_000],
      [97, 120_000],
      [100, 120_000], // the 100th quarter of a 25-hour day
    ];
    for (const [pos, price] of expected) expect(priceAt(r.value, q(pos)), `position ${pos}`).toBe(price);
    // the PT60M series of the same day says 999.00 everywhere: covered by the finer one, never used
    expect(r.value.slots.some((s) => s.price === 999_000)).toBe(false);
    expect(priceAt(r.value, q(101))).toBeUndefined();
  });

  it("turns an acknowledgement into a typed error with the platform's reason", () => {
    const r = parseEntsoeXml(fixture("entsoe-acknowledgement.xml"));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe("ENTSOE_ACKNOWLEDGEMENT");
    expect(r.error.actual).toBe("999");
    expect(r.error.message).toMatch(/No matching data found/);
  });

  const good = fixture("entsoe-be-2026-03-29-pt60m.xml");
  const bad: [string, string, string, string | RegExp][] = [
    ["not XML", "<Publication_MarketDocument><type>A44", "BAD_XML", /line/],
    ["another document", "<GL_MarketDocument><type>A65</type></GL_MarketDocument>", "BAD_ENTSOE", "(root)"],
    ["another type", good.replace("<type>A44</type>", "<type>A65</type>"), "BAD_ENTSOE", "type"],
    [
      "a position past the end",
      good.replace("<position>23</position>", "<position>24</position>"),
      "BAD_ENTSOE",
      "TimeSeries[0].Period[0].Point[22].position",
    ],
    [
      "a position twice",
      good.replace("<position>23</position>", "<position>22</position>"),
      "BAD_ENTSOE",
      "TimeSeries[0].Period[0].Point[22].position",
    ],
    [
      "A01 with a gap",
      good.replace(/<Point>\s*<position>2<\/position>\s*<price.amount>75.00<\/price.amount>\s*<\/Point>/, ""),
      "BAD_ENTSOE",
      "TimeSeries[0].Period[0].Point",
    ],
    [
      "a price that is not a decimal",
      good.replace("<price.amount>80.00</price.amount>", "<price.amount>8O.00</price.amount>"),
      "BAD_DECIMAL",
      "TimeSeries[0].Period[0].Point[0].price.amount",
    ],
    [
      "prices per kWh",
      good.replace("<price_Measure_Unit.name>MWH", "<price_Measure_Unit.name>KWH"),
      "BAD_ENTSOE",
      "TimeSeries[0].price_Measure_Unit.name",
    ],
    [
      "an unknown resolution",
      good.replace("<resolution>PT60M", "<resolution>P1D"),
      "BAD_ENTSOE",
      "TimeSeries[0].Period[0].resolution",
    ],
  ];
  it.each(bad)("refuses %s", (_name, xml, code, field) => {
    const r = parseEntsoeXml(xml);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe(code);
    if (typeof field === "string") expect(r.error.field).toBe(field);
    else expect(r.error.field).toMatch(field);
  });
});

describe("ENTSO-E limits", () => {
  it("refuses a period longer than a year (a damaged start year) instead of making millions of slots", () => {
    const good = readFileSync(new URL("fixtures/entsoe-be-2026-03-29-pt60m.xml", import.meta.url), "utf8");
    const r = parseEntsoeXml(
      good.replace(
        "<start>2026-03-28T23:00Z</start>\n        <end>",
        "<start>1026-03-28T23:00Z</start>\n        <end>",
      ),
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe("BAD_ENTSOE");
      expect(r.error.field).toBe("TimeSeries[0].Period[0].timeInterval");
    }
  });
});
