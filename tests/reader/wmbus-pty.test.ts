/**
 * Wireless M-Bus end to end over a real serial line: a PTY pair made by socat, a simulated receiver
 * stick (iM871A HCI, or rtl_wmbus text lines) with a water meter, a heat meter and a heat cost
 * allocator (OMS mode 5 and 7, keys handed to the reader as the keys file holds them) on one end,
 * @omdp/reader's serialport on the other. Every telegram sent while the reader was attached is read
 * once, by its meter time, with the values the simulator says it sent; a meter the reader does not
 * know is listed in its diagnostics, not read.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { MeterReading } from "@omdp/model";
import type { MeterSpec, PtyLine, SentTelegram } from "@omdp/simulator";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupAfterEach, expectValidReadings, startRig, waitFor } from "./helpers";

const dir = mkdtempSync(join(tmpdir(), "omdp-wmbus-pty-"));
const lines: PtyLine[] = [];
const cleanup = cleanupAfterEach();
afterAll(async () => {
  for (const l of lines) await l.close();
  rmSync(dir, { recursive: true, force: true });
});

const START = Date.UTC(2026, 0, 12, 17, 0, 0);

function meters(receiver: "im871a" | "rtlwmbus"): MeterSpec[] {
  return [
    {
      id: "water-1",
      kind: "wmbus",
      seed: 21,
      secondaryId: "71000021",
      wmbusDevice: "water",
      receiver,
      pushIntervalS: 30,
    },
    {
      id: "heat-1",
      kind: "wmbus",
      seed: 22,
      secondaryId: "71000022",
      wmbusDevice: "heat",
      wmbusMode: 7,
      receiver,
      pushIntervalS: 30,
    },
    {
      id: "hca-1",
      kind: "wmbus",
      seed: 23,
      secondaryId: "71000023",
      wmbusDevice: "hca",
      receiver,
      pushIntervalS: 60,
    },
    // a neighbour's meter: heard, not configured
    {
      id: "next-door",
      kind: "wmbus",
      seed: 24,
      secondaryId: "71000024",
      wmbusDevice: "water",
      receiver,
      pushIntervalS: 30,
    },
  ];
}

function expectEachSent(sent: readonly SentTelegram[], readings: readonly MeterReading[], meterId: string) {
  const mine = readings.filter((r) => r.meterId === meterId);
  expect(mine.length).toBeGreaterThanOrEqual(3);
  const byTime = new Map(sent.filter((t) => t.meterId === meterId).map((t) => [t.meterTime, t]));
  const times = mine.map((r) => Date.parse(r.readingTime));
  expect(new Set(times).size).toBe(times.length); // once each
  for (const r of mine) {
    const t = byTime.get(Date.parse(r.readingTime));
    expect(t, r.readingTime).toBeDefined();
    for (const v of t!.values)
      expect(r.values.find((x) => x.property === v.property)?.value, v.property).toBe(v.value);
  }
}

describe("wM-Bus over a PTY (socat)", () => {
  it.each([
    { receiver: "im871a" as const, preset: "im871a" as const },
    { receiver: "rtlwmbus" as const, preset: "rtlwmbus" as const },
  ])(
    "$receiver: water, heat (mode 7) and HCA read with the right values; the neighbour listed",
    async ({ receiver, preset }) => {
      const specs = meters(receiver);
      const rig = await startRig(cleanup, {
        fleet: { meters: specs, speed: 60, start: START },
        line: { kind: "pty", pty: join(dir, `${receiver}A`), lines, preset },
        reader: {
          protocol: "wmbus",
          wmbus: { receiver },
          meters: specs.slice(0, 3).map((m) => ({ id: m.id, secondaryAddress: { id: m.secondaryId! } })),
        },
      });
      rig.fleet.start();
      const enough = () =>
        ["water-1", "heat-1", "hca-1"].every(
          (id) => rig.readings.filter((r) => r.meterId === id).length >= 3,
        );
      expect(await waitFor(enough, 12_000)).toBe(true);
      rig.fleet.stop();
      expect(rig.errors).toEqual([]);
      expectValidReadings(rig.readings);
      for (const id of ["water-1", "heat-1", "hca-1"]) expectEachSent(rig.sent, rig.readings, id);
      expect(rig.readings.some((r) => r.meterId === "next-door")).toBe(false);
      const d = rig.reader.diagnostics().wmbus!;
      expect(d.receiver).toBe(receiver);
      expect(d.unknownMeters.map((u) => u.id)).toEqual(["71000024"]);
      expect(d.unknownMeters[0]!.encrypted).toBe(true);
      expect(rig.readings[0]!.source.protocol).toBe("wmbus");
    },
  );
});
