/**
 * bench/run.ts leaves the committed bench/results/*.json alone unless --save (issue 16 section 5): run on
 * a copy of the runner beside a one-line bench that writes results/x.json, in a temp dir.
 */
import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "../..");
const dir = mkdtempSync(join(tmpdir(), "omdp-bench-run-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const COMMITTED = '{"figure":1}\n';
mkdirSync(join(dir, "results"));
copyFileSync(join(root, "bench", "run.ts"), join(dir, "run.ts"));
writeFileSync(join(dir, "results", "x.json"), COMMITTED);
// The fake bench writes a fixed path, like the real ones; its figure comes from the environment.
writeFileSync(
  join(dir, "x.bench.ts"),
  [
    'import { writeFileSync } from "node:fs";',
    'const fig = process.env.FIG ?? "0";',
    'writeFileSync(new URL("./results/x.json", import.meta.url), \'{"figure":\' + fig + "}\\n");',
    "",
  ].join("\n"),
);

function bench(args: string[], fig: number) {
  return spawnSync(process.execPath, ["--import", "tsx", join(dir, "run.ts"), ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, FIG: String(fig), OMDP_BENCH_SAVE: "" },
    timeout: 60_000,
  });
}

describe("npm run bench", () => {
  it("writes figures to results/local/ and keeps the committed file without --save", () => {
    const r = bench(["x"], 2);
    expect(r.status).toBe(0);
    expect(readFileSync(join(dir, "results", "local", "x.json"), "utf8")).toBe('{"figure":2}\n');
    expect(readFileSync(join(dir, "results", "x.json"), "utf8")).toBe(COMMITTED);
    expect(r.stdout).toContain("figures in bench/results/local/{x.json} (--save also writes bench/results/)");
  });

  it("--save writes the committed file too", () => {
    const r = bench(["--save", "x"], 3);
    expect(r.status).toBe(0);
    expect(readFileSync(join(dir, "results", "local", "x.json"), "utf8")).toBe('{"figure":3}\n');
    expect(readFileSync(join(dir, "results", "x.json"), "utf8")).toBe('{"figure":3}\n');
  });

  it("a bench with no committed file yet leaves none behind without --save", () => {
    rmSync(join(dir, "results", "x.json"));
    expect(bench(["x"], 4).status).toBe(0);
    expect(existsSync(join(dir, "results", "x.json"))).toBe(false);
    expect(readFileSync(join(dir, "results", "local", "x.json"), "utf8")).toBe('{"figure":4}\n');
  });
});
