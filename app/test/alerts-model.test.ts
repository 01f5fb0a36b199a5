import { describe, expect, it } from "vitest";
import {
  capacityBanner,
  detailsText,
  eventSummary,
  householdEvents,
  powerRule,
  rulesOf,
  toEvent,
} from "../src/views/alerts-model";

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

  // Details as packages/model/src/capacity-events.ts defines them (the Flanders capacity tariff of
  // issue 15: floor 2.5 kW); Europe/Brussels is UTC+1 in December, so 13:45Z is 14:45 local.
  const warning = toEvent({
    id: "w1",
    type: "capacity.peak.warning",
    severity: "warning",
    meterId: "m1",
    at: "2026-12-02T13:52:00Z",
    details: {
      ruleId: "capacity-peak",
      householdId: "hh",
      month: "2026-12",
      quarterStart: "2026-12-02T13:45:00Z",
      monthPeakKw: 3.2,
      floorKw: 2.5,
      currency: "EUR",
      costIncrease: 0.53,
      projectedKw: 4.1,
      minutesLeft: 8,
      quarterEnergyWh: 480,
      maxPowerKw: 2.4,
    },
  })!;

  it("says a capacity peak warning's projected and current peaks and its quarter hour", () => {
    const s = eventSummary(warning, "Europe/Brussels");
    expect(s.kind).toBe("capacity");
    expect(s.headline).toBe("Capacity peak warning: 4.10 kW projected in the quarter from 14:45");
    expect(s.facts).toEqual([
      ["Projected peak", "4.10 kW"],
      ["Month's peak so far", "3.20 kW"],
      ["Quarter hour from", "2 Dec 2026, 14:45:00"],
      ["Minutes left", "8.0"],
      ["Stay below", "2.40 kW"],
      ["Adds to the capacity charge", "€0.53"],
    ]);
  });

  it("says a new monthly peak, and water leak and status events, in words", () => {
    const set = toEvent({
      id: "s1",
      type: "capacity.peak.set",
      at: "2026-12-02T14:00:05Z",
      details: { quarterStart: "2026-12-02T13:45:00Z", peakKw: 4.05, monthPeakKw: 3.2 },
    })!;
    expect(eventSummary(set, "Europe/Brussels").headline).toBe(
      "New monthly capacity peak: 4.05 kW in the quarter from 14:45",
    );
    const leak = toEvent({
      id: "l1",
      type: "water.leak",
      details: { flowM3h: 0.012, thresholdM3h: 0.005, since: "2026-12-01T09:00:00Z", hours: 24 },
    })!;
    const s = eventSummary(leak, "Europe/Vienna");
    expect(s.headline).toBe("Possible water leak: water has flowed for 24 h without a break");
    expect(s.facts).toContainEqual(["Since", "1 Dec 2026, 10:00:00"]); // Vienna UTC+1 in December
    const battery = toEvent({ id: "b1", type: "battery.low", details: { status: 4, flag: "batteryLow" } })!;
    expect(eventSummary(battery, "UTC")).toEqual({
      kind: "media",
      headline: "Meter battery low",
      facts: [["Status byte", "0x04"]],
    });
    expect(eventSummary(toEvent({ id: "o", type: "meter.offline" })!, "UTC").kind).toBe("other");
  });

  it("puts the newest capacity warning above the list, active while its quarter hour runs", () => {
    const other = toEvent({ id: "x", type: "meter.offline", at: "2026-12-02T13:59:00Z" })!;
    const rows = [other, warning];
    // the quarter 13:45-14:00Z runs at 13:59:59Z and is over at 14:00:00Z
    expect(capacityBanner(rows, Date.parse("2026-12-02T13:59:59Z"))).toEqual({
      event: warning,
      active: true,
    });
    expect(capacityBanner(rows, Date.parse("2026-12-02T14:00:00Z"))?.active).toBe(false);
    expect(capacityBanner([other], 0)).toBeNull();
  });
});
