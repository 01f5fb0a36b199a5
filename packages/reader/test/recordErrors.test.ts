/**
 * Per-record degradation reaches the reader: a telegram with one unreadable record (libmbus's
 * sen_pollutherm frame, record 2 `0C 7B ..`: an extension VIF without its VIFE) still gives a reading
 * with the other records' values, and the skipped record is counted in the diagnostics by its code.
 * The poller runs for real against a meter that answers on the write side (no serial port needed).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { decodeFrame, parseHex } from "@omdp/mbus";
import type { MeterReading } from "@omdp/model";
import { describe, expect, it } from "vitest";
import { until } from "../../../tests/support/until";
import { DiagnosticsBook, Poller, ReaderConfig, readoutToReading } from "../src/index";

const FIXTURE = join(
  import.meta.dirname,
  "..",
  "..",
  "mbus",
  "test",
  "fixtures",
  "degraded",
  "sen_pollutherm.json",
);
const HEX = (JSON.parse(readFileSync(FIXTURE, "utf8")) as { hex: string }).hex;
const FRAME = lastTelegram(bytesOf(HEX));

/**
 * The frame ends its records with DIF 0x1F ("more records follow"); for a one-telegram read-out the
 * test makes it 0x0F (manufacturer data follow, here none) and recomputes the checksum (EN 13757-2: the
 * sum of C, A, CI and the user data, modulo 256). The record error is untouched.
 */
function lastTelegram(frame: Uint8Array): Uint8Array {
  const f = Uint8Array.from(frame);
  const dif = f.length - 3;
  if (f[dif] !== 0x1f) throw new Error("fixture no longer ends in DIF 0x1F");
  f[dif] = 0x0f;
  let sum = 0;
  for (let i = 4; i < f.length - 2; i++) sum = (sum + f[i]!) & 0xff;
  f[f.length - 2] = sum;
  return f;
}

function bytesOf(hex: string): Uint8Array {
  const r = parseHex(hex);
  if (!r.ok) throw new Error(`fixture hex: ${r.error.message}`);
  return r.value;
}

function longFrame() {
  const f = decodeFrame(FRAME);
  if (!f.ok || f.value.frame.kind !== "long") throw new Error("fixture is not a long frame");
  return f.value.frame;
}

describe("reader: record errors inside a telegram", () => {
  it("readoutToReading keeps the readable records and returns the skipped one", () => {
    const { reading, recordErrors } = readoutToReading([longFrame()], "heat-1", {
      gatewayId: "gw",
      transport: "stream",
      timeZone: "Europe/Vienna",
      receivedAt: new Date("2026-01-01T00:00:00Z"),
    });
    expect(recordErrors.map((e) => [e.code, e.offset])).toEqual([["MISSING_VIFE", 31]]);
    // libmbus's reference for the same frame: 8 640 000 Wh, 7998.92 m3, 54 580 W (fixture `expected`)
    const numbers = reading.values.map((v) => v.value);
    expect(numbers).toEqual(expect.arrayContaining([7998.92]));
    expect(reading.values.length).toBeGreaterThanOrEqual(5);
  });

  it("the poller counts it by code and still emits the reading", async () => {
    const config = ReaderConfig.parse({
      mode: "poll",
      transport: { kind: "tcp", port: 1 },
      meters: [{ id: "heat-1", primaryAddress: 8 }],
      timing: { marginMs: 0, retries: 0, maxTelegrams: 1 },
      pollIntervalS: 3600,
    });
    const diag = new DiagnosticsBook("gw", "test");
    const readings: MeterReading[] = [];
    const errors: string[] = [];
    let poller: Poller | undefined;
    poller = new Poller(
      {
        config,
        diag,
        transport: "stream",
        connected: () => true,
        // the meter: ACK (E5) to SND_NKE (C 0x40), the degraded RSP_UD to REQ_UD2 (C 0x5B / 0x7B)
        write: async (b) => {
          const c = b[0] === 0x10 ? b[1]! & 0xcf : -1;
          const answer = c === 0x40 ? Buffer.from([0xe5]) : c === 0x4b ? Buffer.from(FRAME) : null;
          if (answer) setImmediate(() => poller?.push(answer));
          return true;
        },
      },
      { reading: (r) => readings.push(r), error: (e) => errors.push(e.message) },
    );
    poller.start();
    try {
      await until(() => readings.length > 0, 10_000, "a reading");
    } finally {
      await poller.stop();
    }
    expect(errors).toEqual([]);
    const snap = diag.snapshot();
    expect(snap.recordErrors).toEqual({ MISSING_VIFE: 1 });
    expect(snap.lastError?.code).toBe("MISSING_VIFE");
    expect(readings[0]!.values.length).toBeGreaterThanOrEqual(5);
  });
});
