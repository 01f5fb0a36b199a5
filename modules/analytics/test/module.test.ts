import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RecordingModuleHost } from "@omdp/edge-module/testing";
import { createLogger } from "@omdp/logger";
import type { IntervalRecord } from "@omdp/model";
import { afterEach, describe, expect, it } from "vitest";
import { DesiredConfig } from "../src/config";
import { setupAnalytics } from "../src/module";
import { reading } from "./helpers";

const log = createLogger("test", { write: () => {} });
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe("analytics module wiring", () => {
  it("has a default for every desired property", () => {
    expect(DesiredConfig.parse({})).toMatchObject({
      resolution: "PT15M",
      defaultTimeZone: "Europe/Vienna",
      meters: {},
      maxGapSeconds: 300,
      closeGraceSeconds: 120,
      baseLoad: { fromHour: 0, toHour: 5 },
    });
    expect(DesiredConfig.safeParse({ defaultTimeZone: "Mars/Olympus" }).success).toBe(false);
    expect(DesiredConfig.safeParse({ resolution: "PT2M" }).success).toBe(false);
  });

  it("emits intervals at the twin's resolution on output `intervals` and answers getStats", async () => {
    const dir = mkdtempSync(join(tmpdir(), "omdp-analytics-mod-"));
    dirs.push(dir);
    const host = new RecordingModuleHost();
    const running = await setupAnalytics(host, log, {
      dataDir: dir,
      now: () => Date.parse("2030-01-01T00:00:00Z"),
    });
    await host.setDesired({ resolution: "PT1H", maxGapSeconds: 900 });
    for (let q = 0; q <= 8; q++) {
      const at = new Date(Date.parse("2026-01-15T08:00:00Z") + q * 900_000).toISOString();
      await host.deliver("readings", reading("m1", { at, imp: 1000 + 10 * q }), {
        kind: "reading",
        meterId: "m1",
      });
    }
    const hours = host.outputs("intervals") as IntervalRecord[];
    expect(hours.map((h) => [h.id, h.energyImportedWh, h.sampleCount])).toEqual([
      ["m1|PT1H|2026-01-15T08:00:00.000Z", 40, 4],
      ["m1|PT1H|2026-01-15T09:00:00.000Z", 40, 4],
    ]);
    expect(host.sent.find((s) => s.output === "intervals")!.properties).toEqual({
      kind: "interval",
      meterId: "m1",
    });
    const ok = await host.invoke("getStats", {
      meterId: "m1",
      from: "2026-01-15T00:00:00+01:00",
      to: "2026-01-16T00:00:00+01:00",
    });
    expect(ok.status).toBe(200);
    expect((ok.payload as { total: { importedWh: number } }).total.importedWh).toBe(80);
    const bad = await host.invoke("getStats", {
      meterId: "m1",
      from: "yesterday",
      to: "2026-01-16T00:00:00Z",
    });
    expect(bad.status).toBe(400);
    expect(host.reported.some((r) => JSON.stringify(r).includes('"resolution":"PT1H"'))).toBe(true);
    await running.stop();
  });
});
