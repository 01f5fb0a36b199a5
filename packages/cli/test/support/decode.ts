/** `omdp decode` as users run it: the real bin in a child process, from the repository root. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect } from "vitest";

export const ROOT = join(import.meta.dirname, "..", "..", "..", "..");
export const BIN = join(ROOT, "packages", "cli", "bin", "omdp.js");

export interface Run {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `omdp decode ...args` with `input` on stdin (bounded: 60 s). */
export function omdpDecode(args: readonly string[], input = ""): Run {
  const r = spawnSync(process.execPath, [BIN, "decode", ...args], {
    cwd: ROOT,
    input,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** One JSON document per output line. */
export const jsonLines = (s: string) =>
  s
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));

/**
 * For a test file whose many spawns should run the decode bundle (packages/cli/scripts/bundle.mjs,
 * built once into a temp dir named by OMDP_BUNDLE_DIR), as the bin runs it for users who built one,
 * instead of transpiling every source with tsx in each spawn (about 1 s each). The bin falls back to
 * tsx should a source change meanwhile. Registers the file's beforeAll and afterAll.
 */
export function useDecodeBundle(): void {
  let dir: string | undefined;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "omdp-decode-bundle-"));
    const b = spawnSync(process.execPath, [join(ROOT, "packages", "cli", "scripts", "bundle.mjs"), dir], {
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(b.status, b.stderr).toBe(0);
    process.env.OMDP_BUNDLE_DIR = dir;
  });
  afterAll(() => {
    delete process.env.OMDP_BUNDLE_DIR;
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
}

/** `run` with the bin told to use tsx (OMDP_NO_BUNDLE=1), as without a bundle. */
export function viaTsx<T>(run: () => T): T {
  process.env.OMDP_NO_BUNDLE = "1";
  try {
    return run();
  } finally {
    delete process.env.OMDP_NO_BUNDLE;
  }
}
