/**
 * The whole platform in a real browser: `startPlatform` (what `npm start` runs) with simulated meters at
 * 60x, the edge hub with its four modules, the local cloud and the app, driven through Debian's Chromium.
 * Live power, an alert from a rule set in the app, a cloud outage with store-and-forward, a revoked
 * consent, and history totals checked against the simulator's own registers to the Wh.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Period, type PeriodKind, periodContaining } from "../../app/src/lib/period";
import { groupAlive } from "../../simulator/src/platform/index";
import {
  type ApiInterval,
  type Browser,
  cloudIntervals,
  edgeIntervals,
  launchBrowser,
  readTelegrams,
  startTestPlatform,
  type TestPlatform,
  waitFor,
} from "./support";

// Functions passed to page.evaluate/waitForFunction run in the browser; the repo's Node lib has no DOM.
// biome-ignore lint/suspicious/noExplicitAny: the browser's document, typed by the page, not by Node
declare const document: any;
// biome-ignore lint/suspicious/noExplicitAny: the browser's window
declare const window: any;

const SPEED = 60; // one 15-minute interval every 15 s of wall time
const LEAD_S = 240; // meter time starts 4 h (at 60x) in the past and never overtakes the clock
const HOUSEHOLD = "hh-1";
const METER = "KFM1000000001";
const TZ = "Europe/Vienna";
const IMPORT = "1-0:1.8.0";
const EXPORT = "1-0:2.8.0";
const ROOT = join(import.meta.dirname, "..", "..");
const SHOTS = join(import.meta.dirname, "screenshots");
const DOC_IMG = join(ROOT, "docs", "img");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let tp: TestPlatform;
let browser: Browser;
let page: Page;
let groups: number[] = [];

async function shot(name: string, doc?: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  if (doc && process.env.OMDP_E2E_DOC_IMAGES) {
    mkdirSync(DOC_IMG, { recursive: true });
    await page.screenshot({ path: join(DOC_IMG, doc) });
  }
}

const FAR = () => Date.now() + 86_400_000;
const all = (from: number) => cloudIntervals(tp.handle, HOUSEHOLD, METER, from, FAR());

beforeAll(async () => {
  browser = await launchBrowser();
  tp = await startTestPlatform({ speed: SPEED, leadSeconds: LEAD_S });
  groups = tp.handle.pids();
  page = await browser.context.newPage();
}, 120_000);

/** What is not running, in the supervisor's words (empty when the whole platform is up). */
function incomplete(): string[] {
  const s = tp.handle.status;
  const out = (["cloud", "meters", "edge", "app"] as const)
    .filter((c) => s[c].state !== "running")
    .map((c) => `${c}: ${s[c].state}${s[c].detail ? ` (${s[c].detail})` : ""}`);
  const modules = (s.edge.info?.modules as string[] | undefined) ?? [];
  for (const m of modules) if (m.endsWith("(not running)")) out.push(`edge module ${m}`);
  return out;
}

/** Every step needs the whole platform; without it each fails at once, naming what is missing. */
function needsPlatform(): void {
  expect(incomplete(), "parts of the platform not running").toEqual([]);
}

afterAll(async () => {
  await page?.close().catch(() => {});
  await browser?.close();
  if (tp) groups = [...new Set([...groups, ...tp.handle.pids()])]; // components restarted during the run too
  await tp?.close();
  // No orphans: every process group the supervisor started is gone.
  expect(groups.filter(groupAlive)).toEqual([]);
}, 60_000);

describe("the platform in a real browser", () => {
  it("starts every part: cloud, meters, edge hub with its four modules, app", () => {
    needsPlatform();
    expect(tp.handle.status.edge.info?.modules).toEqual(["mbusReader", "analytics", "events", "sharing"]);
  });

  it("live: power arrives from the edge stream and changes; the edge shows as connected", async () => {
    needsPlatform();
    await page.goto(`${tp.handle.appUrl}/#/live`);
    await page.waitForSelector('#connection[data-state="connected"]', { timeout: 20_000 });
    const imp = page.locator("#live-import");
    await page.waitForFunction(() => document.querySelector("#live-import")?.getAttribute("data-w"), null, {
      timeout: 20_000,
    });
    const first = await imp.textContent();
    await page.waitForFunction(
      (before) => document.querySelector("#live-import")?.textContent !== before,
      first,
      { timeout: 20_000 },
    );
    expect(await imp.textContent()).toMatch(/^\d+\.\d{2,3} kW$/);
    expect(await page.locator(`section[data-meter="${METER}"] [data-field="importW"]`).textContent()).toMatch(
      /kW$/,
    );
    await shot("live", "live.png");
  }, 60_000);

  it("alerts: a rule set in the app fires, shows with severity and time, and can be acknowledged", async () => {
    needsPlatform();
    await page.goto(`${tp.handle.appUrl}/#/alerts`);
    await page.selectOption("#rule-meter", METER);
    await page.fill("#rule-kw", "0");
    await page.fill("#rule-secs", "0");
    await page.selectOption("#rule-severity", "critical");
    await page.getByRole("button", { name: "Add rule" }).click();
    await page.waitForFunction(() => /Saved \d+ rule/.test(document.body.textContent ?? ""), null, {
      timeout: 10_000,
    });
    const alert = page.locator('#alerts-list li[data-type="threshold.power.exceeded"]').first();
    await alert.waitFor({ timeout: 45_000 });
    expect(await alert.locator(".badge").textContent()).toBe("critical");
    expect(await alert.locator("time").getAttribute("datetime")).toMatch(/^\d{4}-\d\d-\d\dT/);
    await shot("alerts");
    await alert.getByRole("button", { name: /Acknowledge/ }).click();
    await page.waitForFunction(
      () =>
        document
          .querySelector('#alerts-list li[data-type="threshold.power.exceeded"]')
          ?.textContent?.includes("acknowledged"),
      null,
      { timeout: 15_000 },
    );
  }, 90_000);

  it("outage: the cloud stops while meters keep sending; afterwards the history has no gap and no duplicate", async () => {
    needsPlatform();
    const from = tp.simStart;
    await waitFor("two intervals in the cloud", 60_000, async () =>
      (await all(from)).length >= 2 ? true : undefined,
    );
    await tp.handle.stopComponent("cloud");
    expect(tp.handle.status.cloud.state).toBe("stopped");
    const before = (await edgeIntervals(tp.handle, METER, from, FAR())).length;
    await sleep(25_000); // 25 minutes of meter time: at least one interval closes while the cloud is down
    const during = (await edgeIntervals(tp.handle, METER, from, FAR())).length;
    expect(during).toBeGreaterThan(before);
    const back = await tp.handle.startComponent("cloud");
    expect(back.state).toBe("running");
    const edge = await edgeIntervals(tp.handle, METER, from, FAR());
    const cloud = await waitFor("the cloud to catch up with the edge", 60_000, async () => {
      const c = await all(from);
      const ids = new Set(c.map((x) => x.id));
      return edge.every((e) => ids.has(e.id)) ? c : undefined;
    });
    expect(new Set(cloud.map((c) => c.id)).size).toBe(cloud.length); // no duplicate
    for (let i = 1; i < cloud.length; i++) {
      expect(Date.parse(cloud[i]!.intervalStart)).toBe(Date.parse(cloud[i - 1]!.intervalEnd)); // no gap
    }
    const byId = new Map(edge.map((e) => [e.id, e]));
    for (const c of cloud) {
      const e = byId.get(c.id);
      if (e)
        expect([c.energyImportedWh, c.energyExportedWh]).toEqual([e.energyImportedWh, e.energyExportedWh]);
    }
  }, 150_000);

  it("privacy: revoking the cloud's consent in the app stops upstream data", async () => {
    needsPlatform();
    await page.goto(`${tp.handle.appUrl}/#/privacy`);
    const row = page.locator('#consents tr[data-recipient="cloud"]:not(.revoked)').first();
    await row.waitFor({ timeout: 15_000 });
    await shot("privacy");
    await row.getByRole("button", { name: /Revoke consent for cloud/ }).click();
    await page.waitForSelector('#consents tr[data-recipient="cloud"].revoked', { timeout: 15_000 });
    await page.waitForFunction(
      () => (document.querySelector("#audit")?.textContent ?? "").includes("revoke"),
      null,
      {
        timeout: 10_000,
      },
    );
    await sleep(3_000); // what was already on its way may still arrive
    const from = tp.simStart;
    const cloudBefore = (await all(from)).length;
    const edgeBefore = (await edgeIntervals(tp.handle, METER, from, FAR())).length;
    await sleep(20_000); // more than one interval of meter time
    expect((await edgeIntervals(tp.handle, METER, from, FAR())).length).toBeGreaterThan(edgeBefore);
    expect((await all(from)).length).toBe(cloudBefore);
  }, 60_000);

  it("history: the energy shown equals the cloud's intervals and the simulator's register deltas, to the Wh", async () => {
    needsPlatform();
    const from = tp.simStart;
    const intervals = await all(from);
    expect(intervals.length).toBeGreaterThanOrEqual(3); // two before the outage, at least one during it
    const first = intervals[0]!;
    const last = intervals[intervals.length - 1]!;
    // The smallest view of the app (in the household's zone) that holds all of it.
    const kinds: PeriodKind[] = ["day", "week", "month", "year"];
    const kind = kinds.find((k) => {
      const p = periodContaining(k, Date.now(), TZ);
      return p.start <= Date.parse(first.intervalStart) && Date.parse(last.intervalEnd) <= p.end;
    })!;
    const period: Period = periodContaining(kind, Date.now(), TZ);
    const inPeriod = await cloudIntervals(tp.handle, HOUSEHOLD, METER, period.start, period.end);
    expect(inPeriod.length).toBeGreaterThanOrEqual(intervals.length);
    const sum = (xs: ApiInterval[], f: (x: ApiInterval) => number) => xs.reduce((a, x) => a + f(x), 0);
    const cloudImport = sum(inPeriod, (x) => x.energyImportedWh);
    const cloudExport = sum(inPeriod, (x) => x.energyExportedWh);

    await page.goto(`${tp.handle.appUrl}/#/history`);
    await page.click(`button[data-kind="${kind}"]`);
    await page.waitForFunction(
      () => document.querySelector("main")?.dataset.painted === "1" && document.querySelector("#hist-import"),
      null,
      { timeout: 20_000 },
    );
    const shownImport = Number(await page.locator("#hist-import").getAttribute("data-wh"));
    const shownExport = Number(await page.locator("#hist-export").getAttribute("data-wh"));
    expect(shownImport).toBe(cloudImport);
    expect(shownExport).toBe(cloudExport);
    expect(shownImport).toBeGreaterThan(0);

    // Against the simulator: each interval's end register is a value the meter sent, and the total is the
    // register delta from the first interval's opening value to the last interval's closing value.
    const sent = readTelegrams(tp.dataDir, METER);
    const firstShown = inPeriod[0]!;
    const lastShown = inPeriod[inPeriod.length - 1]!;
    const opening = firstShown.registers[IMPORT]! - firstShown.energyImportedWh;
    const openingExport = (firstShown.registers[EXPORT] ?? 0) - firstShown.energyExportedWh;
    const openedBy = sent.find((t) => t.registers[IMPORT] === opening);
    expect(openedBy, `a telegram with A+ = ${opening} Wh`).toBeDefined();
    const lastEnd = Date.parse(lastShown.intervalEnd);
    const closing = [...sent].reverse().find((t) => t.meterTime <= lastEnd)!;
    expect(closing.registers[IMPORT]).toBe(lastShown.registers[IMPORT]);
    expect(shownImport).toBe(closing.registers[IMPORT]! - opening);
    expect(shownExport).toBe((closing.registers[EXPORT] ?? 0) - openingExport);
    await shot("history");

    // CSV of what is shown: the same energy, to the Wh.
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 10_000 }),
      page.click("#history-csv"),
    ]);
    const csv = readFileSync((await download.path())!, "utf8")
      .trim()
      .split("\r\n");
    expect(csv[0]).toContain("imported_kWh");
    const csvWh = csv.slice(1).reduce((a, line) => a + Math.round(Number(line.split(",")[3] || 0) * 1000), 0);
    expect(csvWh).toBe(shownImport);

    // Zoom in with the keyboard: the totals follow the window, and no history is fetched again.
    let refetched = 0;
    page.on("request", (r) => {
      if (r.url().includes("/intervals")) refetched++;
    });
    await page.focus(".chart");
    await page.keyboard.press("+");
    await page.waitForFunction(
      (total) => Number(document.querySelector("#hist-import")?.getAttribute("data-wh")) <= total,
      shownImport,
      { timeout: 5_000 },
    );
    await page.keyboard.press("0");
    await page.waitForFunction(
      (total) => Number(document.querySelector("#hist-import")?.getAttribute("data-wh")) === total,
      shownImport,
      { timeout: 5_000 },
    );
    expect(refetched).toBe(0);

    // The picture for the README: the day view of the day the data is in.
    await page.click('button[data-kind="day"]');
    const dataDay = periodContaining("day", Date.parse(lastShown.intervalStart), TZ);
    let today = periodContaining("day", Date.now(), TZ);
    for (let i = 0; i < 3 && today.start > dataDay.start; i++) {
      await page.getByRole("button", { name: "Previous period" }).click();
      today = periodContaining("day", today.start - 1, TZ);
    }
    await page.waitForFunction(() => document.querySelector("main")?.dataset.painted === "1", null, {
      timeout: 10_000,
    });
    await shot("history-day", "history.png");
  }, 60_000);

  it("is usable on a phone: no horizontal scrolling, every control has an accessible name", async () => {
    needsPlatform();
    await page.setViewportSize({ width: 390, height: 844 });
    for (const view of ["live", "history", "alerts", "privacy"]) {
      await page.goto(`${tp.handle.appUrl}/#/${view}`);
      await page.waitForSelector(`main[data-view="${view}"]`, { timeout: 10_000 });
      await sleep(500);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${view} scrolls sideways`).toBeLessThanOrEqual(1);
      const unnamed = await page.evaluate(() =>
        [...document.querySelectorAll("button, select, input, textarea")]
          .filter((el) => {
            const e = el;
            const label: string = e.labels?.length ? e.labels[0].textContent : "";
            return !(
              e.getAttribute("aria-label") ||
              label?.trim() ||
              (el.tagName === "BUTTON" && el.textContent?.trim())
            );
          })
          .map((el) => String(el.outerHTML).slice(0, 80)),
      );
      expect(unnamed, `${view}: controls without a name`).toEqual([]);
    }
    await shot("phone-privacy");
  }, 60_000);

  it("live: the connection indicator shows the edge unreachable and recovers by itself", async () => {
    needsPlatform();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${tp.handle.appUrl}/#/live`);
    await page.waitForSelector('#connection[data-state="connected"]', { timeout: 20_000 });
    await tp.handle.stopComponent("edge");
    await page.waitForSelector('#connection[data-state="reconnecting"]', { timeout: 40_000 });
    expect(await page.locator("#connection").textContent()).toMatch(
      /^Edge offline: edge unreachable, retrying in \d+ s$/,
    );
    await shot("live-offline");
    const back = await tp.handle.startComponent("edge");
    expect(back.state).toBe("running");
    await page.waitForSelector('#connection[data-state="connected"]', { timeout: 60_000 });
    const before = await page.locator("#live-import").textContent();
    await page.waitForFunction((b) => document.querySelector("#live-import")?.textContent !== b, before, {
      timeout: 20_000,
    });
  }, 150_000);
});
