/**
 * Through a real serial line per protocol: a PTY pair made by socat, one simulated meter on one end,
 * @omdp/reader's serialport on the other (line presets: P1 115200 8N1, SML 9600 8N1, D0 300 7E1 with the
 * mode C baud switch to 9600 on the reader's port). Every telegram the meter sent while the reader was
 * attached is read once, in order, with the values the simulator says it sent: the Fluvius meter's
 * OBIS registers (tariffs, derived totals, capacity fields, gas), SML's registers and signed power, D0's.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { MeterReading } from "@omdp/model";
import type { ReaderConfigInput } from "@omdp/reader";
import type { MeterSpec, PtyLine, SentTelegram } from "@omdp/simulator";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupAfterEach, startRig, waitFor } from "./helpers";

const dir = mkdtempSync(join(tmpdir(), "omdp-lines-pty-"));
const lines: PtyLine[] = [];
const cleanup = cleanupAfterEach();
afterAll(async () => {
  for (const l of lines) await l.close();
  rmSync(dir, { recursive: true, force: true });
});

const START = Date.UTC(2026, 4, 12, 9, 0, 0);

/**
 * Each reading against the telegram it came from, once and in order: P1 by its meter time; SML and D0
 * (timed by reception) from the first telegram whose every sent value the first reading carries; with
 * `gaps` (D0 mode C, where a lost answer is timed out) as a subsequence.
 */
function expectEachSent(
  sent: readonly SentTelegram[],
  readings: readonly MeterReading[],
  byTime: boolean,
  gaps = false,
) {
  expect(readings.length).toBeGreaterThanOrEqual(3);
  const intact = sent.filter((t) => !t.fault);
  const values = (r: MeterReading) => Object.fromEntries(r.values.map((v) => [v.property, v.value]));
  const carries = (t: SentTelegram, r: MeterReading) => {
    const got = values(r);
    return t.values.every((v) => got[v.property] === v.value);
  };
  const first = byTime
    ? intact.findIndex((t) => t.meterTime === Date.parse(readings[0]!.readingTime))
    : intact.findIndex((t) => carries(t, readings[0]!));
  expect(first).toBeGreaterThanOrEqual(0);
  if (gaps) {
    // a readout whose answer was lost (timed out, signed on again) is missing; the rest are in order
    let at = first;
    for (const r of readings) {
      const k = intact.findIndex((t, i) => i >= at && carries(t, r));
      expect(k, "a telegram the simulator sent, after the previous one").toBeGreaterThanOrEqual(at);
      at = k + 1;
    }
    return;
  }
  readings.forEach((r, i) => {
    const t = intact[first + i]!;
    if (byTime) expect(Date.parse(r.readingTime)).toBe(t.meterTime);
    const got = values(r);
    for (const v of t.values) expect(got[v.property], v.property).toBe(v.value);
  });
}

const CASES: {
  name: string;
  meter: MeterSpec;
  preset: "p1" | "sml" | "d0" | "d0Push";
  reader: Omit<ReaderConfigInput, "transport">;
  byTime: boolean;
}[] = [
  {
    name: "DSMR P1, Fluvius e-MUCS (115200 8N1)",
    meter: { id: "1SAG3101021605", kind: "dsmr", seed: 21, p1Variant: "fluvius", pv: true, pushIntervalS: 1 },
    preset: "p1",
    reader: { protocol: "dsmr", meters: [{ id: "1SAG3101021605" }] },
    byTime: true,
  },
  {
    name: "SML (9600 8N1)",
    meter: { id: "EBZ0012345", kind: "sml", seed: 22, pushIntervalS: 1 },
    preset: "sml",
    reader: { protocol: "sml", meters: [{ id: "EBZ0012345" }] },
    byTime: false,
  },
  {
    name: "D0 push-only (9600 7E1)",
    meter: { id: "HAG0000001", kind: "d0", seed: 23, pushIntervalS: 1 },
    preset: "d0Push",
    reader: { protocol: "d0", meters: [{ id: "HAG0000001" }] },
    byTime: false,
  },
  {
    name: "D0 mode C: sign-on at 300 7E1, option select, switch to 9600",
    meter: { id: "LGZ0000002", kind: "d0", seed: 24, d0Mode: "modeC" },
    preset: "d0",
    reader: {
      protocol: "d0",
      d0: { mode: "modeC", answerTimeoutS: 1 },
      pollIntervalS: 0.2,
      meters: [{ id: "LGZ0000002" }],
    },
    byTime: false,
  },
];

describe("one simulated meter -> PTY (socat) -> reader, per protocol", () => {
  it.each(CASES)(
    "$name",
    async (c) => {
      const rig = await startRig(cleanup, {
        fleet: { meters: [c.meter], speed: 20, start: START },
        line: { kind: "pty", pty: join(dir, `${c.meter.id}A`), lines, preset: c.preset },
        reader: { ...c.reader, backoff: { minMs: 50, maxMs: 400 } },
      });
      const { fleet, sent, reader, readings, errors } = rig;
      fleet.start();
      expect(await waitFor(() => readings.length >= 4, 8_000)).toBe(true);
      await reader.stop();
      fleet.stop();
      // serialport flushes both queues on a baud change (tcflush TCIOFLUSH); the requester switches only
      // after the ACK's transmit time, so none is lost (0 timeouts measured here); a loaded machine may
      // still delay a switch past the meter's answer now and then: then it times out and signs on again
      expect(errors.filter((e) => e.code !== "LINK" && e.code !== "NO_ANSWER")).toEqual([]);
      expect(readings.every((r) => r.source.transport === "serial" && r.meterId === c.meter.id)).toBe(true);
      expectEachSent(sent, readings, c.byTime, c.meter.d0Mode === "modeC");
      if (c.meter.d0Mode === "modeC") expect(reader.diagnostics().counters.timeouts).toBeLessThanOrEqual(2);
    },
    15_000,
  );
});
