/**
 * parse(encode(x)) == x (STYLE.md principle 6): random telegrams built from the object table's shapes
 * and from ids outside it, encoded with their CRC, decode to the same header, ids and groups, and
 * normalised values written back by register() decode to the same number.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DSMR_OBJECTS, decodeTelegram, encodeTelegram, hexText, objectDef, register } from "../src/index";

const digits = (n: number) => fc.stringMatching(new RegExp(`^\\d{${n}}$`));
const two = (min: number, max: number) => fc.integer({ min, max }).map((v) => String(v).padStart(2, "0"));
const tst = fc
  .tuple(two(0, 99), two(1, 12), two(1, 28), two(0, 23), two(0, 59), two(0, 59), fc.constantFrom("S", "W"))
  .map((p) => p.join(""));
const decimal = fc.tuple(digits(6), digits(3)).map(([i, f]) => `${i}.${f}`);
const withUnit = fc
  .tuple(decimal, fc.constantFrom("kWh", "kW", "V", "A", "m3", "kvar", "s"))
  .map(([v, u]) => `${v}*${u}`);
const safeText = fc.stringMatching(/^[ "-'*-.0-~]{0,24}$/); // printable ASCII without ( ) ! /

const shapeGroups = (shape: string): fc.Arbitrary<string[]> => {
  switch (shape) {
    case "register":
      return withUnit.map((g) => [g]);
    case "timestamped":
      return fc.tuple(tst, withUnit).map(([t, v]) => [t, v]);
    case "time":
      return tst.map((t) => [t]);
    case "hexText":
      return safeText.map((t) => [hexText(t)]);
    case "text":
      return safeText.map((t) => [t]);
    case "profile":
      return fc
        .array(fc.tuple(tst, digits(10)), { maxLength: 10 })
        .map((rows) => [String(rows.length), "0-0:96.7.19", ...rows.flatMap(([t, d]) => [t, `${d}*s`])]);
    default:
      return fc
        .tuple(tst, digits(2), decimal)
        .map(([t, s, v]) => [t.slice(0, 12), s, "60", "1", "0-1:24.2.1", "m3", v]);
  }
};

const tableLine = fc
  .constantFrom(...DSMR_OBJECTS)
  .chain((d) => shapeGroups(d.shape).map((groups) => ({ obis: d.id.replace("0-n:", "0-1:"), groups })));
const unknownLine = fc
  .tuple(
    fc.integer({ min: 0, max: 1 }),
    fc.integer({ min: 0, max: 9 }),
    fc.integer({ min: 100, max: 199 }),
    fc.nat(255),
  )
  .chain(([a, b, c, e]) =>
    fc
      .array(safeText, { minLength: 1, maxLength: 3 })
      .map((groups) => ({ obis: `${a}-${b}:${c}.${e}.0`, groups })),
  )
  .filter((l) => objectDef(l.obis) === undefined);

const telegram = fc.record({
  header: fc.record({
    manufacturer: fc.stringMatching(/^[A-Za-z]{3}$/),
    baudChar: fc.stringMatching(/^\d$/),
    ident: fc.stringMatching(/^[ -.0-~]{0,30}$/).filter((s) => !s.includes("!")),
  }),
  lines: fc.array(fc.oneof(tableLine, unknownLine), { maxLength: 30 }),
  crc: fc.boolean(),
});

describe("round trip", () => {
  it("parse(encode(x)) == x", () => {
    fc.assert(
      fc.property(telegram, (x) => {
        const t = decodeTelegram(encodeTelegram(x));
        expect(t.lineErrors).toEqual([]);
        expect(t.header).toEqual(x.header);
        expect(t.crc === null).toBe(!x.crc);
        expect(t.objects.map((o) => ({ obis: o.obis, groups: o.groups }))).toEqual(x.lines);
      }),
      { numRuns: 2000, seed: 14 },
    );
  });

  it("normalised values written back by register() decode to the same number", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 999_999_999 }),
        fc.constantFrom("kWh", "kW", "kvarh"),
        (wh, unit) => {
          const text = encodeTelegram({
            header: { manufacturer: "ISK", baudChar: "5", ident: "x" },
            lines: [{ obis: "1-0:1.8.1", groups: [register(wh, unit, 3, 6)] }],
          });
          expect(decodeTelegram(text).objects[0]?.value?.value).toBe(wh);
        },
      ),
      { numRuns: 5000, seed: 14 },
    );
  });
});
