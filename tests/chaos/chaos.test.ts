/**
 * The short chaos soak (about a minute of faults): every fault kind once, on the real platform, then
 * the accounting against the simulator's telegram log. `npm run chaos` runs the long one.
 */
import { describe, expect, it } from "vitest";
import { FAULT_KINDS } from "./schedule";
import { runSoak } from "./soak";

describe("chaos soak (short)", () => {
  it(
    "every component killed in turn, the cloud away, the line damaged, the queue full: nothing lost or doubled, energy to the Wh",
    async () => {
      const lines: string[] = [];
      const r = await runSoak({
        seconds: 6 * (FAULT_KINDS.length + 1),
        every: 6,
        seed: 11,
        speed: 120,
        drainSeconds: 60,
        log: (l) => lines.push(l),
      });
      const evidence = JSON.stringify({
        lines,
        readings: r.readings,
        intervals: r.intervals,
        energy: r.energy,
      });
      expect(new Set(r.faults.map((f) => f.kind)), evidence).toEqual(new Set(FAULT_KINDS));
      expect(
        r.faults.filter((f) => f.target === "-" || f.recoveredAfter === null),
        evidence,
      ).toEqual([]);
      expect(r.readings.expected, evidence).toBeGreaterThan(100);
      expect(r.readings.damaged, evidence).toBeGreaterThan(0);
      // the quota really filled: the hub refused (the senders' outboxes kept the messages)
      expect(r.upstreamRefusals, evidence).toBeGreaterThan(0);
      expect({ lost: r.readings.lost, duplicated: r.readings.duplicated }, evidence).toEqual({
        lost: 0,
        duplicated: 0,
      });
      expect(r.intervals.expected, evidence).toBeGreaterThan(10);
      expect(
        { lost: r.intervals.lost, duplicated: r.intervals.duplicated, differing: r.intervals.differing },
        evidence,
      ).toEqual({ lost: 0, duplicated: 0, differing: 0 });
      expect(r.energy.length, evidence).toBeGreaterThan(0);
      for (const e of r.energy) expect(e.differenceWh, `${e.meterId} ${evidence}`).toBe(0);
    },
    10 * 60_000,
  );
});
