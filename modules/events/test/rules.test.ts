import { Event } from "@omdp/model";
import { describe, expect, it } from "vitest";
import { DEFAULT_RULES, DesiredConfig } from "../src/config";
import { engine, power, quarter } from "./helpers";

const T0 = Date.parse("2026-05-04T12:00:00Z");
const sec = (s: number) => T0 + s * 1000;
const types = (evs: { type: string }[]) => evs.map((e) => e.type);

describe("power above a threshold for a duration", () => {
  const rule = { id: "high", kind: "powerAbove", thresholdW: 3000, forSeconds: 60, clearForSeconds: 30 };

  it("fires exactly once the condition held 60 s, not again while it holds, resolves below 90 %", () => {
    const e = engine([rule]);
    const fired: string[][] = [];
    const feed = (s: number, w: number) => fired.push(types(e.reading(power("m1", sec(s), w))));
    feed(0, 3500); // starts pending
    feed(30, 3600);
    feed(59, 3700); // 59 s: not yet
    feed(60, 3700); // 60 s: fire
    feed(90, 4000); // holds: nothing
    feed(120, 2800); // 2800 is between 2700 and 3000: nothing, no flap
    feed(150, 3100); // above again: still the same alert
    feed(180, 2600); // below 2700: clearing starts
    feed(209, 2600); // 29 s: not yet
    feed(210, 2600); // 30 s: resolved
    feed(240, 2600);
    expect(fired).toEqual([
      [],
      [],
      [],
      ["threshold.power.exceeded"],
      [],
      [],
      [],
      [],
      [],
      ["threshold.power.normal"],
      [],
    ]);
  });

  it("makes a valid Event with a deterministic id and an active alert until resolved", () => {
    const e = engine([{ ...rule, severity: "critical" }]);
    e.reading(power("m1", sec(0), 3500));
    const [ev] = e.reading(power("m1", sec(60), 3500));
    expect(Event.parse(ev)).toEqual(ev);
    expect(ev).toMatchObject({
      id: "high|m1|threshold.power.exceeded|2026-05-04T12:01:00.000Z",
      severity: "critical",
      meterId: "m1",
      at: "2026-05-04T12:01:00.000Z",
      details: { ruleId: "high", valueW: 3500, thresholdW: 3000 },
    });
    expect(Object.values(e.state.active).map((a) => a.eventId)).toEqual([ev!.id]);
    expect(e.ack(ev!.id)).toBe(true);
    expect(Object.values(e.state.active)[0]!.acked).toBe(true);
  });

  it("a spike shorter than the duration never fires; other meters are independent", () => {
    const e = engine([rule]);
    const all = [
      ...e.reading(power("m1", sec(0), 5000)),
      ...e.reading(power("m1", sec(50), 100)),
      ...e.reading(power("m1", sec(100), 5000)),
      ...e.reading(power("m2", sec(0), 5000)),
      ...e.reading(power("m2", sec(60), 5000)),
    ];
    expect(all.map((x) => x.meterId)).toEqual(["m2"]);
  });

  it("ignores repeated and older readings (no duplicate events on replay)", () => {
    const e = engine([rule]);
    e.reading(power("m1", sec(0), 3500));
    expect(types(e.reading(power("m1", sec(60), 3500)))).toEqual(["threshold.power.exceeded"]);
    expect(e.reading(power("m1", sec(60), 3500))).toEqual([]);
    expect(e.reading(power("m1", sec(10), 100))).toEqual([]);
    expect(e.state.outbox).toHaveLength(1);
  });
});

describe("power below a threshold", () => {
  it("fires when below for the duration and resolves above 110 %", () => {
    const e = engine([{ id: "low", kind: "powerBelow", thresholdW: 100, forSeconds: 0, clearForSeconds: 0 }]);
    expect(types(e.reading(power("m1", sec(0), 90)))).toEqual(["threshold.power.below"]);
    expect(types(e.reading(power("m1", sec(1), 105)))).toEqual([]); // inside the band (100..110)
    expect(types(e.reading(power("m1", sec(2), 50)))).toEqual([]);
    expect(types(e.reading(power("m1", sec(3), 111)))).toEqual(["threshold.power.normal"]);
  });
});

describe("export started / stopped", () => {
  it("starts above 50 W for 60 s and stops below 10 W for 60 s", () => {
    const e = engine([{ id: "export", kind: "export" }]);
    const out = [
      e.reading(power("pv", sec(0), 0, 800)),
      e.reading(power("pv", sec(60), 0, 900)),
      e.reading(power("pv", sec(120), 0, 30)), // between stop and start: still exporting
      e.reading(power("pv", sec(180), 400, 0)), // stop pending
      e.reading(power("pv", sec(240), 400, 0)), // stopped
      e.reading(power("pv", sec(300), 400)), // a meter sending only P+ means no export
    ].map(types);
    expect(out).toEqual([[], ["export.started"], [], [], ["export.stopped"], []]);
    expect(e.state.outbox.map((x) => x.severity)).toEqual(["info", "info"]);
  });
});

describe("meter silent for N minutes", () => {
  it("goes offline once after N minutes of silence and online with the next reading", () => {
    const e = engine([{ id: "silent", kind: "meterSilent", minutes: 15 }]);
    e.reading(power("m1", sec(0), 100));
    expect(e.tick(sec(15 * 60 - 1))).toEqual([]);
    const off = e.tick(sec(15 * 60));
    expect(off.map((x) => [x.type, x.at])).toEqual([["meter.offline", "2026-05-04T12:15:00.000Z"]]);
    expect(e.tick(sec(40 * 60))).toEqual([]); // still silent: not again
    expect(types(e.reading(power("m1", sec(41 * 60), 100)))).toEqual(["meter.online"]);
    expect(e.state.outbox[1]!.details.resolves).toBe(off[0]!.id);
    expect(e.tick(sec(50 * 60))).toEqual([]);
    expect(types(e.tick(sec(56 * 60)))).toEqual(["meter.offline"]);
  });
});

describe("daily energy above a budget", () => {
  it("fires once when the local day's import passes the budget, counting each interval once, again next day", () => {
    const e = engine([{ id: "budget", kind: "dailyEnergyAbove", budgetWh: 1000 }]);
    const day1 = Date.parse("2026-05-03T22:00:00Z"); // 2026-05-04 00:00 in Vienna (UTC+2)
    const out: string[][] = [];
    for (let q = 0; q < 4; q++) out.push(types(e.interval(quarter("m1", day1 + q * 900_000, 300))));
    out.push(types(e.interval(quarter("m1", day1 + 3 * 900_000, 300)))); // a resent interval: not counted
    out.push(types(e.interval(quarter("m1", day1 + 4 * 900_000, 300))));
    expect(out).toEqual([[], [], [], ["threshold.energy.exceeded"], [], []]);
    expect(e.state.outbox[0]!.details).toMatchObject({
      date: "2026-05-04",
      importedWh: 1200,
      budgetWh: 1000,
    });
    const day2 = day1 + 86_400_000;
    expect(types(e.interval(quarter("m1", day2, 900)))).toEqual([]);
    expect(types(e.interval(quarter("m1", day2 + 900_000, 200)))).toEqual(["threshold.energy.exceeded"]);
  });
});

describe("base-load jump against the last 14 nights", () => {
  /** One night (00:00-05:00 Vienna) at `w` watts, closed by a 05:00 interval. */
  function night(e: ReturnType<typeof engine>, dayIndex: number, w: number) {
    const midnight = Date.parse("2026-05-01T22:00:00Z") + dayIndex * 86_400_000;
    const made = [];
    for (let q = 0; q < 20; q++) made.push(...e.interval(quarter("m1", midnight + q * 900_000, w / 4)));
    made.push(...e.interval(quarter("m1", midnight + 20 * 900_000, 1000)));
    return made;
  }

  it("needs minDays of history, fires once on a jump, stays quiet while high, resolves when back", () => {
    const e = engine([{ id: "base", kind: "baseLoadJump", percent: 50, minDeltaW: 50, minDays: 7 }]);
    const out: string[][] = [];
    for (let d = 0; d < 3; d++) out.push(types(night(e, d, 150))); // 3 nights of history
    out.push(types(night(e, 3, 600))); // a jump, but only 3 nights known: not judged
    for (let d = 4; d < 8; d++) out.push(types(night(e, d, 150)));
    out.push(types(night(e, 8, 400))); // median 150, 400 > 225 and +250 W: fires
    out.push(types(night(e, 9, 420))); // still high: quiet
    out.push(types(night(e, 10, 160))); // back below 150 x 1.25: resolved
    expect(out).toEqual([
      [],
      [],
      [],
      [],
      [],
      [],
      [],
      [],
      ["anomaly.baseload"],
      [],
      ["anomaly.baseload.resolved"],
    ]);
    expect(e.state.outbox[0]!.details).toMatchObject({
      date: "2026-05-10",
      baseLoadW: 400,
      referenceW: 150,
      nights: 8,
    });
  });

  it("ignores partial intervals (a gap would fake a zero base load)", () => {
    const e = engine([{ id: "base", kind: "baseLoadJump", minDays: 1 }]);
    const midnight = Date.parse("2026-05-01T22:00:00Z");
    e.interval(quarter("m1", midnight, 50));
    e.interval(quarter("m1", midnight + 900_000, 0, "partial"));
    e.interval(quarter("m1", midnight + 20 * 900_000, 500));
    expect(e.state.nights["base|m1"]!.history).toEqual([{ date: "2026-05-02", minW: 200 }]);
  });
});

const ZERO_COUNTERS = {
  framesOk: 0,
  checksumErrors: 0,
  lengthErrors: 0,
  decryptFailures: 0,
  decodeErrors: 0,
  resyncs: 0,
  bytesSkipped: 0,
  timeouts: 0,
  reconnects: 0,
  readings: 0,
};

describe("reader errors from diagnostics", () => {
  const diag = (at: number, decryptFailures: number, checksumErrors = 0) => ({
    kind: "diagnostics" as const,
    at: new Date(at).toISOString(),
    gatewayId: "gw1",
    counters: { ...ZERO_COUNTERS, framesOk: 10, decryptFailures, checksumErrors },
    meters: {},
    recordErrors: {},
    link: { target: "tcp://gw1", connected: true },
    lastError: { code: "decrypt", message: "tag mismatch", meterId: "KFM001" },
  });

  it("fires once on decrypt failures, not again while they continue, resolves after a quiet window", () => {
    const e = engine([
      {
        id: "dec",
        kind: "readerErrors",
        counter: "decryptFailures",
        windowMinutes: 15,
        severity: "critical",
      },
    ]);
    expect(types(e.diagnostics(diag(sec(0), 0)))).toEqual([]);
    const [ev] = e.diagnostics(diag(sec(60), 2));
    expect(ev).toMatchObject({ type: "meter.decrypt.failed", meterId: "KFM001", severity: "critical" });
    expect(e.diagnostics(diag(sec(120), 5))).toEqual([]);
    expect(e.tick(sec(120 + 15 * 60 - 1))).toEqual([]);
    const rec = e.tick(sec(120 + 15 * 60));
    expect(rec.map((x) => [x.type, x.at])).toEqual([["meter.decrypt.recovered", "2026-05-04T12:17:00.000Z"]]);
    // A reader restart (counter back to 0 and growing again) is new growth.
    expect(types(e.diagnostics(diag(sec(3000), 1)))).toEqual(["meter.decrypt.failed"]);
  });

  it("needs the threshold within the window for checksum errors", () => {
    const e = engine([
      { id: "crc", kind: "readerErrors", counter: "checksumErrors", threshold: 10, windowMinutes: 5 },
    ]);
    e.diagnostics(diag(sec(0), 0, 0));
    expect(e.diagnostics(diag(sec(60), 0, 6))).toEqual([]);
    expect(e.diagnostics(diag(sec(400), 0, 10))).toEqual([]); // the first 6 fell out of the 5-minute window
    expect(types(e.diagnostics(diag(sec(420), 0, 16)))).toEqual(["reader.checksum.failed"]);
  });
});

describe("configuration", () => {
  it("defaults: sensible rules, MQTT disabled", () => {
    const c = DesiredConfig.parse({});
    expect(c.rules).toEqual(DEFAULT_RULES);
    expect(c.rules.map((r) => r.kind)).toEqual([
      "meterSilent",
      "readerErrors",
      "readerErrors",
      "baseLoadJump",
      "export",
      "capacityPeak",
      "waterLeak",
      "frost",
      "meterStatus",
      "meterStatus",
      "meterStatus",
    ]);
    expect(c.mqtt).toMatchObject({
      enabled: false,
      baseTopic: "omdp",
      discoveryPrefix: "homeassistant",
      nodeId: "omdp",
    });
  });

  it("refuses duplicate rule ids and unknown kinds", () => {
    expect(
      DesiredConfig.safeParse({
        rules: [
          { id: "a", kind: "meterSilent" },
          { id: "a", kind: "export" },
        ],
      }).success,
    ).toBe(false);
    expect(DesiredConfig.safeParse({ rules: [{ id: "a", kind: "weather" }] }).success).toBe(false);
  });
});

describe("event types", () => {
  it("every type a rule can make is valid for the Event schema", async () => {
    const { READER_EVENT_TYPES, RULE_EVENT_TYPES, RULE_NOTICE_TYPES, STATUS_EVENT_TYPES } = await import(
      "../src/event-types"
    );
    const all = [
      ...[
        ...Object.values(RULE_EVENT_TYPES),
        ...Object.values(READER_EVENT_TYPES),
        ...Object.values(STATUS_EVENT_TYPES),
      ].flatMap((p) => (p.resolve ? [p.fire, p.resolve] : [p.fire])),
      ...Object.values(RULE_NOTICE_TYPES),
    ];
    // 10 rule kinds (8 with a resolve type) + 4 reader counters x 2 + 3 status flags x 2
    // + the capacity rule's new peak
    expect(all.length).toBe(10 + 8 + 8 + 6 + 1);
    for (const type of all) {
      expect(
        Event.safeParse({
          schemaVersion: 1,
          id: "x",
          type,
          severity: "info",
          meterId: "m",
          at: "2026-01-01T00:00:00Z",
        }).success,
      ).toBe(true);
    }
  });

  it("base load ignores intervals longer than an hour", () => {
    const e = engine([{ id: "base", kind: "baseLoadJump", minDays: 1 }]);
    const day = {
      ...quarter("m1", Date.parse("2026-05-01T22:00:00Z"), 9000),
      intervalEnd: "2026-05-02T22:00:00.000Z",
      resolution: "P1D" as const,
    };
    e.interval(day);
    expect(e.state.nights["base|m1"]).toBeUndefined();
  });
});
