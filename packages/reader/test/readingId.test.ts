/**
 * Every reading the reader emits carries its deterministic id: the meter id and the meter's time of the
 * telegram in UTC. The expected ids come from the simulator's own telegram log (meterTime, epoch ms).
 */
import type { MeterReading } from "@omdp/model";
import { createMeterFleet, type SentTelegram } from "@omdp/simulator";
import { describe, expect, it } from "vitest";
import { createReader, streamLink } from "../src/index";

async function until(check: () => boolean, timeoutMs = 10_000): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 20));
  }
  return true;
}

describe("reading ids", () => {
  it("every emitted reading has id meterId|meter time in UTC", async () => {
    const fleet = createMeterFleet({
      meters: [
        { id: "KFM1000000001", kind: "dlms", seed: 1 },
        { id: "KFM1000000002", kind: "dlms", seed: 2 },
      ],
      speed: 200,
      start: Date.UTC(2026, 0, 15, 11, 0, 0),
    });
    const sent: SentTelegram[] = [];
    fleet.onTelegram((t) => sent.push(t));
    const reader = createReader(
      { transport: { kind: "tcp", port: 1 }, mode: "listen", meters: [] },
      { link: streamLink(fleet, "simulator") },
    );
    for (const [id, k] of Object.entries(fleet.keys())) reader.setKey(id, typeof k === "string" ? k : k.key);
    const readings: MeterReading[] = [];
    reader.on("reading", (r) => readings.push(r));
    await reader.start();
    try {
      fleet.start();
      expect(await until(() => readings.length >= 6)).toBe(true);
    } finally {
      fleet.stop();
      await reader.stop();
    }
    const expected = new Set(sent.map((t) => `${t.meterId}|${new Date(t.meterTime).toISOString()}`));
    for (const r of readings) {
      expect(r.id).toBeDefined();
      expect(expected.has(r.id!), r.id).toBe(true);
      expect(r.id!.startsWith(`${r.meterId}|`)).toBe(true);
    }
    expect(new Set(readings.map((r) => r.id)).size).toBe(readings.length);
  });
});
