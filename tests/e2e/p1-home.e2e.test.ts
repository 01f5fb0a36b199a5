/**
 * The example homes end to end in one platform run: examples/home-be-p1.json (a Fluvius e-MUCS meter
 * with capacity fields, a Dutch DSMR 5 meter, a Luxembourg Smarty meter), home-de-sml.json (a German SML
 * meter) and home-d0.json (a push-only D0 meter and a mode C one), each meter on its own line over TCP as
 * through a ser2net bridge: simulator -> @omdp/reader line per meter (the Smarty key from the keys
 * file) -> leaf device through the local edge hub -> analytics -> sharing's store. Each meter's latest
 * reading in the store carries exactly the values the simulator logged for it: P1 by its meter time,
 * SML and D0 (timed by reception) by their registers, which only ever grow.
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

const METERS: [string, string][] = [
  ["1SAG3101021605", "dsmr"],
  ["E0044007312345678", "dsmr"],
  ["SAG1000000011", "dsmr"],
  ["EBZ0012345", "sml"],
  ["HAG0000001", "d0"],
  ["LGZ0000002", "d0"],
];
const example = (name: string) =>
  loadConfigFile(join(REPO_ROOT, "examples", name), true) as { households: unknown[]; [k: string]: unknown };
let tp: TestPlatform;
let groups: number[] = [];

beforeAll(async () => {
  tp = await startTestPlatform({
    speed: 30,
    leadSeconds: 30,
    detached: true,
    config: {
      ...example("home-be-p1.json"),
      households: ["home-be-p1.json", "home-de-sml.json", "home-d0.json"].flatMap(
        (f) => example(f).households,
      ),
    },
  });
  groups = tp.handle.pids();
}, 90_000);

afterAll(async () => {
  if (tp) groups = [...new Set([...groups, ...tp.handle.pids()])];
  await tp?.close();
  expect(groups.filter(groupAlive)).toEqual([]);
}, 60_000);

describe("P1, SML and D0 homes through the platform", () => {
  it.each(METERS)(
    "%s (%s): its latest reading in the sharing store is what the simulator sent",
    async (meterId, protocol) => {
      const url = `http://127.0.0.1:${tp.handle.config.ports.edgeApi}/api/meters/${meterId}/latest`;
      const latest = await waitFor(`a reading of ${meterId} in the store`, 25_000, async () => {
        const l = await getJson<Latest>(url, tp.handle.edgeToken()).catch(() => undefined);
        return l?.reading ? l : undefined;
      });
      const r = latest.reading;
      expect(r.source.protocol).toBe(protocol);
      const got = Object.fromEntries(r.values.map((v) => [v.property, v.value]));
      // P1 telegrams carry their meter time; SML and D0 readings are timed by reception, so their
      // telegram is the last one with the same A+ and A- registers and signed power
      const sent = readTelegramLog(tp.dataDir).findLast((t) =>
        t.meterId !== meterId
          ? false
          : protocol === "dsmr"
            ? t.meterTime === Date.parse(r.readingTime)
            : ["1-0:1.8.0", "1-0:2.8.0", "1-0:16.7.0"].every((p) => t.registers[p] === got[p]),
      );
      expect(sent, "the simulator logged this telegram").toBeDefined();
      for (const [property, value] of Object.entries(sent?.registers ?? {}))
        expect(got[property], property).toBe(value);
      if (protocol === "dsmr")
        expect(got["1-0:1.8.0"]).toBe((got["1-0:1.8.1"] ?? 0) + (got["1-0:1.8.2"] ?? 0));
      if (meterId === "1SAG3101021605") {
        expect(got["1-0:1.4.0"]).toBeTypeOf("number"); // Fluvius capacity tariff: current average demand
        expect(got["1-0:1.6.0"]).toBeTypeOf("number"); // and this month's peak
      }
    },
    30_000,
  );
});
