import { type ChildProcess, spawn } from "node:child_process";
import type { Logger } from "@omdp/logger";
import type { RestartPolicy } from "./manifest";

export interface ChildSpec {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
  readonly env: Readonly<Record<string, string>>;
  readonly restartPolicy: RestartPolicy;
}

export interface ChildStatus {
  readonly name: string;
  readonly pid?: number;
  readonly running: boolean;
  readonly restarts: number;
  readonly lastExit?: { code: number | null; signal: string | null; at: string };
}

const BACKOFF_BASE_MS = 1_000;
const BACKOFF_MAX_MS = 60_000;
/** A child that ran this long is considered healthy again: its backoff starts over. */
const HEALTHY_AFTER_MS = 60_000;
const STOP_GRACE_MS = 10_000;

/** Should a child that exited be restarted (IoT Edge restart policies)? */
export function shouldRestart(policy: RestartPolicy, code: number | null, signal: string | null): boolean {
  const failed = code !== 0 || signal !== null;
  switch (policy) {
    case "always":
      return true;
    case "on-failure":
    case "on-unhealthy":
      return failed;
    case "never":
      return false;
  }
}

/** Backoff before restart number `n` (0-based): 1 s doubling to 60 s, as the edge agent does in spirit. */
export function restartDelay(n: number): number {
  return Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.min(n, 16));
}

/**
 * Runs each module as its own child process, restarts it by its policy with backoff, and on `stop()`
 * sends SIGTERM (then SIGKILL after a grace period) so no child outlives the hub.
 */
export class Supervisor {
  private readonly children = new Map<
    string,
    { spec: ChildSpec; proc?: ChildProcess; restarts: number; timer?: NodeJS.Timeout; status: ChildStatus }
  >();
  private stopping = false;
  private readonly killAll = () => {
    for (const c of this.children.values()) c.proc?.kill("SIGKILL");
  };

  constructor(private readonly log: Logger) {
    process.once("exit", this.killAll);
  }

  start(spec: ChildSpec): void {
    const entry = {
      spec,
      restarts: 0,
      status: { name: spec.name, running: false, restarts: 0 } as ChildStatus,
    };
    this.children.set(spec.name, entry);
    this.launch(spec.name);
  }

  private launch(name: string): void {
    const c = this.children.get(name);
    if (!c || this.stopping) return;
    const startedAt = Date.now();
    const proc = spawn(c.spec.command, [...c.spec.args], {
      cwd: c.spec.cwd,
      // A stdin pipe the module watches (OMDP_EXIT_WITH_PARENT): it ends when the hub dies, even by
      // SIGKILL, so no module outlives its hub.
      env: { ...c.spec.env, OMDP_EXIT_WITH_PARENT: "1" },
      stdio: ["pipe", "pipe", "pipe"],
    });
    c.proc = proc;
    c.status = { name, pid: proc.pid ?? 0, running: true, restarts: c.restarts };
    const forward = (stream: NodeJS.ReadableStream | null) =>
      stream?.on("data", (chunk: Buffer) => process.stderr.write(prefixLines(name, chunk.toString("utf8"))));
    forward(proc.stdout);
    forward(proc.stderr);
    this.log.info("module started", { module: name, pid: proc.pid });
    proc.on("error", (err) => this.log.error("module could not start", { module: name, error: err }));
    proc.on("exit", (code, signal) => {
      c.proc = undefined;
      const lastExit = { code, signal, at: new Date().toISOString() };
      c.status = { name, running: false, restarts: c.restarts, lastExit };
      if (this.stopping) return;
      if (Date.now() - startedAt > HEALTHY_AFTER_MS) c.restarts = 0;
      if (!shouldRestart(c.spec.restartPolicy, code, signal)) {
        this.log.info("module exited; not restarted (policy)", { module: name, code, signal });
        return;
      }
      const delay = restartDelay(c.restarts);
      c.restarts += 1;
      this.log.warn("module exited; restarting", { module: name, code, signal, inMs: delay });
      c.timer = setTimeout(() => this.launch(name), delay);
    });
  }

  status(): ChildStatus[] {
    return [...this.children.values()].map((c) => c.status);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    const waits: Promise<void>[] = [];
    for (const c of this.children.values()) {
      clearTimeout(c.timer);
      const proc = c.proc;
      if (!proc || proc.exitCode !== null) continue;
      waits.push(
        new Promise<void>((resolve) => {
          const kill = setTimeout(() => proc.kill("SIGKILL"), STOP_GRACE_MS);
          proc.once("exit", () => {
            clearTimeout(kill);
            resolve();
          });
          proc.kill("SIGTERM");
        }),
      );
    }
    await Promise.all(waits);
    process.removeListener("exit", this.killAll);
  }
}

function prefixLines(name: string, text: string): string {
  return text
    .split("\n")
    .filter((l) => l.length > 0)
    .map((l) => `[${name}] ${l}\n`)
    .join("");
}
