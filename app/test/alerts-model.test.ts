import { describe, expect, it } from "vitest";
import { detailsText, householdEvents, powerRule, rulesOf, toEvent } from "../src/views/alerts-model";

describe("alerts view model", () => {
  it("reads events defensively, acknowledged under any of the module's names", () => {
    expect(toEvent({ id: "e1", type: "outage", at: "2026-12-02T10:00:00Z", ackedAt: "x" })).toEqual({
      id: "e1",
      type: "outage",
      severity: "info",
      meterId: "",
      at: "2026-12-02T10:00:00Z",
      details: {},
      acknowledged: true,
    });
    expect(toEvent({ id: "e2", type: "t" })?.acknowledged).toBe(false);
    expect(toEvent({ type: "no id" })).toBeNull();
  });

  it("keeps the household's meters' events, newest first, the more severe first at one time", () => {
    const items = [
      { id: "a", type: "t", meterId: "m1", at: "2026-12-02T09:00:00Z", severity: "info" },
      { id: "b", type: "t", meterId: "m1", at: "2026-12-02T10:00:00Z", severity: "info" },
      { id: "c", type: "t", meterId: "m1", at: "2026-12-02T10:00:00Z", severity: "critical" },
      { id: "d", type: "t", meterId: "other", at: "2026-12-02T11:00:00Z", severity: "critical" },
      "junk",
    ];
    expect(householdEvents(items, new Set(["m1"])).map((e) => e.id)).toEqual(["c", "b", "a"]);
    expect(householdEvents(items, new Set()).map((e) => e.id)).toEqual(["d", "c", "b", "a"]);
  });

  it("shortens details to 160 characters", () => {
    const e = toEvent({ id: "x", type: "t", details: { text: "y".repeat(300) } })!;
    expect(detailsText(e)).toHaveLength(160);
    expect(detailsText(toEvent({ id: "x", type: "t" })!)).toBe("");
  });

  it("reads rules as a list or { rules }", () => {
    expect(rulesOf([{ id: 1 }])).toEqual([{ id: 1 }]);
    expect(rulesOf({ rules: [{ id: 2 }] })).toEqual([{ id: 2 }]);
    expect(rulesOf({ other: 1 })).toEqual([]);
  });

  it("makes a power rule in the events module's shape", () => {
    // 1.25 kW = 1250 W; 1_700_000_000_000 in base 36 is "loyw3v28"
    expect(powerRule("KFM 1", 1.25, 30, "warning", 1_700_000_000_000)).toEqual({
      id: "powerAbove-KFM_1-loyw3v28",
      kind: "powerAbove",
      meterId: "KFM 1",
      thresholdW: 1250,
      forSeconds: 30,
      severity: "warning",
    });
    expect(powerRule("m".repeat(80), 1, 0, "info", 0).id).toHaveLength(64);
  });
});
