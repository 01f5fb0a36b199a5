/**
 * Refreshes the README's pictures from a first start with backfill, as a new user sees it:
 * `npx tsx tests/e2e/doc-images.ts` starts the platform on the embedded defaults (omdp.config.json) on a
 * new data dir (so the default P30D backfill runs through the whole pipeline), waits until the cloud
 * holds the backfilled month, and writes docs/img/live.png and docs/img/history.png (Month) from
 * Debian's Chromium. Not a test: run it by hand when the views change (docs/app-and-start.md).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO_ROOT, resolveConfig, startPlatform } from "../../simulator/src/platform/index";
import { cloudIntervals, launchBrowser, waitFor } from "./support";

const IMG = join(REPO_ROOT, "docs", "img");
const METER = { householdId: "hh-1", meterId: "KFM1000000001" };
const DAY = 86_400_000;
/** The page's document, as far as the wait below reads it (this file is compiled without DOM types). */
type BrowserGlobal = { document: { querySelector(s: string): { textContent: string | null } | null } };

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), "omdp-docimg-"));
  const cfg = resolveConfig(
    undefined,
    { PATH: process.env.PATH, HOME: process.env.HOME },
    {
      ports: { app: 0, cloud: 0, edgeApi: 0, edgeMqtt: 0, edgeAdmin: 0, simTcp: 0 },
      dataDir,
      logFormat: "json",
    },
    REPO_ROOT,
  );
  const h = await startPlatform(cfg, { write: () => {}, readyTimeoutMs: 90_000 });
  const browser = await launchBrowser();
  try {
    // 30 days of quarter hours (less the edges) in the cloud: the backfill is through
    const from = Date.now() - 29 * DAY;
    await waitFor("the backfilled month in the cloud", 300_000, async () => {
      const items = await cloudIntervals(h, METER.householdId, METER.meterId, from, Date.now());
      return items.length >= 29 * 96 - 8 ? true : undefined;
    });
    const page = await browser.context.newPage();
    await page.goto(`${h.appUrl}/#/live`);
    await page.waitForSelector('#connection[data-state="connected"]', { timeout: 30_000 });
    await page.waitForSelector('main[data-painted="1"]', { timeout: 30_000 });
    await page.waitForFunction(
      () =>
        !/^–$/.test(
          (globalThis as unknown as BrowserGlobal).document.querySelector("#live-cost-today")?.textContent ??
            "–",
        ),
      null,
      { timeout: 30_000 },
    );
    // ten seconds of trend after the preload
    await page.waitForTimeout(10_000);
    await page.screenshot({ path: join(IMG, "live.png") });
    await page.goto(`${h.appUrl}/#/history?kind=month&meter=${METER.meterId}`);
    await page.waitForSelector('main[data-painted="1"]', { timeout: 30_000 });
    await page.waitForFunction(
      () =>
        !/^–$/.test(
          (globalThis as unknown as BrowserGlobal).document.querySelector("#hist-cost")?.textContent ?? "–",
        ),
      null,
      { timeout: 30_000 },
    );
    await page.screenshot({ path: join(IMG, "history.png") });
    await page.close();
  } finally {
    await browser.close();
    await h.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.stdout.write("docs/img/live.png and history.png written\n"),
  (err: unknown) => {
    process.stderr.write(`${(err as Error).stack ?? err}\n`);
    process.exit(1);
  },
);
