/**
 * Water leak, frost and status-byte rules, fed readings built by hand. Times are whole hours or minutes
 * after T0 and values are chosen so that each expected event can be read off the feed.
 * Status bytes per EN 13757-7:2018 clause 7.5.6 (bits 0-1 application status, 2 power low,
 * 3 permanent error, 4 temporary error, 5-7 manufacturer specific).
 */
import { Event, type MeterReading } from "@omdp/model";
import { describe, expect, it } from "vitest";
import { Rule } from "../src/config";
import { statusFlagSet } from "../src/status-byte";
import { engine } from "./helpers";

const T0 = Date.parse("2026-01-10T00:00:00Z");
const MIN = 60_000;
const HOUR = 60 * MIN;
const types = (evs: { type: string }[]) => evs.map((e) => e.type);

function reading(meterId: string, atMs: number, values: Record<string, number>): MeterReading {
  const iso = new Date(atMs).toISOString();
  return {
    schemaVersion: 1,
    meterId,
    readingTime: iso,
    receivedAt: iso,
    source: { protocol: "wmbus", transport: "serial", gatewayId: "gw" },
    values: Object.entries(values).map(([property, value]) => ({ property, value, unit: "" })),
  };
}

const coldFlow = (m: string, at: number, m3h: number) => reading(m, at, { "8-0:2.0.0": m3h });

describe("water leak: flow without a break for N hours", () => {
  const rule = { id: "leak", kind: "waterLeak", forHours: 6, clearForMinutes: 60 };

  it("fires once 6 h of uninterrupted flow have passed, tells since when, resolves after 1 h of no flow", () => {
    const e = engine([rule]);
    const out: string[][] = [];
    // a dripping tap: 0.002 m3/h (2 l/h) every hour from 00:00; a reading at 05:59 is not yet 6 h
    for (const at of [0, 1, 2, 3, 4, 5].map((h) => T0 + h * HOUR))
      out.push(types(e.reading(coldFlow("w1", at, 0.002))));
    out.push(types(e.reading(coldFlow("w1", T0 + 5 * HOUR + 59 * MIN, 0.002))));
    const fired = e.reading(coldFlow("w1", T0 + 6 * HOUR, 0.002)); // 6 h after 00:00
    out.push(types(fired));
    out.push(types(e.reading(coldFlow("w1", T0 + 7 * HOUR, 0.003)))); // still flowing: nothing new
    out.push(types(e.reading(coldFlow("w1", T0 + 8 * HOUR, 0)))); // stand-still starts: clearing
    out.push(types(e.reading(coldFlow("w1", T0 + 8 * HOUR + 59 * MIN, 0)))); // 59 min: not yet
    out.push(types(e.reading(coldFlow("w1", T0 + 9 * HOUR, 0)))); // 60 min of stand-still: resolved
    expect(out).toEqual([[], [], [], [], [], [], [], ["water.leak"], [], [], [], ["water.leak.stopped"]]);
    const ev = fired[0]!;
    expect(Event.parse(ev)).toEqual(ev);
    expect(ev).toMatchObject({
      id: "leak|w1|water.leak|2026-01-10T06:00:00.000Z",
      severity: "warning",
      details: {
        ruleId: "leak",
        flowM3h: 0.002,
        thresholdM3h: 0,
        hours: 6,
        since: "2026-01-10T00:00:00.000Z",
      },
    });
  });

  it("one reading without flow is a break: the 6 h start again after it", () => {
    const e = engine([rule]);
    const made: string[] = [];
    const feed = (h: number, m3h: number) =>
      made.push(...types(e.reading(coldFlow("w1", T0 + h * HOUR, m3h))));
    for (const h of [0, 1, 2, 3, 4]) feed(h, 0.5); // showers and washing, 5 h
    feed(5, 0); // the break
    for (const h of [6, 7, 8, 9, 10]) feed(h, 0.5); // 06:00 to 10:00: 4 h of flow again
    expect(made).toEqual([]);
    feed(12, 0.5); // 12:00 is 6 h after 06:00
    expect(made).toEqual(["water.leak"]);
  });

  it("takes the larger of cold and hot flow, ignores electricity meters", () => {
    const e = engine([{ ...rule, thresholdM3h: 0.01 }]);
    const made: string[] = [];
    for (const h of [0, 3, 6]) {
      // cold at the threshold (not above), hot above it: the hot water flows
      made.push(
        ...types(e.reading(reading("w2", T0 + h * HOUR, { "8-0:2.0.0": 0.01, "9-0:2.0.0": 0.02 }))),
        ...types(e.reading(reading("e1", T0 + h * HOUR, { "1-0:1.7.0": 500 }))),
        ...types(e.reading(reading("v1", T0 + h * HOUR, { "8-0:1.0.0": 12.5 + h }))),
      );
    }
    expect(made).toEqual(["water.leak"]);
  });
});

describe("water leak of a meter that sends only its volume", () => {
  const rule = { id: "leak", kind: "waterLeak", forHours: 6, clearForMinutes: 60 };
  const volume = (at: number, m3: number) => reading("v1", at, { "8-0:1.0.0": m3 });

  it("leaks while the volume rises within every hour; an hour's stand-still ends it", () => {
    const e = engine([rule]);
    const made: [number, string][] = [];
    // a reading every 20 min; one more litre at every other reading (20, 60, 100, ... min), 0-380 min
    for (let k = 0; k <= 19; k++)
      for (const ev of e.reading(volume(T0 + k * 20 * MIN, 100 + Math.floor((k + 1) / 2) / 1000)))
        made.push([k * 20, ev.type]);
    // first rise at 20 min: 6 h later, at 380 min, it fires
    expect(made).toEqual([[380, "water.leak"]]);
    const fired = e.state.outbox.find((x) => x.type === "water.leak")!;
    expect(fired.details).toMatchObject({ since: "2026-01-10T00:20:00.000Z", volumeM3: 100.01, hours: 6 });
    // the volume stands still from 380 min on: at 440 min it has not risen for 60 min
    for (const k of [20, 21, 22])
      for (const ev of e.reading(volume(T0 + k * 20 * MIN, 100.01))) made.push([k * 20, ev.type]);
    expect(made).toEqual([
      [380, "water.leak"],
      [440, "water.leak.stopped"],
    ]);
  });

  it("an hour without a rise is a break; a lower volume (a new meter) is no rise", () => {
    const e = engine([rule]);
    const made: string[] = [];
    const feed = (min: number, m3: number) => made.push(...types(e.reading(volume(T0 + min * MIN, m3))));
    feed(0, 10);
    feed(30, 10.001); // rises: the run starts at 00:30
    feed(90, 10.001); // 60 min without a rise: the break
    for (let k = 0; k < 10; k++) feed(120 + k * 30, 10.002 + k / 1000); // rises every 30 min from 02:00
    expect(made).toEqual([]); // 02:00 to 06:30 is 4.5 h
    feed(480, 0.5); // replaced meter: lower, no rise (06:30 was the last)
    feed(500, 0.5); // 70 min after the last rise: stand-still
    feed(510, 0.501);
    expect(made).toEqual([]);
  });
});

describe("frost", () => {
  const rule = { id: "frost", kind: "frost", thresholdC: 3, clearForSeconds: 600 };
  const temps = (at: number, flowC: number, returnC: number) =>
    reading("h1", at, { "6-0:10.0.0": flowC, "6-0:11.0.0": returnC });

  it("fires at the threshold (the lower of flow and return), clears above threshold + 2 held 10 min", () => {
    const e = engine([rule]);
    const out = [
      e.reading(temps(T0, 8, 4)), // 4 > 3: nothing
      e.reading(temps(T0 + 5 * MIN, 7, 3)), // return 3 is at the threshold: fires
      e.reading(temps(T0 + 10 * MIN, 6, 4.5)), // 4.5 is not above 5: stays
      e.reading(temps(T0 + 15 * MIN, 9, 5.5)), // above 5: clearing starts
      e.reading(temps(T0 + 24 * MIN, 9, 6)), // 9 min: not yet
      e.reading(temps(T0 + 25 * MIN, 9, 6)), // 10 min: cleared
    ].map(types);
    expect(out).toEqual([[], ["temperature.frost"], [], [], [], ["temperature.frost.cleared"]]);
    const fired = e.state.outbox.find((x) => x.type === "temperature.frost")!;
    expect(fired.details).toMatchObject({ temperatureC: 3, property: "6-0:11.0.0" }); // the return
  });

  it("reports the temperature and threshold; a configured property is watched instead", () => {
    const e = engine([{ ...rule, properties: ["6-0:10.0.0"], thresholdC: 0 }]);
    expect(e.reading(temps(T0, 1, -2))).toEqual([]); // return ignored, flow 1 > 0
    const [ev] = e.reading(temps(T0 + MIN, -0.5, -2));
    expect(ev).toMatchObject({
      type: "temperature.frost",
      details: { temperatureC: -0.5, thresholdC: 0, property: "6-0:10.0.0" },
    });
  });
});

describe("status byte flags (error register 0-0:97.97.0)", () => {
  it("decodes each flag from its bits (EN 13757-7 clause 7.5.6)", () => {
    // 0x04 power low; 0x08 permanent error; 0x10 temporary error; 0x02 application error;
    // 0x03 abnormal condition/alarm; 0x01 busy (no fault); 0xE0 manufacturer bits only
    const table: [number, boolean, boolean, boolean][] = [
      // status, batteryLow, error, alarm
      [0x00, false, false, false],
      [0x01, false, false, false],
      [0x02, false, true, false],
      [0x03, false, false, true],
      [0x04, true, false, false],
      [0x08, false, true, false],
      [0x10, false, true, false],
      [0x1f, true, true, true],
      [0xe0, false, false, false],
    ];
    for (const [s, battery, error, alarm] of table) {
      expect([
        s,
        statusFlagSet(s, "batteryLow"),
        statusFlagSet(s, "error"),
        statusFlagSet(s, "alarm"),
      ]).toEqual([s, battery, error, alarm]);
    }
  });

  it("battery low fires when bit 2 is set and resolves after it stayed clear for an hour", () => {
    const e = engine([{ id: "bat", kind: "meterStatus", flag: "batteryLow" }]);
    const st = (min: number, s: number) =>
      types(e.reading(reading("w1", T0 + min * MIN, { "0-0:97.97.0": s })));
    const out = [st(0, 0x00), st(10, 0x04), st(20, 0x04), st(30, 0x00), st(89, 0x00), st(90, 0x00)];
    expect(out).toEqual([[], ["battery.low"], [], [], [], ["battery.ok"]]);
  });

  it("error and alarm are separate alerts of the same byte; a flag back within the hour keeps the alert", () => {
    const e = engine([
      { id: "err", kind: "meterStatus", flag: "error" },
      { id: "alarm", kind: "meterStatus", flag: "alarm" },
    ]);
    const st = (min: number, s: number) =>
      types(e.reading(reading("w1", T0 + min * MIN, { "0-0:97.97.0": s })));
    expect(st(0, 0x13)).toEqual(["meter.error", "meter.alarm"]); // temporary error + abnormal condition
    expect(st(30, 0x00)).toEqual([]); // both clearing
    expect(st(45, 0x10)).toEqual([]); // temporary error again within the hour: still the same alert
    // 01:30: the alarm bits have been clear for 60 min since 00:30; the error came back at 00:45
    expect(st(90, 0x10)).toEqual(["meter.alarm.cleared"]);
    expect(st(100, 0x00)).toEqual([]); // error clearing from 01:40
    expect(st(159, 0x00)).toEqual([]); // 59 min
    expect(st(160, 0x00)).toEqual(["meter.error.cleared"]); // 60 min
  });

  it("tamper fires on the manufacturer bits of its mask only, with severity critical", () => {
    const e = engine([{ id: "magnet", kind: "meterTamper", mask: 0x20 }]);
    const st = (min: number, s: number) => e.reading(reading("w1", T0 + min * MIN, { "0-0:97.97.0": s }));
    expect(st(0, 0x40)).toEqual([]); // another manufacturer bit
    expect(st(0, 0x1f)).toEqual([]); // repeated time: nothing new either way
    const [ev] = st(1, 0x24); // bit 5 (and power low)
    expect(ev).toMatchObject({
      id: "magnet|w1|meter.tamper|2026-01-10T00:01:00.000Z",
      type: "meter.tamper",
      severity: "critical",
      details: { status: 0x24, mask: 0x20 },
    });
  });

  it("a tamper mask outside bits 5-7 is refused", () => {
    expect(Rule.safeParse({ id: "t", kind: "meterTamper", mask: 0x04 }).success).toBe(false);
    expect(Rule.safeParse({ id: "t", kind: "meterTamper", mask: 0x30 }).success).toBe(false);
    expect(Rule.safeParse({ id: "t", kind: "meterTamper", mask: 0xa0 }).success).toBe(true);
  });

  it("a value that is no status byte is ignored", () => {
    const e = engine([{ id: "bat", kind: "meterStatus", flag: "batteryLow", clearForSeconds: 0 }]);
    expect(e.reading(reading("w1", T0, { "0-0:97.97.0": 4.5 }))).toEqual([]);
    expect(e.reading(reading("w1", T0 + MIN, { "0-0:97.97.0": 260 }))).toEqual([]);
  });
});
