import { describe, expect, it } from "vitest";
import { decodePush } from "../src/push";
import { bytes, fixtureKeys, loadFixtures } from "./helpers";

const fixtures = loadFixtures();

/**
 * Where this decoder and the reference name the same object differently, written down with the reason:
 * - the reference files an unlabeled date-time element under `0.0.0.0.0.0`; we apply the convention that
 *   it is the meter's clock, `0.0.1.0.0.255`.
 */
const ALIASES: Record<string, string> = { "0.0.0.0.0.0": "0.0.1.0.0.255" };
/**
 * Counts that differ from the reference, each with the reason (every other fixture must match exactly):
 * - Netz NÖ: the structure opens with an unlabeled copy of the clock; the reference skips it, we report it
 *   as `0.0.1.0.0.255` (as the reference itself does for the same element in the L+G E450 telegram).
 * - Kaifa MA304 (Norway): a flat list without logical names, in which the reference finds nothing; the
 *   kaifa-ma304 profile labels all 13 values (checked against its golden values in profiles.test.ts).
 *   Without a profile (`profile: "none"`) we also find 0; that is asserted below.
 */
const COUNT_DIFFERENCES: Record<string, number> = { mbus_netz_noe_p1: 13, hdlc_kaifa_ma304h3e: 13 };

/** The reference prints date-times as `YYYY-MM-DD HH:MM:SS`; ours are RFC 3339-like with an offset when known. */
const sameText = (ours: string | undefined, ref: string): boolean =>
  ours !== undefined && ours.replace("T", " ").replace(/[+-]\d\d:\d\d$/, "") === ref;

describe("shared DLMS corpus (table-driven)", () => {
  it("has the five copied vectors", () => {
    expect(fixtures.map((f) => f.name)).toHaveLength(5);
  });

  for (const f of fixtures) {
    describe(f.name, () => {
      const r = decodePush(bytes(f.hex), { ...fixtureKeys(f), transport: "auto" });

      it("decodes, with the transport detected from the bytes", () => {
        if (!r.ok) throw r.error;
        expect(r.value.transport).toBe(f.transport);
      });

      it("every number within float precision", () => {
        if (!r.ok) throw r.error;
        for (const [obis, want] of Object.entries(f.expected.numbers)) {
          const got = r.value.cosem.find((c) => c.obis === (ALIASES[obis] ?? obis));
          expect(got, obis).toBeDefined();
          expect(typeof got!.value, obis).toBe("number");
          expect(got!.value as number, obis).toBeCloseTo(want, 9);
        }
      });

      it("every string", () => {
        if (!r.ok) throw r.error;
        for (const [obis, want] of Object.entries(f.expected.strings)) {
          const got = r.value.cosem.find((c) => c.obis === (ALIASES[obis] ?? obis));
          expect(got, obis).toBeDefined();
          expect(got!.text === want || sameText(got!.text, want), `${obis}: ${got!.text} vs ${want}`).toBe(
            true,
          );
        }
      });

      it("the count of COSEM objects", () => {
        if (!r.ok) throw r.error;
        expect(r.value.cosem.length).toBe(COUNT_DIFFERENCES[f.name] ?? f.expected.count);
      });
    });
  }

  it("a flat list without a profile yields no labeled objects, as the reference", () => {
    const kaifa = fixtures.find((f) => f.name === "hdlc_kaifa_ma304h3e")!;
    const r = decodePush(bytes(kaifa.hex), { profile: "none" });
    if (!r.ok) throw r.error;
    expect(r.value.cosem).toHaveLength(kaifa.expected.count);
    expect(r.value.unlabeled).toHaveLength(13);
    expect(r.value.unlabeled[0]).toBe("KFM_001");
  });

  it("the Netz NÖ count difference is exactly the leading clock copy", () => {
    const noe = fixtures.find((f) => f.name === "mbus_netz_noe_p1")!;
    const r = decodePush(bytes(noe.hex), fixtureKeys(noe));
    if (!r.ok) throw r.error;
    const extra = r.value.cosem.filter(
      (c) => !(c.obis in noe.expected.numbers) && !(c.obis in noe.expected.strings),
    );
    expect(extra.map((c) => c.obis)).toEqual(["0.0.1.0.0.255"]);
    expect(extra[0]!.text).toBe(r.value.dateTime!.text);
  });
});
