/**
 * The wireless M-Bus example home end to end: examples/home-wmbus.json (a DLMS electricity meter, and
 * wM-Bus water, heat (OMS mode 7) and heat cost allocator meters, each through a simulated iM871A
 * stick on its own line over TCP) -> @omdp/reader wM-Bus line per meter (keys from the keys file the
 * simulator wrote) -> leaf device through the local edge hub -> analytics -> sharing's store. Each
 * wM-Bus meter's latest reading in the store carries exactly the values the simulator logged for the
 * telegram of its meter time (wM-Bus telegrams carry the meter's clock), and the electricity meter
 * is read beside them.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { groupAlive, loadConfigFile, REPO_ROOT } from "../../simulator/src/platform/index";
import {
  type Browser,
  getJson,
  launchBrowser,
  readTelegramLog,
  startTestPlatform,
  type TestPlatform,
  waitFor,
} from "./support";

interface Latest {
  reading: {
    meterId: string;
    readingTime: string;
    source: { protocol: string };
    values: { property: string; value: number; unit: string }[];
  };
}

const METERS: [string, string, string][] = [
  ["71000031", "wmbus", "8-0:1.0.0"],
  ["71000032", "wmbus", "6-0:1.0.0"],
  ["71000033", "wmbus", "4-0:1.0.0"],
  ["KFM1000000031", "dlms", "1-0:1.8.0"],
];
let tp: TestPlatform;
let browser: Browser | undefined;
let groups: number[] = [];

beforeAll(async () => {
  tp = await startTestPlatform({
    speed: 30,
    leadSeconds: 30,
    detached: true,
    config: loadConfigFile(join(REPO_ROOT, "examples", "home-wmbus.json"), true) as Record<string, unknown>,
  });
  groups = tp.handle.pids();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  if (tp) groups = [...new Set([...groups, ...tp.handle.pids()])];
  await tp?.close();
  expect(groups.filter(groupAlive)).toEqual([]);
}, 60_000);

describe("the wM-Bus home through the platform", () => {
  it.each(METERS)(
    "%s (%s): its latest reading in the sharing store is what the simulator sent (%s)",
    async (meterId, protocol, register) => {
      const url = `http://127.0.0.1:${tp.handle.config.ports.edgeApi}/api/meters/${meterId}/latest`;
      const latest = await waitFor(`a reading of ${meterId} in the store`, 25_000, async () => {
        const l = await getJson<Latest>(url, tp.handle.edgeToken()).catch(() => undefined);
        return l?.reading ? l : undefined;
      });
      const r = latest.reading;
      expect(r.source.protocol).toBe(protocol);
      const got = Object.fromEntries(r.values.map((v) => [v.property, v.value]));
      expect(got[register]).toBeTypeOf("number");
      if (protocol !== "wmbus") return;
      const sent = readTelegramLog(tp.dataDir).findLast(
        (t) => t.meterId === meterId && t.meterTime === Date.parse(r.readingTime),
      );
      expect(sent, "the simulator logged this telegram").toBeDefined();
      for (const [property, value] of Object.entries(sent?.registers ?? {}))
        expect(got[property], property).toBe(value);
    },
    30_000,
  );

  it("the app's Household page shows each medium, the water meter's volume as the simulator logged it", async () => {
    browser = await launchBrowser();
    const page = await browser.context.newPage();
    await page.goto(`${tp.handle.appUrl}/#/household`);
    const water = page.locator('section[data-medium="water"] section[data-meter="71000031"]');
    const volume = water.locator('[data-property="8-0:1.0.0"]');
    await volume.waitFor({ timeout: 20_000 });
    const order = await page
      .locator("#household-media > section")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-medium")));
    expect(order).toEqual(["electricity", "water", "heat", "hca"]);
    const at = Number(await water.getAttribute("data-at"));
    const shown = Number(await volume.getAttribute("data-value"));
    const sent = readTelegramLog(tp.dataDir).findLast((t) => t.meterId === "71000031" && t.meterTime === at);
    expect(sent, "the simulator logged the shown reading's telegram").toBeDefined();
    const logged = sent?.registers?.["8-0:1.0.0"] as number;
    expect(shown).toBe(logged);
    // what the user reads: the logged m3 to the litre, en-GB digits
    const litres = logged.toLocaleString("en-GB", { minimumFractionDigits: 3, maximumFractionDigits: 3 });
    expect(await volume.textContent()).toBe(`${litres} m³`);
    // OMDP_E2E_DOC_IMAGES=1 refreshes the README's picture of this page (docs/app-and-start.md)
    if (process.env.OMDP_E2E_DOC_IMAGES) {
      // with today's water once a quarter hour has closed (the page refreshes every 30 s)
      await page.waitForFunction(
        (sel) =>
          (
            globalThis as { document?: { querySelector(s: string): { textContent: string } | null } }
          ).document?.querySelector(sel)?.textContent !== "–",
        'section[data-meter="71000031"] [data-field="today"]',
        { timeout: 90_000 },
      );
      await page.screenshot({ path: join(REPO_ROOT, "docs", "img", "household.png"), fullPage: true });
    }
    await page.close();
  }, 150_000);
});
