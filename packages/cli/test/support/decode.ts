/** `omdp decode` as users run it: the real bin in a child process, from the repository root. */
import { spawnSync } from "node:child_process";
import { join } from "node:path";

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
