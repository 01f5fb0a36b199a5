/**
 * `npx tsx scripts/gen-cosmos-containers.ts` (documented in the README) writes a file that the
 * repository's lint (biome, biome.json) accepts as it is, with the code's container specs in it.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cosmosContainersForBicep } from "../../scripts/gen-cosmos-containers";

const root = resolve(import.meta.dirname, "../..");
const dir = mkdtempSync(join(tmpdir(), "omdp-gen-cosmos-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("scripts/gen-cosmos-containers.ts", () => {
  it("writes JSON that biome check accepts and that holds every container spec", () => {
    const out = join(dir, "cosmos-containers.json");
    const gen = spawnSync(
      process.execPath,
      ["--import", "tsx", "scripts/gen-cosmos-containers.ts", "--out", out],
      {
        cwd: root,
        encoding: "utf8",
        timeout: 60_000,
      },
    );
    expect(gen.stderr).toBe("");
    expect(gen.status).toBe(0);
    const biome = createRequire(import.meta.url).resolve("@biomejs/biome/bin/biome");
    const check = spawnSync(
      process.execPath,
      [biome, "check", `--config-path=${join(root, "biome.json")}`, out],
      {
        encoding: "utf8",
        timeout: 60_000,
      },
    );
    expect(`${check.stdout}${check.stderr}`).not.toMatch(/Formatter would have printed|×/);
    expect(check.status).toBe(0);
    expect(JSON.parse(readFileSync(out, "utf8"))).toEqual(cosmosContainersForBicep());
  });
});
