/**
 * A command as a whole process over a file of telegrams on stdin, output to /dev/null: wall time from
 * spawn to exit (after its last line) and the child's CPU time (user + system, from bash's `times`).
 */
import { spawn } from "node:child_process";

export interface ProcessRun {
  wallSeconds: number;
  cpuSeconds: number;
}

function once(argv: readonly string[], input: string, env: NodeJS.ProcessEnv): Promise<ProcessRun> {
  // bash runs the command with stdin and stdout redirected, then prints its children's times
  const script = `"$@" < "$OMDP_BENCH_INPUT" > /dev/null 2>&1; times`;
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn("bash", ["-c", script, "bash", ...argv], {
      env: { ...process.env, ...env, OMDP_BENCH_INPUT: input },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (c: string) => {
      out += c;
    });
    child.on("error", reject);
    child.on("close", () => {
      const wallSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
      // `times`: shell user/sys, then children user/sys, e.g. "0m1.234s 0m0.056s"
      const lines = out.trim().split("\n");
      const secs = (lines.at(-1) ?? "").match(/(\d+)m([\d.]+)s/g) ?? [];
      const cpuSeconds = secs
        .map((s) => {
          const [, m, sec] = s.match(/(\d+)m([\d.]+)s/)!;
          return Number(m) * 60 + Number(sec);
        })
        .reduce((a, b) => a + b, 0);
      resolve({ wallSeconds, cpuSeconds });
    });
  });
}

/** One run of a command as a whole process (wall and CPU time). */
export function runOnce(
  argv: readonly string[],
  input: string,
  env: NodeJS.ProcessEnv = {},
): Promise<ProcessRun> {
  return once(argv, input, env);
}

/** The median of a list of numbers (the middle one; the mean of the two middle ones for an even count). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Best of `runs` (the machine is shared: the least disturbed run is the closest to the truth). */
export async function bestOf(
  runs: number,
  argv: readonly string[],
  input: string,
  env: NodeJS.ProcessEnv = {},
): Promise<ProcessRun> {
  let best: ProcessRun = { wallSeconds: Number.POSITIVE_INFINITY, cpuSeconds: Number.POSITIVE_INFINITY };
  for (let i = 0; i < runs; i++) {
    const r = await once(argv, input, env);
    best = {
      wallSeconds: Math.min(best.wallSeconds, r.wallSeconds),
      cpuSeconds: Math.min(best.cpuSeconds, r.cpuSeconds),
    };
  }
  return best;
}
