import { createLogger, type Logger } from "@omdp/logger";
import { type ConnectOptions, connectLeafDevice, connectModule } from "./connect";
import type { ModuleHost } from "./host";
import { watchParent } from "./parent-watch";
import type { SdkModuleHost } from "./sdk-host";

/** What a module's setup may return: something to stop before the client closes. */
export type ModuleSetup = (
  host: ModuleHost,
  log: Logger,
) => Promise<{ stop(): Promise<void> } | undefined | void> | { stop(): Promise<void> } | undefined | void;

export interface StartOptions extends ConnectOptions {
  /** Run as a leaf device (DeviceClient through the gateway) instead of a module. */
  readonly leaf?: boolean;
  /** Reconnect attempts after the SDK gave up (each with backoff) before the module gives up. */
  readonly reconnectAttempts?: number;
  /** Called when the module cannot stay connected (runModule exits with status 1). */
  readonly onFatal?: (err: unknown) => void;
}

export interface RunningModule {
  readonly host: ModuleHost;
  /** Graceful stop: no new input, in-flight work finished, setup stopped, status reported, client closed. */
  stop(): Promise<void>;
}

const RECONNECT_BASE_MS = 1_000;
const RECONNECT_MAX_MS = 30_000;

/** Connects, runs `setup`, reports status, and keeps the connection (no signal handling, no exit). */
export async function startModule(
  name: string,
  setup: ModuleSetup,
  opts: StartOptions = {},
): Promise<RunningModule> {
  const log = opts.logger ?? createLogger(name);
  const leaf = opts.leaf ?? Boolean(process.env.OMDP_LEAF_CONNECTION_STRING);
  const host: SdkModuleHost = leaf
    ? await connectLeafDevice({ ...opts, logger: log.child("client") })
    : await connectModule({ ...opts, logger: log.child("client") });
  const startedAt = new Date().toISOString();
  log.info("connected", { deviceId: host.deviceId, moduleId: host.moduleId, leaf });

  let stopping = false;
  let reconnecting = false;
  const attempts = opts.reconnectAttempts ?? 10;
  host.onConnectionLost(async (err) => {
    if (stopping || reconnecting) return;
    reconnecting = true;
    log.warn("connection lost; reconnecting", { error: err });
    for (let i = 0; i < attempts && !stopping; i++) {
      const delay = Math.min(RECONNECT_MAX_MS, RECONNECT_BASE_MS * 2 ** i);
      await new Promise((r) => setTimeout(r, delay));
      try {
        await host.reopen();
        reconnecting = false;
        log.info("reconnected", { attempt: i + 1 });
        await host.report({ status: "running", reconnectedAt: new Date().toISOString() }).catch(() => {});
        return;
      } catch (e) {
        log.warn("reconnect failed", { attempt: i + 1, error: e });
      }
    }
    reconnecting = false;
    if (!stopping) {
      log.error("could not reconnect; giving up", { attempts });
      opts.onFatal?.(err);
    }
  });

  const stopper = (await setup(host, log)) || undefined;
  await host.report({ status: "running", startedAt, pid: process.pid }).catch((err) => {
    log.warn("status not reported", { error: err });
  });
  log.info("running");

  return {
    host,
    async stop() {
      if (stopping) return;
      stopping = true;
      log.info("stopping");
      await host.drainInputs();
      try {
        await stopper?.stop();
      } catch (err) {
        log.error("module stop failed", { error: err });
      }
      await host.report({ status: "stopped", stoppedAt: new Date().toISOString() }).catch(() => {});
      await host.close();
      log.info("stopped");
    },
  };
}

/** Bound on the whole graceful shutdown; past it the process exits with status 1. */
const SHUTDOWN_TIMEOUT_MS = 25_000;

/**
 * The entry point of a module's `main.ts`: connects (module, or leaf device when
 * `OMDP_LEAF_CONNECTION_STRING` is set), runs `setup`, and on SIGTERM/SIGINT stops gracefully and
 * exits 0. A failed start or a lost connection that cannot be re-established exits 1 (the edge agent
 * restarts the module by its restart policy).
 */
export async function runModule(name: string, setup: ModuleSetup, opts: StartOptions = {}): Promise<void> {
  const log = opts.logger ?? createLogger(name);
  let running: RunningModule | undefined;
  const exit = (code: number) => process.exit(code);
  watchParent(() => {
    log.warn("the edge hub that started this module is gone; stopping");
    if (running) void shutdown(0);
    else exit(0);
  });
  try {
    running = await startModule(name, setup, {
      ...opts,
      logger: log,
      onFatal: () => void shutdown(1),
    });
  } catch (err) {
    log.error("start failed", { error: err });
    exit(1);
    return;
  }
  let shuttingDown = false;
  async function shutdown(code: number): Promise<void> {
    if (shuttingDown) return;
    shuttingDown = true;
    const timer = setTimeout(() => {
      log.error("shutdown timed out");
      exit(1);
    }, SHUTDOWN_TIMEOUT_MS);
    timer.unref();
    try {
      await running?.stop();
    } catch (err) {
      log.error("shutdown failed", { error: err });
      code = 1;
    }
    clearTimeout(timer);
    exit(code);
  }
  for (const signal of ["SIGTERM", "SIGINT"] as const)
    process.once(signal, () => {
      log.info("signal received", { signal });
      void shutdown(0);
    });
}
