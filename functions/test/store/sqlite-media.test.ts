import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { seriesId } from "@omdp/series";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import type { IntervalWrite } from "../../src/series/types";
import { SqliteStore } from "../../src/store/sqlite";
import { SQLITE_SCHEMA } from "../../src/store/sqlite-schema";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const start = Date.parse("2026-03-09T23:00:00Z"); // 10 March, local midnight in Berlin
const water = (q: number, litres: number): IntervalWrite => ({
  id: seriesId("w1", "PT15M", start + q * 900_000),
  meterId: "w1",
  householdId: "hh",
  timeZone: "Europe/Berlin",
  resolution: "PT15M",
  start: start + q * 900_000,
  end: start + (q + 1) * 900_000,
  importWh: 0,
  exportWh: 0,
  powerMinW: null,
  powerAvgW: null,
  powerMaxW: null,
  registers: { "8-0:1.0.0": 100 + q },
  sampleCount: 3,
  quality: "complete",
  flags: [],
  derived: false,
  medium: "water",
  consumption: { "8-0:1.0.0": litres / 1000 },
});

describe("SQLite store: water consumption", () => {
  it("a database created before the media columns gets them and stores a water meter's day", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "omdp-sqlite-media-"));
    dirs.push(dir);
    const file = path.join(dir, "store.db");
    const old = new Database(file);
    old.exec(SQLITE_SCHEMA.replace("  medium TEXT,\n  consumption TEXT,\n", ""));
    const before = (old.pragma("table_info(series)") as { name: string }[]).map((c) => c.name);
    expect(before).not.toContain("consumption");
    old.close();

    const store = new SqliteStore(file);
    try {
      // 4 quarter hours of 12.5, 0, 7.25 and 30 litres
      await store.writeIntervals([water(0, 12.5), water(1, 0), water(2, 7.25), water(3, 30)]);
      const q = { meterId: "w1", from: start, to: start + 86_400_000, limit: 10 };
      const quarters = await store.querySeries({ ...q, resolution: "PT15M" });
      expect(quarters.items[2]).toMatchObject({ medium: "water", consumption: { "8-0:1.0.0": 0.00725 } });
      const day = await store.querySeries({ ...q, resolution: "P1D" });
      // by hand: 12.5 + 0 + 7.25 + 30 = 49.75 l = 0.04975 m3; the day is partial (one hour of 24)
      expect(day.items.map((d) => [d.medium, d.consumption, d.quality])).toEqual([
        ["water", { "8-0:1.0.0": 0.04975 }, "partial"],
      ]);
    } finally {
      await store.close();
    }
  });

  it("a database created before the meter role gets the column and keeps a sub-meter", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "omdp-sqlite-role-"));
    dirs.push(dir);
    const file = path.join(dir, "store.db");
    const old = new Database(file);
    old.exec(
      SQLITE_SCHEMA.replace("  updated_at TEXT NOT NULL,\n  role TEXT\n", "  updated_at TEXT NOT NULL\n"),
    );
    const before = (old.pragma("table_info(meters)") as { name: string }[]).map((c) => c.name);
    expect(before).not.toContain("role");
    old.close();
    const store = new SqliteStore(file);
    try {
      const m = { id: "s1", householdId: "hh", deviceId: "edge", timeZone: "UTC", updatedAt: "x" };
      await store.putMeter({ ...m, role: "sub" });
      expect(await store.getMeter("s1")).toEqual({ ...m, role: "sub" });
    } finally {
      await store.close();
    }
  });
});
