/**
 * libmbus for the side-by-side decode benchmark: compiles bench/libmbus/harness.c with the system cc
 * against the libmbus sources that the node-mbus dev dependency ships, into a temp dir (never the repo).
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

/** Path of the compiled harness, or the reason it could not be had. */
export function buildHarness(root: string, tmp: string): { bin: string } | { missing: string } {
  const lib = join(root, "node_modules", "node-mbus", "libmbus");
  if (!existsSync(join(lib, "mbus", "mbus-protocol.c")))
    return { missing: "node-mbus (libmbus sources) is not installed: npm ci" };
  const bin = join(tmp, "libmbus-harness");
  const sources = ["mbus-protocol.c", "mbus-protocol-aux.c", "mbus.c", "mbus-serial.c", "mbus-tcp.c"];
  const cc = spawnSync(
    process.env.CC ?? "cc",
    [
      "-O2",
      "-w",
      `-I${lib}`,
      `-I${join(lib, "mbus")}`,
      "-o",
      bin,
      join(root, "bench", "libmbus", "harness.c"),
      ...sources.map((s) => join(lib, "mbus", s)),
      "-lm",
    ],
    { encoding: "utf8" },
  );
  if (cc.status !== 0)
    return { missing: `cc failed: ${(cc.stderr || cc.error?.message || "").slice(0, 300)}` };
  return { bin };
}

/** libmbus full value decoding in a loop over `file`: telegrams per CPU-second. */
export function libmbusValues(bin: string, seconds: number, file: string): number {
  const r = spawnSync(bin, ["values", String(seconds), file], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`libmbus harness: ${r.stderr}`);
  const [count, cpu] = r.stdout.trim().split(/\s+/).map(Number);
  return count! / cpu!;
}
