/**
 * One component as a child process in its own process group, with an IPC channel for its "ready" (or
 * "missing") message. Stopping sends SIGTERM to the whole group (the edge hub's module processes too),
 * then SIGKILL after a grace period, and verifies that no process of the group is left.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { lineSplitter } from "./logs";

export type ChildMessage =
  | { type: "ready"; info?: Record<string, unknown> }
  | { type: "missing"; what: string }
  | { type: "failed"; message: string };

export interface ComponentProcess {
  readonly name: string;
  readonly pid: number;
  /** Resolves with the first ready/missing/failed message, or a failure when the child exits first. */
  readonly ready: Promise<ChildMessage>;
  readonly exited: Promise<{ code: number | null; signal: string | null }>;
  stop(graceMs?: number): Promise<void>;
}

export interface SpawnOptions {
  readonly name: string;
  readonly script: string;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly onLine: (line: string, stream: "stdout" | "stderr") => void;
  /** How long to wait for the ready message (default 60 s). */
  readonly readyTimeoutMs?: number;
}

/**
 * Live (non-zombie) processes of group `pgid`. On Linux from /proc (a zombie left for a non-reaping
 * PID 1 is dead, not an orphan); elsewhere by signal 0 to the group.
 */
export function groupMembers(pgid: number): number[] {
  if (existsSync("/proc/self/stat")) {
    const out: number[] = [];
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      } catch {
        continue;
      }
      // pid (comm) state ppid pgrp ...: comm may hold spaces and parentheses, so split after the last ')'.
      const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(rest[2]) === pgid && rest[0] !== "Z" && rest[0] !== "X") out.push(Number(entry));
    }
    return out;
  }
  try {
    process.kill(-pgid, 0);
    return [pgid];
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM" ? [pgid] : [];
  }
}

export const groupAlive = (pgid: number): boolean => groupMembers(pgid).length > 0;

function signalGroup(pgid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(-pgid, sig);
  } catch {
    // the group is gone already
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function spawnComponent(opts: SpawnOptions): ComponentProcess {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", opts.script], {
    cwd: opts.cwd,
    env: opts.env as NodeJS.ProcessEnv,
    detached: true,
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  const pid = child.pid ?? -1;
  for (const [stream, s] of [
    ["stdout", child.stdout],
    ["stderr", child.stderr],
  ] as const) {
    const split = lineSplitter((line) => opts.onLine(line, stream));
    s?.setEncoding("utf8");
    s?.on("data", (c: string) => split.push(c));
    s?.on("end", () => split.flush());
  }
  const exited = new Promise<{ code: number | null; signal: string | null }>((res) => {
    child.once("exit", (code, signal) => res({ code, signal }));
  });
  const ready = new Promise<ChildMessage>((res) => {
    const timer = setTimeout(
      () => res({ type: "failed", message: `not ready within ${(opts.readyTimeoutMs ?? 60_000) / 1000} s` }),
      opts.readyTimeoutMs ?? 60_000,
    );
    child.on("message", (m: ChildMessage) => {
      if (m && (m.type === "ready" || m.type === "missing" || m.type === "failed")) {
        clearTimeout(timer);
        res(m);
      }
    });
    child.once("error", (err) => {
      clearTimeout(timer);
      res({ type: "failed", message: err.message });
    });
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      res({ type: "failed", message: `exited before it was ready (code ${code}, signal ${signal})` });
    });
  });
  let stopping: Promise<void> | undefined;
  return {
    name: opts.name,
    pid,
    ready,
    exited,
    stop(graceMs = 8_000) {
      if (stopping) return stopping;
      stopping = (async () => {
        if (pid <= 0) return;
        signalGroup(pid, "SIGTERM");
        const deadline = Date.now() + graceMs;
        while (groupAlive(pid) && Date.now() < deadline) await sleep(50);
        if (groupAlive(pid)) {
          signalGroup(pid, "SIGKILL");
          const hard = Date.now() + 3_000;
          while (groupAlive(pid) && Date.now() < hard) await sleep(25);
        }
        if (child.connected) child.disconnect();
        if (groupAlive(pid)) throw new Error(`${opts.name}: process group ${pid} survived SIGKILL`);
      })();
      return stopping;
    },
  };
}

/** Synchronous last resort (process 'exit'): SIGKILL every group still alive. */
export function killGroupsNow(pids: readonly number[]): void {
  for (const pid of pids) if (pid > 0) signalGroup(pid, "SIGKILL");
}
