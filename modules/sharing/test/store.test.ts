import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_CLOUD_CONSENT_ID, LATEST_VERSION, MIGRATIONS, migrate, SharingStore } from "../src";
import { schemaVersion } from "../src/store";
import { event, interval, reading, tempDir } from "./support/fixtures";

const T0 = Date.parse("2026-06-15T12:00:00Z");
const DAY = 86_400_000;
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});
function dbPath(): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return join(t.dir, "sharing.db");
}
const utc = () => "UTC";

describe("migrations", () => {
  it("builds the latest schema on an empty database with WAL and the default cloud consent", () => {
    const s = new SharingStore(dbPath(), T0);
    cleanups.push(() => s.close());
    expect(s.migrated).toEqual(MIGRATIONS.map((m) => m.version));
    expect(schemaVersion(s.db)).toBe(LATEST_VERSION);
    expect(s.db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(s.consents.all()).toEqual([
      expect.objectContaining({ id: DEFAULT_CLOUD_CONSENT_ID, recipient: "cloud", resolution: "PT15M" }),
    ]);
    expect(s.consents.get(DEFAULT_CLOUD_CONSENT_ID)!.properties).toEqual(["energy", "power", "events"]);
  });

  it("migrates a v1 database to the latest version and keeps its data", () => {
    const path = dbPath();
    const v1 = new Database(path);
    expect(migrate(v1, T0, 1)).toEqual([1]);
    v1.prepare("INSERT INTO meters (meter_id) VALUES ('m1')").run();
    v1.prepare("INSERT INTO readings (meter, ts, body) VALUES (1, ?, ?)").run(
      T0,
      JSON.stringify(reading("m1", T0)),
    );
    v1.prepare("INSERT INTO events (id, meter_id, at, body) VALUES ('e1', 'm1', ?, ?)").run(
      T0,
      JSON.stringify(event("m1", T0, "e1")),
    );
    v1.prepare("INSERT INTO tokens (id, name, hash, created_at) VALUES ('t1', 'old', 'x', 'now')").run();
    expect(schemaVersion(v1)).toBe(1);
    v1.close();

    const s = new SharingStore(path, T0);
    cleanups.push(() => s.close());
    expect(s.migrated).toEqual([2, 3]);
    expect(s.readings.latest("m1")!.reading.meterId).toBe("m1");
    expect(s.events.get("e1")!.ackedAt).toBeNull();
    expect(s.events.ack("e1", T0)).toBe(true);
    expect(s.tokens.list()).toEqual([expect.objectContaining({ id: "t1", recipient: null })]);
    s.stats.insert("m1", T0, { x: 1 }, "m1|2026-06-15");
    expect(s.consents.auditLog()).toHaveLength(1);
  });

  it("migrates the v1 database fixture (as the v1 module wrote it)", () => {
    const path = dbPath();
    const db = new Database(path);
    db.exec(readFileSync(fileURLToPath(new URL("./fixtures/sharing-v1.sql", import.meta.url)), "utf8"));
    expect(schemaVersion(db)).toBe(1);
    db.close();
    const s = new SharingStore(path, T0);
    cleanups.push(() => s.close());
    expect(s.migrated).toEqual([2, 3]);
    expect(s.readings.latest("1KFM0200000001")!.reading.values[0]!.value).toBe(12345);
    expect(s.readings.insert([reading("1KFM0200000001", T0)])[0]!.seq).toBe(2);
    expect(s.tokens.list()).toEqual([expect.objectContaining({ id: "tok-1", name: "app", recipient: null })]);
    expect(s.consents.get(DEFAULT_CLOUD_CONSENT_ID)!.grantedAt).toBe("2026-01-10T08:00:00.000Z");
    s.settings.set("k", [1], T0);
    expect(s.settings.get("k")!.value).toEqual([1]);
  });

  it("brings intervals of a v2 database to the series contract (ids, UTC times, roll-up rules)", () => {
    const path = dbPath();
    const v2 = new Database(path);
    expect(migrate(v2, T0, 2)).toEqual([1, 2]);
    v2.prepare("INSERT INTO meters (meter_id) VALUES ('m1')").run();
    const put = v2.prepare(
      "INSERT INTO intervals (meter, resolution, start, end, derived, body) VALUES (1, ?, ?, ?, ?, ?)",
    );
    // three of the four quarters of 12:00-13:00 +02:00, as a v2 edge held them: local-offset times and ids
    const qualities = ["complete", "estimated", "partial"] as const;
    for (const [i, quality] of qualities.entries()) {
      const start = T0 - 2 * 3_600_000 + i * 900_000; // 10:00Z + i quarters = 12:00+02:00 ...
      const local = `2026-06-15T12:${String(i * 15).padStart(2, "0")}:00+02:00`;
      put.run(
        "PT15M",
        start,
        start + 900_000,
        0,
        JSON.stringify({ ...interval("m1", start), id: `m1|PT15M|${local}`, intervalStart: local, quality }),
      );
    }
    // and the hour roll-up the v2 rule made of them: partial won, no gap flag, local offsets
    const hour = T0 - 2 * 3_600_000;
    const oldHour = {
      ...interval("m1", hour, 60, 300, "PT1H"),
      id: "m1|PT1H|2026-06-15T12:00:00+02:00",
      quality: "partial",
    };
    put.run("PT1H", hour, hour + 3_600_000, 1, JSON.stringify(oldHour));
    v2.close();

    const s = new SharingStore(path, T0);
    cleanups.push(() => s.close());
    expect(s.migrated).toEqual([3]);
    expect(
      s.intervals.range("m1", "PT15M", hour, hour + 3_600_000).map((r) => [r.id, r.intervalStart, r.derived]),
    ).toEqual([
      ["m1|PT15M|2026-06-15T10:00:00.000Z", "2026-06-15T10:00:00.000Z", false],
      ["m1|PT15M|2026-06-15T10:15:00.000Z", "2026-06-15T10:15:00.000Z", false],
      ["m1|PT15M|2026-06-15T10:30:00.000Z", "2026-06-15T10:30:00.000Z", false],
    ]);
    // recomputed by the series rules: an estimated child makes the hour estimated; the missing quarter is a gap
    expect(s.intervals.get("m1", "PT1H", hour)).toMatchObject({
      id: "m1|PT1H|2026-06-15T10:00:00.000Z",
      intervalEnd: "2026-06-15T11:00:00.000Z",
      energyImportedWh: 300, // 3 x 100 Wh (the fixture's default quarter)
      quality: "estimated",
      flags: ["gap"],
      derived: true,
    });
  });

  it("opens an up-to-date database without applying anything", () => {
    const path = dbPath();
    new SharingStore(path, T0).close();
    const s = new SharingStore(path, T0 + DAY);
    cleanups.push(() => s.close());
    expect(s.migrated).toEqual([]);
    expect(s.consents.auditLog()).toHaveLength(1);
  });

  it("refuses a database from a newer version", () => {
    const path = dbPath();
    new SharingStore(path, T0).close();
    const db = new Database(path);
    db.prepare("INSERT INTO schema_version VALUES (99, 'x', 'future')").run();
    db.close();
    expect(() => new SharingStore(path, T0)).toThrow(/newer/);
  });
});

describe("persistence", () => {
  it("keeps readings, intervals, events, consents and tokens across a restart", () => {
    const path = dbPath();
    const a = new SharingStore(path, T0);
    a.readings.insert([reading("m1", T0)]);
    a.intervals.insert([interval("m1", T0)], utc);
    a.events.insert(event("m1", T0, "e1"));
    const c = a.consents.grant({ recipient: "coop", properties: ["energy"], resolution: "P1D" }, "me", T0);
    const tok = a.tokens.create("app", null, T0);
    a.close();
    const b = new SharingStore(path, T0);
    cleanups.push(() => b.close());
    expect(b.readings.latest("m1")!.seq).toBe(1);
    expect(b.intervals.range("m1", "PT15M", T0, T0 + 1)).toHaveLength(1);
    expect(b.events.get("e1")).toBeDefined();
    expect(b.consents.get(c.id)!.recipient).toBe("coop");
    expect(b.tokens.verify(tok.token)!.name).toBe("app");
    b.readings.insert([reading("m1", T0 + 5000)]);
    expect(b.readings.maxSeq()).toBe(2);
  });
});

describe("retention", () => {
  const days = { readingsDays: 30, intervalsDays: 365, eventsDays: 100, statsDays: 50 };

  it("deletes exactly what is older than each kind's retention", () => {
    const s = new SharingStore(dbPath(), T0);
    cleanups.push(() => s.close());
    const rd = (d: number) => reading("m1", T0 - d * DAY);
    s.readings.insert([
      rd(31),
      rd(30.0001),
      rd(29.9999),
      rd(1),
      reading("m2", T0 - 40 * DAY),
      reading("m2", T0),
    ]);
    // intervals: one ended before the cutoff, one straddling it, one recent (each also rolled up)
    s.intervals.insert(
      [interval("m1", T0 - 366 * DAY), interval("m1", T0 - 365 * DAY - 600_000), interval("m1", T0 - DAY)],
      utc,
    );
    s.events.insert(event("m1", T0 - 101 * DAY, "old"));
    s.events.insert(event("m1", T0 - 99 * DAY, "new"));
    s.stats.insert("m1", T0 - 51 * DAY, { old: true });
    s.stats.insert("m1", T0 - 49 * DAY, { old: false });
    s.consents.grant(
      { recipient: "coop", properties: ["energy"], resolution: "P1D", until: "2020-01-01T00:00:00Z" },
      "me",
      T0,
    );
    s.tokens.create("app", null, T0 - 1000 * DAY);

    const res = s.applyRetention(days, T0);

    expect(res.readings).toBe(3);
    const left = [...s.readings.range("m1", 0, T0 + 1, 100), ...s.readings.range("m2", 0, T0 + 1, 100)].map(
      (r) => (T0 - Date.parse(r.reading.readingTime)) / DAY,
    );
    expect(left.sort()).toEqual([0, 1, 29.9999]);
    const base = s.intervals.range("m1", "PT15M", 0, T0 + 1).map((i) => i.intervalStart);
    expect(base).toEqual([
      new Date(T0 - 365 * DAY - 600_000).toISOString(),
      new Date(T0 - DAY).toISOString(),
    ]);
    // the roll-ups of the deleted quarter hour are gone, the year-old month that still has data stays
    expect(s.intervals.range("m1", "PT1H", 0, T0 - 366 * DAY + 3_600_000)).toEqual([]);
    expect(s.events.query(0, T0 + 1).map((e) => e.id)).toEqual(["new"]);
    expect(s.stats.query(0, T0 + 1)).toEqual([{ old: false }]);
    expect(s.consents.all()).toHaveLength(2);
    expect(s.consents.auditLog()).toHaveLength(2);
    expect(s.tokens.list()).toHaveLength(1);
    // a second sweep at the same time deletes nothing more
    expect(s.applyRetention(days, T0)).toEqual({ readings: 0, intervals: 0, events: 0, stats: 0 });
  });
});

describe("intervals", () => {
  it("is idempotent by meter, resolution and start", () => {
    const s = new SharingStore(dbPath(), T0);
    cleanups.push(() => s.close());
    s.intervals.insert([interval("m1", T0, 15, 10)], utc);
    s.intervals.insert([interval("m1", T0, 15, 12)], utc);
    expect(s.intervals.range("m1", "PT15M", T0, T0 + 1).map((i) => i.energyImportedWh)).toEqual([12]);
    expect(s.intervals.get("m1", "PT1H", T0)!.energyImportedWh).toBe(12);
  });

  it("keeps hourly, daily and monthly roll-ups in the household time zone", () => {
    const s = new SharingStore(dbPath(), T0);
    cleanups.push(() => s.close());
    const vienna = () => "Europe/Vienna";
    // 2026-03-28T23:00Z is local midnight of the DST day 2026-03-29 (23 hours long) in Vienna
    const start = Date.parse("2026-03-28T23:00:00Z");
    const recs = Array.from({ length: 92 + 4 }, (_, q) => interval("m1", start + q * 900_000, 15, 1));
    s.intervals.insert(recs, vienna);
    const days = s.intervals.query("m1", "P1D", start, start + 2 * DAY, "Europe/Vienna");
    expect(days.map((d) => [d.intervalStart, d.energyImportedWh, d.quality])).toEqual([
      ["2026-03-28T23:00:00.000Z", 92, "complete"], // 2026-03-29T00:00+01:00
      ["2026-03-29T22:00:00.000Z", 4, "partial"], // 2026-03-30T00:00+02:00
    ]);
    expect(days[0]!.intervalEnd).toBe("2026-03-29T22:00:00.000Z");
    const months = s.intervals.query("m1", "P1M", start - 40 * DAY, start + 2 * DAY, "Europe/Vienna");
    expect(months.map((m) => [m.intervalStart, m.energyImportedWh])).toEqual([
      ["2026-02-28T23:00:00.000Z", 96], // 2026-03-01T00:00+01:00
    ]);
    const hours = s.intervals.query("m1", "PT1H", start, start + 3 * 3_600_000, "Europe/Vienna");
    expect(hours.map((x) => x.energyImportedWh)).toEqual([4, 4, 4]);
    // a resolution that is not kept is rolled up on request
    const halves = s.intervals.query("m1", "PT30M", start, start + 3_600_000, "Europe/Vienna");
    expect(halves.map((x) => [x.resolution, x.energyImportedWh])).toEqual([
      ["PT30M", 2],
      ["PT30M", 2],
    ]);
  });
});
