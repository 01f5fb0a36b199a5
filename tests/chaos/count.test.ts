import { describe, expect, it } from "vitest";
import { accountEnergy, accountIntervals, accountReadings, type LoggedTelegram } from "./count";

const T0 = Date.parse("2026-01-01T00:00:00Z");
const MIN = 60_000;

const tg = (meterId: string, minute: number, importWh: number, extra: Partial<LoggedTelegram> = {}) => ({
  meterId,
  meterTime: T0 + minute * MIN,
  sentAt: 1_000_000 + minute * 1_000,
  clients: 1,
  registers: { "1-0:1.8.0": importWh },
  ...extra,
});

describe("chaos accounting: readings", () => {
  const telegrams: LoggedTelegram[] = [
    tg("A", 0, 100),
    tg("A", 1, 110),
    tg("A", 2, 120, { fault: "corrupted" }),
    tg("A", 3, 130, { clients: 0 }),
    tg("A", 4, 140), // sent at 1_004_000: the reader was killed at 1_003_800, back for A@6
    tg("A", 5, 150), // sent at 1_005_000: still deaf
    tg("A", 6, 160),
    tg("A", 7, 170),
    tg("B", 0, 5),
    tg("Z", 0, 1), // a meter outside the run
  ];
  const meters = new Set(["A", "B"]);

  it("counts what was sent intact to an attached reader outside every window", () => {
    const stored = [
      { meterId: "A", readingTime: T0 },
      { meterId: "A", readingTime: T0 + MIN },
      { meterId: "A", readingTime: T0 + MIN }, // a second copy
      { meterId: "A", readingTime: T0 + 6 * MIN },
      { meterId: "B", readingTime: T0 },
    ];
    const a = accountReadings(telegrams, stored, [1_003_800], meters);
    // A is deaf from 1_003_300 (500 ms before the kill) to just before A@6 (sent at 1_006_000, the
    // first of A stored after the kill): A@4 and A@5. B is deaf from 1_003_300 on (nothing of B after).
    // expected: A@0, A@1, A@6, A@7, B@0 (5); unreceivable: A@3 (no reader), A@4, A@5 (3); damaged: A@2
    expect(a).toMatchObject({ expected: 5, lost: 1, duplicated: 1, damaged: 1, unreceivable: 3, stored: 4 });
    expect(a.lostExamples).toEqual(["A|2026-01-01T00:07:00.000Z"]);
  });

  it("a reader that dies a little after the kill (with its hub) is deaf from its first miss; a later gap is loss", () => {
    const mine = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((m) => tg("C", m, m));
    // killed at 1_002_000; C@2 and C@3 still stored (the process lived on for a moment); C@4 to C@6
    // missed; back from C@7; C@10 missed long after the kill (more than DYING_MS after it): lost.
    const storedMinutes = [0, 1, 2, 3, 7, 8, 9, 11];
    const stored = storedMinutes.map((m) => ({ meterId: "C", readingTime: T0 + m * MIN }));
    const a = accountReadings(mine, stored, [1_002_000], new Set(["C"]));
    // C@10 was sent at 1_010_000, 8 s after the kill: outside DYING_MS (5 s), so it is loss
    expect(a).toMatchObject({ expected: 9, unreceivable: 3, lost: 1 });
    expect(a.lostExamples).toEqual(["C|2026-01-01T00:10:00.000Z"]);
  });

  it("what was sent before the reader was seen listening and not stored is unreceivable; what it has counts", () => {
    const mine = [0, 1, 2, 3, 4].map((m) => tg("D", m, m));
    // seen listening from 1_002_500: D@0 and D@1 (sent at 1_000_000, 1_001_000) missed: unreceivable;
    // D@2 (sent at 1_002_000, before it too) is stored: expected; D@4 (after it) missed: lost
    const stored = [2, 3].map((m) => ({ meterId: "D", readingTime: T0 + m * MIN }));
    const a = accountReadings(mine, stored, [], new Set(["D"]), 1_002_500);
    expect(a).toMatchObject({ expected: 3, unreceivable: 2, lost: 1 });
    expect(a.lostExamples).toEqual(["D|2026-01-01T00:04:00.000Z"]);
  });

  it("a complete store loses nothing", () => {
    const stored = telegrams.map((t) => ({ meterId: t.meterId, readingTime: t.meterTime }));
    expect(accountReadings(telegrams, stored, [], meters)).toMatchObject({ lost: 0, duplicated: 0 });
  });
});

describe("chaos accounting: intervals", () => {
  const row = (id: string, startMin: number, wh: number) => ({
    id,
    meterId: "A",
    start: T0 + startMin * MIN,
    end: T0 + (startMin + 15) * MIN,
    importWh: wh,
    exportWh: 0,
  });

  it("finds lost, overlapping and differing intervals", () => {
    const edge = [row("a0", 0, 10), row("a15", 15, 20), row("a30", 30, 30), row("a45", 45, 40)];
    // a15 missing; a30 with other energy; a second copy of a0's span under another id; a45 after the cut-off
    const cloud = [row("a0", 0, 10), row("a0-other", 0, 10), row("a30", 30, 31)];
    const a = accountIntervals(edge, cloud, T0 + 45 * MIN);
    expect(a).toMatchObject({ expected: 3, lost: 1, duplicated: 1, differing: 1, inCloud: 3 });
    expect(a.lostExamples).toEqual(["a15"]);
  });
});

describe("chaos accounting: energy", () => {
  it("telescopes the register from the first interval with a baseline to the last interval's end", () => {
    // Readings every 5 minutes from minute 5: the interval at 0 has no baseline and is left out.
    // Register at minute 15 (last at or before the start of [15, 45)) = 150; at minute 45 = 450.
    const telegrams = [5, 10, 15, 20, 25, 30, 35, 40, 45, 50].map((m) => tg("A", m, m * 10));
    const stored = new Set(telegrams.map((t) => t.meterTime));
    const rows = [0, 15, 30].map((m) => ({
      id: `a${m}`,
      meterId: "A",
      start: T0 + m * MIN,
      end: T0 + (m + 15) * MIN,
      importWh: 150,
      exportWh: 0,
    }));
    const e = accountEnergy("A", rows, telegrams, stored);
    // intervals [15,30) + [30,45) = 300 Wh; register 450 - 150 = 300 Wh
    expect(e).toEqual({ meterId: "A", intervalsWh: 300, registerWh: 300, differenceWh: 0 });
  });
});
