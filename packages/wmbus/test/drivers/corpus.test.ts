/**
 * Table-driven over the 178 wmbusmeters telegrams (fixtures/wmbusmeters_wmbus.json): every numeric
 * field wmbusmeters prints is compared with our driver's value of the same name. The match rate is
 * printed and held to a floor (it may rise, not fall); each wireless driver's golden telegrams must
 * decode to their corpus values exactly.
 */
import { describe, expect, it } from "vitest";
import { FormatCache } from "../../src/app/compact";
import { wirelessValues } from "../../src/drivers/apply";
import { WIRELESS_DRIVERS } from "../../src/drivers/registry";
import { decodeWmbusHex } from "../../src/telegram";
import { CORPUS, keyOf, sameValue } from "../support/corpus";

/** Measured at the commit that added this test (see README, wireless M-Bus). */
const FLOOR = { telegrams: 139, values: 870 };

function valuesOf(t: (typeof CORPUS.tests)[number]): Record<string, number | string> | null {
  const formats = new FormatCache();
  let last: ReturnType<typeof decodeWmbusHex> | null = null;
  for (const h of t.telegrams) last = decodeWmbusHex(h, { key: keyOf(t), formats });
  return last?.ok ? wirelessValues(last.value).values : null;
}

describe("wmbusmeters corpus", () => {
  it(`holds ${CORPUS.count} telegrams with their source`, () => {
    expect(CORPUS.tests.length).toBe(CORPUS.count);
    expect(CORPUS.source).toContain("wmbusmeters");
    expect(CORPUS.commit).toMatch(/^[0-9a-f]{40}$/);
  });

  it("matches wmbusmeters' printed numeric values at or above the floor", () => {
    let full = 0;
    let matched = 0;
    let total = 0;
    for (const t of CORPUS.tests) {
      const got = valuesOf(t) ?? {};
      const want = Object.entries(t.expectedJson).filter(([, v]) => typeof v === "number") as [
        string,
        number,
      ][];
      const hits = want.filter(([k, v]) => sameValue(got[k], v)).length;
      matched += hits;
      total += want.length;
      if (hits === want.length) full++;
    }
    process.stdout.write(
      `wmbus corpus: ${full}/${CORPUS.tests.length} telegrams fully, ${matched}/${total} values\n`,
    );
    expect(full).toBeGreaterThanOrEqual(FLOOR.telegrams);
    expect(matched).toBeGreaterThanOrEqual(FLOOR.values);
  });

  it("decodes every telegram to a frame or a typed error", () => {
    for (const t of CORPUS.tests) {
      for (const h of t.telegrams) {
        const r = decodeWmbusHex(h, { key: keyOf(t) });
        expect(r.ok || r.error.name === "WmbusError").toBe(true);
      }
    }
  });
});

describe("wireless drivers' golden telegrams", () => {
  const cases = WIRELESS_DRIVERS.flatMap((d) =>
    d.golden.map((g, i) => [`${d.name} #${i + 1}`, d, g] as const),
  );
  it.each(cases)("%s", (_, d, g) => {
    const r = decodeWmbusHex(g.hex, { key: keyOf(g) });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const reading = wirelessValues(r.value);
    expect(reading.driver).toBe(d.name);
    for (const [k, v] of Object.entries(g.expect)) {
      expect([k, sameValue(reading.values[k], v as number) ? v : reading.values[k]]).toEqual([k, v]);
    }
  });
});
