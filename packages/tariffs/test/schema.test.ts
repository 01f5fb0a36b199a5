import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { computeCosts } from "../src/cost";
import { parsePriceCsv } from "../src/csv";
import { parseTariff } from "../src/schema";
import { series, unwrap } from "./support/tariffs";

const examples = new URL("../../../examples/tariffs/", import.meta.url);
const files = readdirSync(examples).filter((f) => f.endsWith(".json"));

describe("the example tariff files", () => {
  it("are all read by this test", () => {
    expect(files.sort()).toEqual(["at-dynamic.json", "be-flanders.json", "fixed.json", "no-elvia.json"]);
  });

  it.each(files)("%s parses", (file) => {
    const r = parseTariff(JSON.parse(readFileSync(new URL(file, examples), "utf8")));
    expect(r.ok ? "ok" : r.error.message).toBe("ok");
  });

  it("be-flanders: amounts in micro-units, times in minutes, VAT in ppm", () => {
    const t = unwrap(parseTariff(JSON.parse(readFileSync(new URL("be-flanders.json", examples), "utf8"))));
    expect(t.import.energy).toEqual({
      kind: "tou",
      windows: [{ name: "day", days: [1, 2, 3, 4, 5], from: 420, to: 1320, price: 145_000 }],
      otherwise: 115_000,
    });
    expect(t.vat).toEqual({ rate: 60_000 });
    expect(t.capacity).toEqual({ rule: "be", pricePerKwYear: 40_400_000, floorKw: 2500 });
  });

  it("at-dynamic prices a day on the shipped sample prices", () => {
    const t = unwrap(parseTariff(JSON.parse(readFileSync(new URL("at-dynamic.json", examples), "utf8"))));
    const prices = unwrap(
      parsePriceCsv(readFileSync(new URL("../data/at-2026-synthetic.csv", import.meta.url), "utf8")),
    );
    // 2026-06-01 in Vienna: 24 hours of 400 Wh
    const r = unwrap(
      computeCosts(
        t,
        series("m", "2026-05-31T22:00:00Z", 3_600_000, 24, () => ({ importWh: 400 })),
        { prices },
      ),
    );
    expect(r.days.map((d) => d.period)).toEqual(["2026-06-01"]);
    // the grid fee is fixed: 9.6 kWh × 0.085 = 0.816 EUR, whatever the prices were
    expect(r.days[0]!.grid).toBe(816_000);
  });
});

describe("the README's example", () => {
  it("parses", () => {
    const readme = readFileSync(new URL("../../../README.md", import.meta.url), "utf8");
    const section = readme.slice(readme.indexOf("## Costs and tariffs"));
    const json = /```json\n([\s\S]*?)```/.exec(section)?.[1];
    expect(json).toBeDefined();
    const r = parseTariff(JSON.parse(json!));
    expect(r.ok ? r.value.id : r.error.message).toBe("be-flanders");
  });
});

describe("bad tariffs give the field", () => {
  const base = {
    id: "x",
    currency: "EUR",
    timeZone: "Europe/Vienna",
    import: { energy: { kind: "fixed", price: "0.1" } },
  };
  const cases: [string, unknown, string][] = [
    ["a currency that is not ISO 4217", { ...base, currency: "euro" }, "currency"],
    ["an unknown zone", { ...base, timeZone: "Europe/Atlantis" }, "timeZone"],
    [
      "a price with 7 decimals",
      { ...base, import: { energy: { kind: "fixed", price: "0.1234567" } } },
      "import.energy.price",
    ],
    [
      "a window off the quarter hour",
      {
        ...base,
        import: {
          energy: { kind: "tou", windows: [{ from: "07:10", to: "22:00", price: "1" }], otherwise: "0" },
        },
      },
      "import.energy.windows.0.from",
    ],
    [
      "a weekday 8",
      {
        ...base,
        import: {
          energy: {
            kind: "tou",
            windows: [{ days: [8], from: "07:00", to: "22:00", price: "1" }],
            otherwise: "0",
          },
        },
      },
      "import.energy.windows.0.days.0",
    ],
    ["an unknown rate kind", { ...base, import: { energy: { kind: "spot" } } }, "import.energy.kind"],
    [
      "brackets with a hole",
      {
        ...base,
        capacity: {
          rule: "no",
          brackets: [
            { fromKw: "0", toKw: "2", perMonth: "1" },
            { fromKw: "3", perMonth: "2" },
          ],
        },
      },
      "capacity.brackets.0.toKw",
    ],
  ];
  it.each(cases)("%s", (_name, doc, field) => {
    const r = parseTariff(doc);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe("BAD_TARIFF");
      expect(r.error.field).toBe(field);
    }
  });
});
