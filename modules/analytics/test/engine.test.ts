import type { IntervalRecord } from "@omdp/model";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type EngineSettings, ingest, newTrack, tick } from "../src/engine";
import { LATER, type ReadingSpec, reading, settings } from "./helpers";

/** Hand-made cases use few readings: a gap only where a test says so (maxGap 1 h). */
const sparse = (over: Partial<EngineSettings> = {}) => settings({ maxGapMs: 3_600_000, ...over });

function run(specs: ReadingSpec[], s: EngineSettings = sparse(), meterId = "m1") {
  const track = newTrack(meterId);
  const records: IntervalRecord[] = [];
  const outcomes: string[] = [];
  for (const r of specs) {
    const res = ingest(track, reading(meterId, r), LATER, s);
    outcomes.push(res.outcome);
    records.push(...res.closed.map((c) => c.record));
  }
  return { track, records, outcomes };
}

describe("interval energy from register deltas (hand-computed)", () => {
  it("closes 10:00-10:15 on the reading at 10:15, which is its last value at or before the end", () => {
    // Winter, Vienna = UTC+1: 10:00 local = 09:00Z.
    const { records, track } = run([
      { at: "2026-01-15T09:00:00Z", imp: 1000, exp: 0, pImp: 400 },
      { at: "2026-01-15T09:05:00Z", imp: 1010, exp: 0, pImp: 200 },
      { at: "2026-01-15T09:10:00Z", imp: 1025, exp: 0, pImp: 600 },
      { at: "2026-01-15T09:15:00Z", imp: 1040, exp: 0, pImp: 100 },
      { at: "2026-01-15T09:20:00Z", imp: 1050, exp: 0, pImp: 100 },
    ]);
    expect(records).toHaveLength(1);
    const r = records[0]!;
    expect(r.id).toBe("m1|PT15M|2026-01-15T09:00:00.000Z");
    expect(r.intervalEnd).toBe("2026-01-15T09:15:00.000Z");
    expect(r.energyImportedWh).toBe(40); // 1040 - 1000
    expect(r.energyExportedWh).toBe(0);
    expect(r.sampleCount).toBe(3); // 09:00, 09:05, 09:10 (the 09:15 sample opens the next interval)
    expect([r.powerMinW, r.powerAvgW, r.powerMaxW]).toEqual([200, 400, 600]);
    expect(r.registers).toEqual({ "1-0:1.8.0": 1040, "1-0:2.8.0": 0 });
    expect(r.quality).toBe("complete");
    expect(r.flags).toEqual([]);
    // The open interval 09:15-09:30 starts from the 09:15 value.
    expect(track.accums.PT15M!.baseImp).toBe(1040);
  });

  it("uses net power P+ - P- and counts export from A-", () => {
    const { records } = run([
      { at: "2026-06-01T10:00:00Z", imp: 500, exp: 2000, pImp: 0, pExp: 1200 },
      { at: "2026-06-01T10:07:00Z", imp: 500, exp: 2140, pImp: 0, pExp: 1000 },
      { at: "2026-06-01T10:15:00Z", imp: 503, exp: 2230, pImp: 300, pExp: 0 },
      { at: "2026-06-01T10:16:00Z", imp: 508, exp: 2230, pImp: 300, pExp: 0 },
    ]);
    const r = records[0]!;
    expect(r.energyImportedWh).toBe(3);
    expect(r.energyExportedWh).toBe(230);
    expect([r.powerMinW, r.powerAvgW, r.powerMaxW]).toEqual([-1200, -1100, -1000]);
  });

  it("marks the first interval noBaseline (partial) when the first reading is after its start", () => {
    const { records } = run([
      { at: "2026-01-15T09:05:00Z", imp: 1000 },
      { at: "2026-01-15T09:12:00Z", imp: 1030 },
      { at: "2026-01-15T09:16:00Z", imp: 1040 },
    ]);
    expect(records[0]!.energyImportedWh).toBe(30);
    expect(records[0]!.quality).toBe("partial");
    expect(records[0]!.flags).toEqual(["noBaseline"]);
  });

  it("a day of 23 h (2026-03-29, Vienna) holds 23 hourly readings and is flagged dst", () => {
    const specs: ReadingSpec[] = [];
    const start = Date.parse("2026-03-28T23:00:00Z");
    for (let h = 0; h <= 24; h++) {
      specs.push({ at: new Date(start + h * 3_600_000).toISOString(), imp: 10_000 + 100 * h });
    }
    const { records } = run(specs, sparse({ resolutions: ["P1D"] }));
    const day = records[0]!;
    expect(day.intervalStart).toBe("2026-03-28T23:00:00.000Z");
    expect(day.intervalEnd).toBe("2026-03-29T22:00:00.000Z");
    expect(day.sampleCount).toBe(23);
    expect(day.energyImportedWh).toBe(2300); // 23 h x 100 Wh
    expect(day.flags).toEqual(["dst"]);
    expect(day.quality).toBe("complete");
  });

  it("a day of 25 h (2026-10-25, Vienna) holds 25 hourly readings and is flagged dst", () => {
    const specs: ReadingSpec[] = [];
    const start = Date.parse("2026-10-24T22:00:00Z");
    for (let h = 0; h <= 26; h++) {
      specs.push({ at: new Date(start + h * 3_600_000).toISOString(), imp: 50_000 + 100 * h });
    }
    const { records } = run(specs, sparse({ resolutions: ["P1D"] }));
    const day = records[0]!;
    expect([day.intervalStart, day.intervalEnd]).toEqual([
      "2026-10-24T22:00:00.000Z",
      "2026-10-25T23:00:00.000Z",
    ]);
    expect(day.sampleCount).toBe(25);
    expect(day.energyImportedWh).toBe(2500);
    expect(day.flags).toEqual(["dst"]);
    // The next day (24 h) is not flagged.
    expect(records).toHaveLength(1);
  });

  it("gives the repeated local hour 02:00 of 2026-10-25 two PT1H records", () => {
    const specs: ReadingSpec[] = [];
    const start = Date.parse("2026-10-24T23:00:00Z"); // 01:00 CEST
    for (let m = 0; m <= 180; m += 30) {
      specs.push({ at: new Date(start + m * 60_000).toISOString(), imp: 1000 + m });
    }
    const { records } = run(specs, sparse({ resolutions: ["PT1H"] }));
    expect(records.map((r) => r.intervalStart)).toEqual([
      "2026-10-24T23:00:00.000Z", // 01:00 CEST
      "2026-10-25T00:00:00.000Z", // 02:00 CEST
      "2026-10-25T01:00:00.000Z", // 02:00 CET
    ]);
    expect(records.map((r) => r.energyImportedWh)).toEqual([60, 60, 60]);
    expect(records.every((r) => r.flags.length === 0)).toBe(true);
  });

  it("a gap: the delta lands in the interval of the next reading, the empty ones are marked", () => {
    const { records } = run(
      [
        { at: "2026-01-15T09:00:00Z", imp: 1000 },
        { at: "2026-01-15T09:05:00Z", imp: 1010 },
        { at: "2026-01-15T09:50:00Z", imp: 1100 },
        { at: "2026-01-15T10:00:00Z", imp: 1120 },
      ],
      settings(),
    ); // maxGap 5 min
    expect(
      records.map((r) => [r.intervalStart.slice(11, 16), r.energyImportedWh, r.sampleCount, r.quality]),
    ).toEqual([
      ["09:00", 10, 2, "partial"],
      ["09:15", 0, 0, "partial"],
      ["09:30", 0, 0, "partial"],
      ["09:45", 110, 1, "partial"], // 1120 (at 10:00, the end) - 1010
    ]);
    expect(records.every((r) => r.flags.includes("gap"))).toBe(true);
    expect(records.reduce((s, r) => s + r.energyImportedWh, 0)).toBe(120);
  });

  it("a register reset counts the new value and marks the interval estimated", () => {
    const { records } = run([
      { at: "2026-01-15T09:00:00Z", imp: 5000 },
      { at: "2026-01-15T09:05:00Z", imp: 5010 },
      { at: "2026-01-15T09:10:00Z", imp: 3 },
      { at: "2026-01-15T09:15:00Z", imp: 8 },
      { at: "2026-01-15T09:20:00Z", imp: 20 },
      { at: "2026-01-15T09:30:00Z", imp: 30 },
    ]);
    expect(records[0]!.energyImportedWh).toBe(18); // 10 + 3 (reset, counted from 0) + 5
    expect(records[0]!.flags).toEqual(["reset"]);
    expect(records[0]!.quality).toBe("estimated");
    expect(records[0]!.registers["1-0:1.8.0"]).toBe(8); // raw register at the end
    expect(records[1]!.energyImportedWh).toBe(22);
    expect(records[1]!.quality).toBe("complete");
  });

  it("a meter replacement (implausible jump either way) counts nothing for the step", () => {
    const { records } = run([
      { at: "2026-01-15T09:00:00Z", imp: 5000 },
      { at: "2026-01-15T09:05:00Z", imp: 5010 },
      { at: "2026-01-15T09:10:00Z", imp: 250_000 }, // +244990 Wh in 5 min = 2.9 MW: not energy
      { at: "2026-01-15T09:14:00Z", imp: 250_004 },
      { at: "2026-01-15T09:20:00Z", imp: 40_000 }, // falls to a value no reset explains
      { at: "2026-01-15T09:25:00Z", imp: 40_007 },
      { at: "2026-01-15T09:30:00Z", imp: 40_010 },
    ]);
    expect(records[0]!.energyImportedWh).toBe(14); // 10 + 0 + 4
    expect(records[0]!.flags).toEqual(["meterReplaced"]);
    expect(records[1]!.energyImportedWh).toBe(10); // 0 + 7 + 3
    expect(records[1]!.quality).toBe("estimated");
  });

  it("drops a duplicate, keeps an out-of-order sample for power only, refuses a late reading", () => {
    const { records, outcomes } = run([
      { at: "2026-01-15T09:00:00Z", imp: 1000, pImp: 100 },
      { at: "2026-01-15T09:10:00Z", imp: 1020, pImp: 300 },
      { at: "2026-01-15T09:10:00Z", imp: 1020, pImp: 300 }, // redelivered: dropped, not flagged
      { at: "2026-01-15T09:10:00Z", imp: 1021, pImp: 350 }, // same time, other values: flagged duplicate
      { at: "2026-01-15T09:05:00Z", imp: 1010, pImp: 900 }, // out of order, same interval
      { at: "2026-01-15T09:16:00Z", imp: 1040, pImp: 100 },
      { at: "2026-01-15T09:14:00Z", imp: 1030, pImp: 5000 }, // late: its interval is closed
      { at: "2026-01-15T09:31:00Z", imp: 1060, pImp: 100 },
    ]);
    expect(outcomes).toEqual([
      "accepted",
      "accepted",
      "duplicate",
      "duplicate",
      "outOfOrder",
      "accepted",
      "late",
      "accepted",
    ]);
    const [first, second] = records;
    expect(first!.energyImportedWh).toBe(20); // 1020 (09:10) - 1000; the 09:05 register is not used
    expect(first!.sampleCount).toBe(3);
    expect(first!.powerMaxW).toBe(900);
    expect(first!.flags).toEqual(["duplicate", "outOfOrder"]);
    expect(first!.quality).toBe("complete");
    expect(second!.energyImportedWh).toBe(20); // 1040 (09:16) - 1020: the late 09:14 value changes nothing
    expect(second!.powerMaxW).toBe(100);
    expect(second!.flags).toEqual(["late"]);
  });

  it("a track saved before fingerprints were kept still drops a repeated time (flagged: values unknown)", () => {
    const s = sparse();
    const track = newTrack("m1");
    ingest(track, reading("m1", { at: "2026-01-15T09:00:00Z", imp: 1000 }), LATER, s);
    ingest(track, reading("m1", { at: "2026-01-15T09:05:00Z", imp: 1010 }), LATER, s);
    const old = JSON.parse(JSON.stringify(track)) as typeof track;
    delete old.recentPrints;
    const again = ingest(old, reading("m1", { at: "2026-01-15T09:00:00Z", imp: 1000 }), LATER, s);
    expect(again.outcome).toBe("duplicate");
    expect(old.accums.PT15M!.flags).toEqual(["duplicate"]);
    expect(old.accums.PT15M!.samples).toBe(2);
    ingest(old, reading("m1", { at: "2026-01-15T09:10:00Z", imp: 1020 }), LATER, s);
    expect(old.recent).toHaveLength(old.recentPrints!.length);
  });

  it("the timer closes a silent meter's interval after the grace time, as partial", () => {
    const s = settings();
    const track = newTrack("m1");
    const live = (at: string, imp: number) => ingest(track, reading("m1", { at, imp }), Date.parse(at), s);
    live("2026-01-15T09:00:00Z", 1000);
    live("2026-01-15T09:05:00Z", 1010);
    expect(tick(track, Date.parse("2026-01-15T09:16:59Z"), s)).toEqual([]);
    const closed = tick(track, Date.parse("2026-01-15T09:17:00Z"), s);
    expect(closed).toHaveLength(1);
    expect(closed[0]!.record.energyImportedWh).toBe(10);
    expect(closed[0]!.record.quality).toBe("partial");
    expect(closed[0]!.record.flags).toEqual(["gap"]);
    // When the meter comes back, its energy lands in the interval of its next reading.
    const back = live("2026-01-15T09:40:00Z", 1050);
    expect(back.closed.map((c) => [c.record.intervalStart.slice(11, 16), c.record.energyImportedWh])).toEqual(
      [["09:15", 0]],
    );
    expect(track.accums.PT15M!.baseImp).toBe(1010);
  });

  it("a meter that was silent and then delivers buffered older readings keeps the sums exact", () => {
    const s = settings();
    const track = newTrack("m1");
    ingest(
      track,
      reading("m1", { at: "2026-01-15T09:00:00Z", imp: 1000 }),
      Date.parse("2026-01-15T09:00:00Z"),
      s,
    );
    const byTimer = tick(track, Date.parse("2026-01-15T09:50:00Z"), s); // closes 09:00, 09:15, 09:30
    expect(byTimer.map((c) => c.record.energyImportedWh)).toEqual([0, 0, 0]);
    // Buffered readings from 09:20 and 09:40 arrive at 09:51, after their intervals were closed.
    const now = Date.parse("2026-01-15T09:51:00Z");
    ingest(track, reading("m1", { at: "2026-01-15T09:20:00Z", imp: 1030 }), now, s);
    ingest(track, reading("m1", { at: "2026-01-15T09:40:00Z", imp: 1060 }), now, s);
    const r = ingest(track, reading("m1", { at: "2026-01-15T10:00:00Z", imp: 1070 }), now + 540_000, s);
    const rec = r.closed[0]!.record;
    expect([rec.intervalStart, rec.energyImportedWh, rec.sampleCount, rec.quality]).toEqual([
      "2026-01-15T09:45:00.000Z",
      70, // 1070 - 1000: nothing lost
      0,
      "partial",
    ]);
  });

  it("a replay of old readings is not cut up by the timer (the meter is not silent)", () => {
    const s = settings();
    const track = newTrack("m1");
    const now = Date.parse("2026-11-26T12:00:00Z");
    const out = [];
    for (let m = 0; m <= 30; m += 5) {
      out.push(
        ...ingest(
          track,
          reading("m1", { at: `2026-01-15T09:${String(m).padStart(2, "0")}:00Z`, imp: 100 + m }),
          now,
          s,
        ).closed,
      );
      out.push(...tick(track, now + 1000, s));
    }
    expect(
      out.map((c) => [c.record.intervalStart.slice(11, 16), c.record.energyImportedWh, c.record.quality]),
    ).toEqual([
      ["09:00", 15, "complete"],
      ["09:15", 15, "complete"],
    ]);
  });

  it("rejects readings stamped in the future beyond maxFutureMs", () => {
    const track = newTrack("m1");
    const now = Date.parse("2026-01-15T09:00:00Z");
    const res = ingest(track, reading("m1", { at: "2026-01-15T09:05:01Z", imp: 1 }), now, settings());
    expect(res.outcome).toBe("future");
    expect(track.lastMs).toBeNull();
  });

  it("property: the energies of consecutive intervals telescope to the register delta, to the Wh", () => {
    const gen = fc.array(
      fc.record({ dtS: fc.integer({ min: 1, max: 1200 }), dWh: fc.integer({ min: 0, max: 500 }) }),
      { minLength: 1, maxLength: 300 },
    );
    fc.assert(
      fc.property(gen, fc.constantFrom("PT1M", "PT15M", "PT1H", "P1D"), (steps, res) => {
        const s = settings({ resolutions: [res as "PT15M"], maxPowerW: 1e9 });
        const track = newTrack("p");
        let t = Date.parse("2026-03-28T20:00:00Z");
        let reg = 7_000_000;
        const first = reg;
        ingest(track, reading("p", { at: new Date(t).toISOString(), imp: reg }), LATER, s);
        let sum = 0;
        let lastEnd = first;
        for (const st of steps) {
          t += st.dtS * 1000;
          reg += st.dWh;
          for (const c of ingest(track, reading("p", { at: new Date(t).toISOString(), imp: reg }), LATER, s)
            .closed) {
            sum += c.record.energyImportedWh;
            lastEnd = c.record.registers["1-0:1.8.0"]!;
          }
        }
        const open = track.accums[res as "PT15M"]!;
        return sum === lastEnd - first && sum + (reg - open.baseImp!) === reg - first;
      }),
      { numRuns: 300 },
    );
  });
});
