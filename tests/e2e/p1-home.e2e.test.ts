/**
 * A Belgian P1 home end to end (examples/home-be-p1.json: a Fluvius e-MUCS meter with capacity fields,
 * a Dutch DSMR 5 meter and a Luxembourg Smarty meter, each on its own P1 line over TCP as through a
 * ser2net bridge): simulator -> @omdp/reader line per meter (protocol dsmr; the Smarty key from the
 * keys file) -> leaf device through the local edge hub -> analytics -> sharing's store. Each meter's
 * latest reading in the store carries exactly the values the simulator logged for that meter time.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { groupAlive, loadConfigFile, REPO_ROOT } from "../../simulator/src/platform/index";
import { getJson, readTelegramLog, startTestPlatform, type TestPlatform, waitFor } from "./support";

interface Latest {
  reading: {
    meterId: string;
    readingTime: string;
    source: { protocol: string };
    values: { property: string; value: number; unit: string }[];
  };
}

const METERS = ["1SAG3101021605", "E0044007312345678", "SAG1000000011"];
let tp: TestPlatform;
let groups: number[] = [];

beforeAll(async () => {
  tp = await startTestPlatform({
    speed: 30,
    leadSeconds: 30,
    detached: true,
    config: loadConfigFile(join(REPO_ROOT, "examples", "home-be-p1.json"), true),
  });
  groups = tp.handle.pids();
}, 90_000);

afterAll(async () => {
  if (tp) groups = [...new Set([...groups, ...tp.handle.pids()])];
  await tp?.close();
  expect(groups.filter(groupAlive)).toEqual([]);
}, 60_000);

describe("a P1 home through the platform", () => {
  it.each(METERS)(
    "%s: its latest reading in the sharing store is what the simulator sent",
    async (meterId) => {
      const url = `http://127.0.0.1:${tp.handle.config.ports.edgeApi}/api/meters/${meterId}/latest`;
      const latest = await waitFor(`a reading of ${meterId} in the store`, 25_000, async () => {
        const l = await getJson<Latest>(url, tp.handle.edgeToken()).catch(() => undefined);
        return l?.reading ? l : undefined;
      });
      const r = latest.reading;
      expect(r.source.protocol).toBe("dsmr");
      const sent = readTelegramLog(tp.dataDir).find(
        (t) => t.meterId === meterId && t.meterTime === Date.parse(r.readingTime),
      );
      expect(sent, "the simulator logged this telegram").toBeDefined();
      const got = Object.fromEntries(r.values.map((v) => [v.property, v.value]));
      for (const [property, value] of Object.entries(sent?.registers ?? {}))
        expect(got[property], property).toBe(value);
      expect(got["1-0:1.8.0"]).toBe((got["1-0:1.8.1"] ?? 0) + (got["1-0:1.8.2"] ?? 0));
      if (meterId === "1SAG3101021605") {
        expect(got["1-0:1.4.0"]).toBeTypeOf("number"); // Fluvius capacity tariff: current average demand
        expect(got["1-0:1.6.0"]).toBeTypeOf("number"); // and this month's peak
      }
    },
    30_000,
  );
});
