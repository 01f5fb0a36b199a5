/**
 * One table-driven test over every driver's golden telegrams: the telegram decodes, this driver (and no
 * other) is picked for it, and every expected field comes out with the expected value. Expected values
 * are the independent decoders' (libmbus's reference output or wmbusmeters' printed values), as each
 * golden's `source` says.
 */
import { describe, expect, it } from "vitest";
import { DRIVERS, decodeTelegramHex, pickDriver, readValues } from "../../src/index";

function close(a: unknown, e: number | string): boolean {
  if (typeof e === "string" || typeof a !== "number") return a === e;
  // wmbusmeters prints 6 decimals (33861.111111), libmbus %f
  return Math.abs(a - e) <= 5e-6 * Math.max(1, Math.abs(e));
}

describe("meter drivers: golden telegrams", () => {
  it("has at least 25 meter types with unique names, each citing a source and carrying goldens", () => {
    expect(DRIVERS.length).toBeGreaterThanOrEqual(25);
    expect(new Set(DRIVERS.map((d) => d.name)).size).toBe(DRIVERS.length);
    for (const d of DRIVERS) {
      expect(d.source.length, d.name).toBeGreaterThan(10);
      expect(d.golden.length, d.name).toBeGreaterThan(0);
    }
  });

  for (const d of DRIVERS)
    d.golden.forEach((g, i) => {
      it(`${d.name} golden ${i + 1}`, () => {
        const r = decodeTelegramHex(g.hex);
        if (!r.ok) throw new Error(`${d.name}: ${r.error.code} at ${r.error.offset}`);
        if (r.value.type !== "variable") throw new Error(`${d.name}: not a variable data telegram`);
        expect(pickDriver(r.value.header, DRIVERS)?.name).toBe(d.name);
        const got = readValues(r.value, DRIVERS);
        expect(got.driver).toBe(d.name);
        expect(Object.keys(g.expect).length).toBeGreaterThan(0);
        for (const [k, v] of Object.entries(g.expect))
          expect(close(got.values[k], v), `${k}: ${got.values[k]} vs ${v}`).toBe(true);
      });
    });
});
