/**
 * Shared by the component entry points (`run-*.ts`): the platform settings handed over by the supervisor
 * (env `OMDP_PLATFORM`, JSON), and the IPC messages back (ready / missing / failed).
 */
import { createLogger, type Logger } from "@omdp/logger";
import type { ChildMessage } from "./child";
import type { PlatformConfig } from "./config";

export function platformFromEnv(): PlatformConfig {
  const raw = process.env.OMDP_PLATFORM;
  if (!raw) throw new Error("OMDP_PLATFORM is not set: component runners are started by `omdp start`");
  return JSON.parse(raw) as PlatformConfig;
}

export function tell(msg: ChildMessage): void {
  if (process.send) process.send(msg);
}

/** Reports a part of the platform that is not in this tree yet, then exits. */
export function missing(what: string): never {
  tell({ type: "missing", what });
  process.exit(3);
}

/** Imports a module; a module or export that is not there yet is reported as missing. */
export async function importOrMissing<T>(specifier: string, exportName: string, what: string): Promise<T> {
  let mod: Record<string, unknown>;
  try {
    mod = (await import(/* @vite-ignore */ specifier)) as Record<string, unknown>;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND") {
      const first = String((err as Error).message).split("\n")[0];
      missing(`${what}: ${first}`);
    }
    throw err;
  }
  const v = mod[exportName];
  if (v === undefined) missing(`${what} (${exportName} in ${specifier})`);
  return v as T;
}

/** Runs `stop` once on SIGTERM/SIGINT/disconnect of the supervisor, then exits. */
export function onShutdown(log: Logger, stop: () => Promise<void> | void): void {
  let done = false;
  const run = async (why: string) => {
    if (done) return;
    done = true;
    log.info("stopping", { why });
    const hard = setTimeout(() => process.exit(1), 8_000);
    hard.unref();
    try {
      await stop();
    } catch (err) {
      log.error("stop failed", { error: (err as Error).message });
    }
    process.exit(0);
  };
  process.on("SIGTERM", () => void run("SIGTERM"));
  process.on("SIGINT", () => void run("SIGINT"));
  process.on("disconnect", () => void run("supervisor gone"));
}

export function runnerLogger(name: string): Logger {
  return createLogger(name);
}

export function fail(log: Logger, err: unknown): never {
  const message = err instanceof Error ? err.message : String(err);
  log.error("failed", { error: message });
  tell({ type: "failed", message });
  process.exit(1);
}
