/**
 * Detached mode (`npm start -- --detached`): no cloud at all; the app reads live values and history from
 * the edge alone, and the totals it shows equal the edge's own intervals.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PeriodKind, periodContaining } from "../../app/src/lib/period";
import { groupAlive } from "../../simulator/src/platform/index";
import {
  type Browser,
  edgeIntervals,
  launchBrowser,
  startTestPlatform,
  type TestPlatform,
  waitFor,
} from "./support";

// biome-ignore lint/suspicious/noExplicitAny: the browser's document, typed by the page, not by Node
declare const document: any;

const METER = "KFM1000000001";
const TZ = "Europe/Vienna";
let tp: TestPlatform;
let browser: Browser;
let page: Page;
let groups: number[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  tp = await startTestPlatform({ speed: 120, leadSeconds: 90, detached: true });
  groups = tp.handle.pids();
  page = await browser.context.newPage();
}, 120_000);

afterAll(async () => {
  await page?.close().catch(() => {});
  await browser?.close();
  if (tp) groups = [...new Set([...groups, ...tp.handle.pids()])]; // components restarted during the run too
  await tp?.close();
  expect(groups.filter(groupAlive)).toEqual([]);
}, 60_000);

describe("detached: the platform without a cloud", () => {
  it("runs no cloud and hands the app no cloud URL", async () => {
    expect(tp.handle.status.cloud.state).toBe("stopped");
    expect(tp.handle.status.edge.state).toBe("running");
    const cfg = (await (await fetch(`${tp.handle.appUrl}/config.json`)).json()) as {
      cloudUrl: string;
      detached: boolean;
    };
    expect(cfg).toMatchObject({ cloudUrl: "", detached: true });
    expect((await fetch(`${tp.handle.appUrl}/cloud/api/health`)).status).toBe(404);
  });

  it("shows history from the edge, equal to the edge's intervals", async () => {
    const from = tp.simStart - 3_600_000;
    const far = Date.now() + 86_400_000;
    const edge = await waitFor("three intervals on the edge", 60_000, async () => {
      const xs = await edgeIntervals(tp.handle, METER, from, far);
      return xs.length >= 3 ? xs : undefined;
    });
    const first = Date.parse(edge[0]!.intervalStart);
    const kind = (["day", "week", "month", "year"] as PeriodKind[]).find(
      (k) => periodContaining(k, Date.now(), TZ).start <= first,
    )!;
    await page.goto(`${tp.handle.appUrl}/#/history?kind=${kind}&meter=${METER}`);
    await page.waitForFunction(() => document.querySelector("main")?.dataset.painted === "1", null, {
      timeout: 20_000,
    });
    expect(await page.locator("main").textContent()).toContain("Source: edge (detached)");
    const shown = Number(await page.locator("#hist-import").getAttribute("data-wh"));
    const period = periodContaining(kind, Date.now(), TZ);
    const inPeriod = await edgeIntervals(tp.handle, METER, period.start, period.end);
    // The edge keeps closing intervals; the view shows what it had when it loaded.
    const sums: number[] = [];
    let acc = 0;
    for (const x of inPeriod) {
      acc += x.energyImportedWh;
      sums.push(acc);
    }
    expect(shown).toBeGreaterThan(0);
    expect(sums).toContain(shown);
  }, 90_000);
});
