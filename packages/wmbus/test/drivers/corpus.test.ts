/**
 * Table-driven over the 178 wmbusmeters telegrams (fixtures/wmbusmeters_wmbus.json): every numeric
 * field wmbusmeters prints is compared with our value of the same name, one test per telegram; a name
 * that does not match must be one of its driver's known gaps (corpus-gaps.ts, with the reason), and each
 * known gap must still be one. The match rate is printed and held to a floor (it may rise, not fall).
 * Then each wireless driver, one test per driver, decodes its golden telegrams to their corpus values.
 */
import { describe, expect, it } from "vitest";
import { FormatCache } from "../../src/app/compact";
import { wirelessValues } from "../../src/drivers/apply";
import { WIRELESS_DRIVERS } from "../../src/drivers/registry";
import { decodeWmbusHex } from "../../src/telegram";
import { CORPUS, type CorpusTest, keyOf, sameValue } from "../support/corpus";
import { CORPUS_GAPS } from "./corpus-gaps";

/** Measured at the commit that set it (see README, wireless M-Bus). */
const FLOOR = { telegrams: 143, values: 877 };

/** Our values for a corpus test: its telegrams decoded in order (a compact frame after its full one). */
function valuesOf(t: CorpusTest): Record<string, number | string> {
  const formats = new FormatCache();
  let last: ReturnType<typeof decodeWmbusHex> | null = null;
  for (const h of t.telegrams) last = decodeWmbusHex(h, { key: keyOf(t), formats });
  return last?.ok ? wirelessValues(last.value).values : {};
}

function printedNumbers(t: CorpusTest): [string, number][] {
  return Object.entries(t.expectedJson).filter((e): e is [string, number] => typeof e[1] === "number");
}

/** The printed numeric names of a corpus test that our values do not match. */
function mismatches(t: CorpusTest): string[] {
  const got = valuesOf(t);
  return printedNumbers(t)
    .filter(([k, v]) => !sameValue(got[k], v))
    .map(([k]) => k);
}

const RESULTS = CORPUS.tests.map((t, i) => ({
  label: `${t.driver} ${t.name} #${i + 1}`,
  t,
  missed: mismatches(t),
}));

describe("wmbusmeters corpus", () => {
  it(`holds ${CORPUS.count} telegrams with their source`, () => {
    expect(CORPUS.tests.length).toBe(CORPUS.count);
    expect(CORPUS.source).toContain("wmbusmeters");
    expect(CORPUS.commit).toMatch(/^[0-9a-f]{40}$/);
  });

  it.each(RESULTS)("$label: every printed number matches or is a known gap", ({ t, missed }) => {
    const known = CORPUS_GAPS[t.driver]?.fields ?? [];
    expect(missed.filter((n) => !known.includes(n))).toEqual([]);
  });

  it.each(Object.entries(CORPUS_GAPS))(
    "gap %s: each listed name still misses in a telegram",
    (driver, gap) => {
      expect(gap.reason.length).toBeGreaterThan(20);
      const missed = new Set(RESULTS.filter((r) => r.t.driver === driver).flatMap((r) => r.missed));
      expect(gap.fields.filter((n) => !missed.has(n))).toEqual([]);
    },
  );

  it("matches wmbusmeters' printed numeric values at or above the floor", () => {
    const total = CORPUS.tests.reduce((s, t) => s + printedNumbers(t).length, 0);
    const matched = total - RESULTS.reduce((s, r) => s + r.missed.length, 0);
    const full = RESULTS.filter((r) => r.missed.length === 0).length;
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
  it.each(WIRELESS_DRIVERS.map((d) => [d.name, d] as const))("%s", (_, d) => {
    expect(d.golden.length).toBeGreaterThan(0);
    for (const g of d.golden) {
      const r = decodeWmbusHex(g.hex, { key: keyOf(g) });
      expect(r.ok).toBe(true);
      if (!r.ok) continue;
      const reading = wirelessValues(r.value);
      expect(reading.driver).toBe(d.name);
      for (const [k, v] of Object.entries(g.expect)) {
        expect([k, sameValue(reading.values[k], v as number) ? v : reading.values[k]]).toEqual([k, v]);
      }
    }
  });
});
