import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { appNeedsBuild, ensureAppBuilt } from "../../src/platform/build";

const dir = mkdtempSync(join(tmpdir(), "omdp-build-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("app build", () => {
  it("builds a missing app once even when two platforms start at the same time, then only when stale", async () => {
    mkdirSync(join(dir, "src"));
    writeFileSync(
      join(dir, "index.html"),
      '<!doctype html><script type="module" src="/src/main.ts"></script>',
    );
    writeFileSync(join(dir, "src", "main.ts"), "document.title = 'x';\n");
    expect(appNeedsBuild(dir)).toBe(true);
    const built = await Promise.all([ensureAppBuilt(dir, () => {}), ensureAppBuilt(dir, () => {})]);
    expect(built.filter(Boolean)).toHaveLength(1);
    expect(appNeedsBuild(dir)).toBe(false);
    expect(await ensureAppBuilt(dir, () => {})).toBe(false);
    const later = new Date(Date.now() + 5_000);
    utimesSync(join(dir, "src", "main.ts"), later, later);
    expect(appNeedsBuild(dir)).toBe(true);
  }, 60_000);
});
