import { join } from "node:path";
import type { IntervalRecord } from "@omdp/model";
import { afterEach, describe, expect, it } from "vitest";
import { SharingStore } from "../src";
import { type Consent, select } from "../src/consent";
import { interval, tempDir } from "./support/fixtures";

const T0 = Date.parse("2026-03-28T12:00:00Z");
const DAY = 86_400_000;
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

/** A cold-water meter's quarter hour as analytics sends it: 12.5 litres each, no energy, no power. */
function water(meterId: string, start: number, litres = 12.5): IntervalRecord {
  return {
    ...interval(meterId, start, 15, 0),
    powerMinW: null,
    powerAvgW: null,
    powerMaxW: null,
    registers: { "8-0:1.0.0": 100 },
    sampleCount: 3,
    medium: "water",
    consumption: { "8-0:1.0.0": litres / 1000 },
  };
}

describe("water consumption in the sharing store", () => {
  it("stores a water meter's intervals and keeps its days and months in the household time zone", () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const s = new SharingStore(join(t.dir, "sharing.db"), T0);
    cleanups.push(() => s.close());
    const berlin = () => "Europe/Berlin";
    // 2026-03-28T23:00Z is local midnight of the DST day 2026-03-29 (23 hours = 92 quarter hours) in Berlin
    const start = Date.parse("2026-03-28T23:00:00Z");
    const recs = Array.from({ length: 92 + 4 }, (_, q) => water("w1", start + q * 900_000));
    expect(s.intervals.insert(recs, berlin)).toBe(96);

    const quarter = s.intervals.get("w1", "PT15M", start)!;
    expect(quarter).toMatchObject({ medium: "water", consumption: { "8-0:1.0.0": 0.0125 }, derived: false });

    const days = s.intervals.query("w1", "P1D", start, start + 2 * DAY, "Europe/Berlin");
    // by hand: 92 x 12.5 l = 1150 l = 1.15 m3 on the 23-hour day; 4 x 12.5 l = 0.05 m3 on the next
    expect(days.map((d) => [d.intervalStart, d.medium, d.consumption, d.quality])).toEqual([
      ["2026-03-28T23:00:00.000Z", "water", { "8-0:1.0.0": 1.15 }, "complete"],
      ["2026-03-29T22:00:00.000Z", "water", { "8-0:1.0.0": 0.05 }, "partial"],
    ]);
    const months = s.intervals.query("w1", "P1M", start - 40 * DAY, start + 2 * DAY, "Europe/Berlin");
    // 96 x 12.5 l = 1.2 m3, in the month starting 2026-03-01T00:00+01:00
    expect(months.map((m) => [m.intervalStart, m.consumption])).toEqual([
      ["2026-02-28T23:00:00.000Z", { "8-0:1.0.0": 1.2 }],
    ]);
    const hours = s.intervals.query("w1", "PT1H", start, start + 2 * 3_600_000, "Europe/Berlin");
    expect(hours.map((h) => h.consumption)).toEqual([{ "8-0:1.0.0": 0.05 }, { "8-0:1.0.0": 0.05 }]);
    // the API answers the stored JSON: the media fields are in it
    expect(JSON.parse(s.intervals.rangeJson("w1", "P1D", start, start + 1)[0]!)).toMatchObject({
      medium: "water",
      consumption: { "8-0:1.0.0": 1.15 },
    });
  });

  it("the cloud consent (energy) passes the consumption upstream", () => {
    const rec = water("w1", Date.parse("2026-03-28T23:00:00Z"));
    const consent: Consent = {
      id: "c1",
      recipient: "cloud",
      properties: ["energy"],
      resolution: "PT15M",
      grantedAt: "2026-01-01T00:00:00Z",
      grantedBy: "me",
      until: null,
      revokedAt: null,
      revokedBy: null,
    };
    const out = select({ kind: "interval", body: rec }, [consent], "cloud", T0);
    expect(out?.body).toMatchObject({ medium: "water", consumption: { "8-0:1.0.0": 0.0125 } });
  });
});
