import { describe, expect, it } from "vitest";
import { householdCostMeters } from "../src/api";

// A household as the local platform's (simulator/src/platform/config.ts): main meter "main-1", the M-Bus
// sub-meter "12345678" (role sub, behind main-1), a water meter "water-1".
const known = ["water-1", "main-1", "12345678"];
const isElectric = (m: string) => m !== "water-1";
const isSub = (m: string) => m === "12345678";

describe("householdCostMeters: sub-meters are not counted twice", () => {
  it("leaves the sub-meter out by default (the main meter alone)", () => {
    expect(householdCostMeters(known, isElectric, undefined, isSub)).toEqual({ ok: true, value: ["main-1"] });
  });

  it("counts every electricity meter when none is a sub-meter (no role known)", () => {
    expect(householdCostMeters(known, isElectric, undefined)).toEqual({
      ok: true,
      value: ["12345678", "main-1"],
    });
  });

  it("allows a sub-meter listed alone", () => {
    expect(householdCostMeters(known, isElectric, "12345678", isSub)).toEqual({
      ok: true,
      value: ["12345678"],
    });
  });

  it("refuses a sub-meter listed with a main meter, naming the sub-meter", () => {
    const r = householdCostMeters(known, isElectric, "main-1,12345678", isSub);
    expect(r.ok).toBe(false);
    expect(!r.ok && [r.error.code, r.error.field, r.error.actual]).toEqual([
      "BAD_QUERY",
      "meters",
      "12345678",
    ]);
  });
});
