import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parsePriceCsv } from "../src/csv";
import { parseEntsoeXml } from "../src/entsoe";
import { writeA44 } from "./support/entsoe-writer";

const fixtures = [
  "entsoe-be-2026-03-29-pt60m.xml",
  "entsoe-be-2026-10-25-pt15m-a03.xml",
  "entsoe-acknowledgement.xml",
].map((f) => readFileSync(new URL(`fixtures/${f}`, import.meta.url), "utf8"));

describe("ENTSO-E reader: round trip and fuzz", () => {
  it("reads back what the writer wrote (1,000 random days)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2000 }),
        fc.constantFrom(15 as const, 30 as const, 60 as const),
        fc.array(fc.integer({ min: -500_000, max: 4_000_000 }), { minLength: 1, maxLength: 100 }),
        (day, res, prices) => {
          const start = Date.UTC(2024, 0, 1) + day * 86_400_000 - 3_600_000;
          const r = parseEntsoeXml(writeA44("EUR", [{ start, resolutionMin: res, prices }]));
          expect(r.ok).toBe(true);
          if (!r.ok) return;
          const step = res * 60_000;
          expect(r.value.slots).toEqual(
            prices.map((price, i) => ({ start: start + i * step, end: start + (i + 1) * step, price })),
          );
        },
      ),
      { numRuns: 1_000 },
    );
  });

  it("answers every damaged document with a Result, never a throw (10,000 mutations)", () => {
    const kinds = new Set<string>();
    fc.assert(
      fc.property(
        fc.constantFrom(...fixtures),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 3 }), fc.string({ maxLength: 4 })), {
          minLength: 1,
          maxLength: 4,
        }),
        (doc, edits) => {
          let s = doc;
          for (const [pos, op, text] of edits) {
            const i = pos % (s.length + 1);
            if (op === 0)
              s = s.slice(0, i) + s.slice(i + 1); // delete a character
            else if (op === 1)
              s = s.slice(0, i) + text + s.slice(i); // insert
            else if (op === 2)
              s = s.slice(0, i) + text + s.slice(i + text.length); // overwrite
            else s = s.slice(0, i); // truncate
          }
          const r = parseEntsoeXml(s);
          expect(typeof r.ok).toBe("boolean");
          kinds.add(r.ok ? "ok" : r.error.code);
        },
      ),
      { numRuns: 10_000 },
    );
    // the mutations reach past the XML check into the document's own rules
    expect(kinds.has("BAD_XML")).toBe(true);
    expect([...kinds].some((k) => k !== "BAD_XML")).toBe(true);
  });

  it("the CSV reader answers random text with a Result (10,000 cases)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        const r = parsePriceCsv(`# currency=EUR\n${s}`);
        expect(typeof r.ok).toBe("boolean");
      }),
      { numRuns: 10_000 },
    );
  });
});
