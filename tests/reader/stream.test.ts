/** The in-process stream output: the reader attached straight to the simulator's bus (no OS port). */
import type { MeterReading } from "@omdp/model";
import { createReader, KeyStore, streamLink } from "@omdp/reader";
import { createMeterFleet, defaultFleet, type SentTelegram } from "@omdp/simulator";
import { describe, expect, it } from "vitest";
import { byPrimary, expectExactlyOnceInOrder, untilEachMeterRead, waitFor } from "./helpers";

describe("simulator -> in-process stream -> reader", () => {
  it("DLMS pushes and M-Bus read-outs arrive exactly once, in order", async () => {
    const fleet = createMeterFleet({
      meters: [
        ...defaultFleet({ meters: 2, kind: "dlms", seed: 31 }),
        ...defaultFleet({ meters: 2, kind: "mbus", seed: 31 }),
      ],
      speed: 200,
      start: Date.UTC(2026, 8, 1, 12, 0, 0),
    });
    const sent: SentTelegram[] = [];
    fleet.onTelegram((t) => sent.push(t));
    const keys = new KeyStore();
    for (const [id, k] of Object.entries(fleet.keys())) keys.set(id, k);
    const link = streamLink(fleet, "simulator");
    const listen = createReader({ transport: { kind: "tcp", port: 1 }, mode: "listen" }, { keys, link });
    const poll = createReader(
      {
        transport: { kind: "tcp", port: 1 },
        mode: "poll",
        pollIntervalS: 0.05,
        timing: { marginMs: 30, retries: 2, maxTelegrams: 8 },
        meters: fleet.meters
          .filter((m) => m.kind === "mbus")
          .map((m) => ({ id: m.id, primaryAddress: m.primaryAddress })),
      },
      { link },
    );
    const readings: MeterReading[] = [];
    listen.on("reading", (r) => readings.push(r));
    poll.on("reading", (r) => readings.push(r));
    await listen.start();
    await poll.start();
    fleet.start();
    try {
      await untilEachMeterRead(fleet, readings, 4);
      await poll.stop();
      fleet.stop();
      await new Promise((r) => setTimeout(r, 50));
    } finally {
      fleet.stop();
      await poll.stop();
      await listen.stop();
    }
    expect(readings.every((r) => r.source.transport === "stream")).toBe(true);
    // the listening reader let the M-Bus answers on the shared line pass without calling them errors
    expect(listen.diagnostics().counters.decodeErrors).toBe(0);
    expectExactlyOnceInOrder(sent, readings, 1);
  });

  it("a reader stopped and started again carries on (poll mode)", async () => {
    const fleet = createMeterFleet({
      meters: defaultFleet({ meters: 2, kind: "mbus", seed: 77 }),
      speed: 100,
    });
    const reader = createReader(
      {
        transport: { kind: "tcp", port: 1 },
        mode: "poll",
        pollIntervalS: 0.05,
        timing: { marginMs: 30, retries: 1, maxTelegrams: 8 },
        meters: byPrimary(fleet),
      },
      { link: streamLink(fleet) },
    );
    let n = 0;
    reader.on("reading", () => n++);
    fleet.start();
    try {
      await reader.start();
      expect(await waitFor(() => n >= 4)).toBe(true);
      await reader.stop();
      const atStop = n;
      await reader.start();
      expect(await waitFor(() => n >= atStop + 4)).toBe(true);
    } finally {
      await reader.stop();
      fleet.stop();
    }
  });
});
