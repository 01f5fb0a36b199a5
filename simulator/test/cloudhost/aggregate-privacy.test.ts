import type { AddressInfo } from "node:net";
import type { Store } from "@omdp/functions";
import { createHttpsServer } from "@vercel/cosmosdb-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { get, ingest, interval, message, startTestHost, type TestHost } from "./helpers";

/**
 * A curious analyst against /api/aggregates (issue 11, item 4). k=2; hh-1 and hh-3 in Vienna, hh-2 in
 * UTC (the issue's case: `all` minus Vienna would be hh-2's hour). Phase 2: hh-4 (UTC) joins, with
 * late data for hours already answered. Phase 3: hh-2 deletes its data. The analyst asks every
 * query the API allows (each property, resolution, grouping, overlapping and shifted windows) in
 * every phase, then differences and adds every pair of answers: none may equal a true value of a
 * single household (k=2: fewer than k is one) for any hour, day or month, taken from the store.
 */

const D0 = Date.parse("2026-02-10T00:00:00Z");
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const PROPERTIES = { "1-0:1.8.0": "importWh", "1-0:1.7.0": "powerAvgW" } as const;
const RESOLUTIONS = ["PT1H", "P1D", "P1M"] as const;
const GROUPS = ["all", "timeZone"] as const;
/** Overlapping and shifted windows (offsets from D0 in hours): every bucket is asked for several times. */
const WINDOWS = [
  [0, 72],
  [5, 48],
  [-24, 24],
  [1, 25],
  [23, 71],
  [-48, 30 * 24],
] as const;

/** A non-linear integer hash (murmur3's finaliser) in [0, 2^30): no linear relations between values. */
function scatter(n: number): number {
  let x = n + 0x9e3779b9;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 2;
}

interface Answer {
  phase: number;
  query: string;
  group: string;
  start: string;
  sum: number;
}

function run(name: string, makeStore?: () => Promise<{ store?: Store; env: Record<string, string> }>) {
  describe(`aggregates against a differencing analyst (${name})`, () => {
    let host: TestHost;
    let analyst: string;
    let seq = 0;
    const answers: Answer[] = [];
    /** Every true single-household value, per property, rounded to 1e-6 (from the store, all phases). */
    const truth: Record<string, Set<number>> = { importWh: new Set(), powerAvgW: new Set() };
    const key = (v: number) => Math.round(v * 1e6);

    const put = (id: string, householdId: string, timeZone: string) =>
      fetch(`${host.url}/api/meters/${id}`, {
        method: "PUT",
        headers: { authorization: `Bearer ${host.admin}`, "content-type": "application/json" },
        body: JSON.stringify({ householdId, deviceId: "edge-local", timeZone }),
      });
    /** Hourly intervals with distinct values per meter and hour (no two households alike). */
    const send = async (meterId: string, salt: number, fromHour: number, hours: number) => {
      const msgs = Array.from({ length: hours }, (_, i) => {
        const h = fromHour + i;
        // Large, scattered values: a sum of other households matches one household's value only by a leak.
        const wh = 1_000_000 + scatter(salt * 1000 + h);
        return message(
          interval(meterId, new Date(D0 + h * HOUR).toISOString(), wh, 60),
          "interval",
          "edge-local",
          seq++,
        );
      });
      const res = await ingest(host, msgs);
      expect(await res.json()).toMatchObject({ accepted: hours, rejected: 0, parked: 0 });
    };
    const recordTruth = async () => {
      for (const resolution of RESOLUTIONS) {
        const rows = await host.store.householdBuckets({
          resolution,
          from: D0 - 62 * DAY,
          to: D0 + 62 * DAY,
        });
        for (const r of rows) {
          truth.importWh?.add(key(r.importWh));
          if (r.powerAvgW !== null) truth.powerAvgW?.add(key(r.powerAvgW));
        }
      }
    };
    const askEverything = async (phase: number) => {
      for (const [property] of Object.entries(PROPERTIES))
        for (const resolution of RESOLUTIONS)
          for (const group of GROUPS)
            for (const [a, b] of WINDOWS) {
              const from = new Date(D0 + a * HOUR).toISOString();
              const to = new Date(D0 + b * HOUR).toISOString();
              const query = `property=${property}&resolution=${resolution}&group=${group}&from=${from}&to=${to}`;
              for (let repeat = 0; repeat < 2; repeat++) {
                const r = await get(host, `/api/aggregates?${query}`, analyst);
                expect(r.status, query).toBe(200);
                for (const bucket of r.body.buckets) {
                  expect(bucket.households).toBeGreaterThanOrEqual(2);
                  answers.push({ phase, query, group: bucket.group, start: bucket.start, sum: bucket.sum });
                }
              }
            }
    };

    beforeAll(async () => {
      const made = makeStore ? await makeStore() : { env: {} };
      host = await startTestHost(
        { AGGREGATE_MIN_HOUSEHOLDS: "2", AGGREGATE_RELEASE_DELAY_HOURS: "0", ...made.env },
        made.store,
      );
      analyst = await host.issueToken({ sub: "ana", role: "analyst" });
      // Phase 1: hh-1 (m-1) and hh-3 (m-9) in Vienna, hh-2 (m-3) in UTC; two days of hours.
      expect((await put("m-9", "hh-3", "Europe/Vienna")).status).toBe(200);
      await send("m-1", 1, 0, 48);
      await send("m-9", 3, 0, 48);
      await send("m-3", 2, 0, 48);
      await recordTruth();
      await askEverything(1);
      // Phase 2: hh-4 (UTC) joins with late data for the answered hours and a new day for everyone.
      expect((await put("m-10", "hh-4", "UTC")).status).toBe(200);
      await send("m-10", 4, 0, 72);
      for (const [m, salt] of [
        ["m-1", 1],
        ["m-9", 3],
        ["m-3", 2],
      ] as const)
        await send(m, salt, 48, 24);
      await recordTruth();
      await askEverything(2);
      // Phase 3: hh-2 leaves (deletes its data); a fourth day without it.
      const del = await fetch(`${host.url}/api/households/hh-2/data`, {
        method: "DELETE",
        headers: { authorization: `Bearer ${host.admin}` },
      });
      expect(del.status).toBe(200);
      for (const [m, salt] of [
        ["m-1", 1],
        ["m-9", 3],
        ["m-10", 4],
      ] as const)
        await send(m, salt, 72, 24);
      await recordTruth();
      await askEverything(3);
    }, 240_000);
    afterAll(async () => host?.close());

    it("answers something in every phase (the attack has material)", () => {
      for (const phase of [1, 2, 3])
        expect(answers.filter((a) => a.phase === phase).length).toBeGreaterThan(0);
      expect(truth.importWh?.size).toBeGreaterThan(100);
    });

    it("gives the same value for a bucket however, whenever and how often it is asked", () => {
      const seen = new Map<string, number>();
      for (const a of answers) {
        const id = `${a.query.split("&from")[0]}|${a.group}|${a.start}`;
        const before = seen.get(id);
        if (before !== undefined) expect(a.sum, id).toBe(before);
        seen.set(id, a.sum);
      }
    });

    it("isolates no single household by any answer, difference or sum of two answers", () => {
      const leaks: string[] = [];
      for (const [property, field] of Object.entries(PROPERTIES)) {
        const own = answers.filter((a) => a.query.startsWith(`property=${property}&`));
        const values = [...new Set(own.map((a) => a.sum))];
        const known = truth[field] as Set<number>;
        for (const x of values) if (known.has(key(x))) leaks.push(`${property}: answer ${x}`);
        for (const x of values)
          for (const y of values) {
            if (x !== y && known.has(key(x - y))) leaks.push(`${property}: ${x} - ${y}`);
            if (known.has(key(x + y))) leaks.push(`${property}: ${x} + ${y}`);
          }
      }
      expect(leaks.slice(0, 5)).toEqual([]);
    });
  });
}

run("SQLite");

let cosmos: ReturnType<typeof createHttpsServer> | undefined;
run("Cosmos DB emulator", async () => {
  cosmos = createHttpsServer({ keepAlive: true });
  const server = cosmos;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  return {
    env: {
      OMDP_STORE: "cosmos",
      COSMOS_ENDPOINT: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
      COSMOS_KEY: "bG9jYWwtZW11bGF0b3Ita2V5",
      COSMOS_GROUP_BY: "false",
    },
  };
});
afterAll(async () => {
  const server = cosmos;
  if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
});
