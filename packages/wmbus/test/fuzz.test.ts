/**
 * Fuzz (STYLE.md principle 6): random bytes and mutated corpus frames with recomputed CRCs; every input
 * yields a telegram or a typed WmbusError, never a throw, and the drivers read every telegram that decodes.
 * 10,000 cases here; bench/wmbus-fuzz runs 100,000.
 */
import { describe, expect, it } from "vitest";
import { fuzzCases } from "./support/fuzz";

describe("fuzz", () => {
  it("10,000 inputs: a frame or a typed error each", () => {
    const r = fuzzCases(10_000, 0x5eed);
    expect(r.thrown).toEqual([]);
    expect(r.decoded + r.errors).toBe(10_000);
    expect(r.decoded).toBeGreaterThan(0);
    expect(r.errors).toBeGreaterThan(0);
  });
});
