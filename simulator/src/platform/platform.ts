/**
 * The supervisor behind `omdp start`: one process that starts the local cloud, the simulated meters and
 * the edge hub (which runs the four modules as its own children) as child processes in their own process
 * groups, serves the app, prints readable logs, and stops everything without leaving a process behind.
 * A component that dies is restarted (after its whole process group is gone: the hub's modules end with
 * the hub) with capped exponential backoff. A part of the platform that is not in this tree yet is
 * reported as missing; the rest still runs.
 */

import { mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { catchUpEndWall, encodeSimEpoch, goAt, SIM_CLOCK_ENV, type SimEpoch } from "@omdp/edge-module";
import { restartDelay } from "../edgehub/supervisor";
import { type AppServer, startAppServer } from "./appServer";
import { ensureAppBuilt } from "./build";
import { type ComponentProcess, killGroupsNow, spawnComponent } from "./child";
import { type Component, meterRegistry, type PlatformConfig, type Ports } from "./config";
import { preparePrivateDir, usePrivateUmask, writePrivateFile } from "./dataDir";
import { prettyLine } from "./logs";
import { resolvePorts } from "./ports";
import { waitForReaderLink } from "./readerLink";
import { chooseEpoch, GO_FILE, keepSimClock, recordedSimTime } from "./simClock";
import { TOKENS_FILE, writeTokens } from "./tokens";

const HERE = dirname(fileURLToPath(import.meta.url));
/** The repository root (simulator/src/platform -> ../../..). */
export const REPO_ROOT = join(HERE, "..", "..", "..");

export type ComponentState = "starting" | "running" | "restarting" | "missing" | "failed" | "stopped";

export interface ComponentStatus {
  readonly state: ComponentState;
  readonly detail?: string;
  readonly pid?: number;
  readonly info?: Record<string, unknown>;
  /** How often the supervisor restarted this component since the platform started. */
  readonly restarts?: number;
}

/** A component that ran this long counts as healthy again: its backoff starts over. */
const HEALTHY_AFTER_MS = 60_000;
/** Grace for what is left of a dead component's process group (the hub's modules) before SIGKILL. */
const REAP_GRACE_MS = 3_000;

export interface PlatformHandle {
  /** The settings with every port resolved (0 replaced by the port chosen). */
  readonly config: PlatformConfig;
  readonly appUrl: string;
  readonly status: Readonly<Record<Component, ComponentStatus>>;
  /** Dev token of the local cloud per household (empty when the cloud is not running). */
  cloudTokens(): Record<string, string>;
  /** The edge API token handed to the app (empty when the edge is not running). */
  edgeToken(): string;
  /** `<data>/tokens.json` (0600): the dev tokens, kept current across restarts; never logged. */
  readonly tokensFile: string;
  /** The simulated clock every component runs on. */
  readonly simEpoch: SimEpoch;
  /** This start backfills (a new data dir): meter time from `fromSimMs` catches up to the wall clock. */
  readonly backfill?: {
    readonly fromSimMs: number;
    readonly startWallMs: number;
    readonly endWallMs: number;
  };
  /** Stops one component (the cloud for an outage test); `startComponent` brings it back on its port. */
  stopComponent(name: Exclude<Component, "app">): Promise<void>;
  startComponent(name: Exclude<Component, "app">): Promise<ComponentStatus>;
  /** Process group ids of the running children (tests verify none is left after stop). */
  pids(): number[];
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Where log lines go (default stderr). */
  readonly write?: (line: string) => void;
  /** Ready timeout per component (default 60 s). */
  readonly readyTimeoutMs?: number;
}

const SCRIPTS: Record<Exclude<Component, "app">, string> = {
  cloud: join(HERE, "run-cloud.ts"),
  meters: join(HERE, "run-meters.ts"),
  edge: join(HERE, "run-edge.ts"),
};

/** Ports each component needs free before it starts. */
const PORTS_OF: Record<Component, (keyof Ports)[]> = {
  cloud: ["cloud"],
  meters: ["simTcp"],
  edge: ["edgeApi", "edgeMqtt", "edgeAdmin"],
  app: ["app"],
};

export async function startPlatform(input: PlatformConfig, opts: StartOptions = {}): Promise<PlatformHandle> {
  const write = opts.write ?? ((line: string) => process.stderr.write(line));
  const say = (msg: string, level: "info" | "warn" | "error" = "info") =>
    write(
      `${input.logFormat === "json" ? JSON.stringify({ t: new Date().toISOString(), level, component: "platform", msg }) : prettyLine("omdp", JSON.stringify({ t: new Date().toISOString(), level, msg }))}\n`,
    );
  const wanted = input.components;
  const ports = await resolvePorts(
    input.ports,
    wanted.flatMap((c) => PORTS_OF[c]),
  );
  const config: PlatformConfig = { ...input, ports };
  // Before anything is created or spawned: private files (children inherit the umask at spawn).
  usePrivateUmask();
  preparePrivateDir(config.dataDir);
  // the app build (when needed) before the clock is fixed: a backfill's clock holds only for the start
  if (config.build) await ensureAppBuilt(join(REPO_ROOT, "app"), (m) => say(m));
  // Only DLMS pushes (and the polled M-Bus meters) have a catch-up cadence: P1, SML, D0 and wM-Bus would
  // push every few seconds of meter time through the whole backfill.
  const noCatchUp = meterRegistry(config).filter((m) => m.meter.kind !== "dlms" && m.meter.kind !== "mbus");
  if (
    config.simulator.backfillMs > 0 &&
    noCatchUp.length > 0 &&
    recordedSimTime(config.dataDir) === undefined
  )
    say(
      `no backfill: ${noCatchUp.map((m) => `${m.meterId} (${m.meter.kind})`).join(", ")} ha${noCatchUp.length > 1 ? "ve" : "s"} no catch-up cadence yet (only dlms and mbus meters do)`,
      "warn",
    );
  const clock = chooseEpoch(
    config.simulator.start,
    config.simulator.speed,
    recordedSimTime(config.dataDir),
    Date.now(),
    // a backfill's clock is held while the components start, until the go file is written below
    {
      ms: noCatchUp.length > 0 ? 0 : config.simulator.backfillMs,
      goFile: join(config.dataDir, GO_FILE),
      // the catch-up's speed (default BACKFILL_SPEED; for measuring the pipeline)
      ...(Number(process.env.OMDP_SIM_BACKFILL_SPEED) > 1
        ? { speed: Number(process.env.OMDP_SIM_BACKFILL_SPEED) }
        : {}),
    },
  );
  rmSync(join(config.dataDir, GO_FILE), { force: true });
  /** The epoch as it stands: a backfill's is fixed once the go file is written. */
  let epochNow: SimEpoch = clock.epoch;
  if (clock.backfillMs > 0)
    say(
      `new data dir: backfilling ${Math.round(clock.backfillMs / 3_600_000)} h of meter time (OMDP_SIM_BACKFILL; 0 turns it off) at ${clock.epoch.catchUp?.speed}x, then live from now`,
    );
  if (clock.continued)
    say(
      `simulated time continues from ${new Date(clock.epoch.simMs).toISOString()} (recorded in the data dir; ${config.simulator.start === "now" ? "now" : "OMDP_SIM_START"} is earlier and would go back)`,
      "warn",
    );
  const simClock = keepSimClock(config.dataDir, () => epochNow);
  const status = Object.fromEntries(
    (["cloud", "meters", "edge", "app"] as Component[]).map((c) => [
      c,
      {
        state: wanted.includes(c) ? "starting" : "stopped",
        ...(c === "cloud" && !wanted.includes(c) ? { detail: "detached" } : {}),
      },
    ]),
  ) as Record<Component, ComponentStatus>;
  const procs = new Map<string, ComponentProcess>();
  const exitGuard = () => killGroupsNow([...procs.values()].map((p) => p.pid));
  process.once("exit", exitGuard);
  let stopping = false;
  const restarts: Record<string, number> = { cloud: 0, meters: 0, edge: 0 };
  /** Restarts in a row without a healthy run between them (the backoff exponent). */
  const quickFailures: Record<string, number> = { cloud: 0, meters: 0, edge: 0 };
  const timers = new Map<string, NodeJS.Timeout>();
  const tokensFile = join(config.dataDir, TOKENS_FILE);
  const cloudTokens = (): Record<string, string> =>
    (status.cloud.info?.tokens as Record<string, string> | undefined) ?? {};
  const edgeToken = (): string => String(status.edge.info?.edgeToken ?? "");
  const saveTokens = () => writeTokens(tokensFile, { cloud: cloudTokens(), edge: edgeToken() });

  const env = (): Record<string, string | undefined> => ({
    ...process.env,
    OMDP_PLATFORM: JSON.stringify(config),
    OMDP_DATA_DIR: config.dataDir,
    OMDP_APP_PORT: String(ports.app),
    OMDP_CLOUD_PORT: String(ports.cloud),
    OMDP_EDGE_API_PORT: String(ports.edgeApi),
    OMDP_EDGE_MQTT_PORT: String(ports.edgeMqtt),
    OMDP_EDGE_ADMIN_PORT: String(ports.edgeAdmin),
    OMDP_SIM_TCP_PORT: String(ports.simTcp),
    [SIM_CLOCK_ENV]: encodeSimEpoch(clock.epoch),
  });

  const scheduleRestart = (name: Exclude<Component, "app">, why: string) => {
    if (stopping) return;
    const delay = restartDelay(quickFailures[name]!);
    quickFailures[name]! += 1;
    restarts[name]! += 1;
    status[name] = { state: "restarting", detail: why, restarts: restarts[name] };
    say(`${name} ${why}; restart ${restarts[name]} in ${delay} ms`, "error");
    timers.set(
      name,
      setTimeout(() => {
        timers.delete(name);
        void launch(name, true).catch((err) => say(`${name}: ${(err as Error).message}`, "error"));
      }, delay),
    );
  };

  /** The group leader died: end what is left of its group (the hub's modules), then start it again. */
  const onDeath = async (name: Exclude<Component, "app">, proc: ComponentProcess, startedAt: number) => {
    const { code, signal } = await proc.exited;
    if (stopping || procs.get(name) !== proc) return;
    try {
      await proc.stop(REAP_GRACE_MS);
    } catch (err) {
      say((err as Error).message, "error");
    }
    if (stopping || procs.get(name) !== proc) return;
    procs.delete(name);
    if (Date.now() - startedAt > HEALTHY_AFTER_MS) quickFailures[name] = 0;
    scheduleRestart(name, `exited unexpectedly (code ${code}, signal ${signal})`);
  };

  const launch = async (name: Exclude<Component, "app">, again = false): Promise<ComponentStatus> => {
    if (stopping) return status[name];
    status[name] = { state: again ? "restarting" : "starting", restarts: restarts[name] };
    const proc = spawnComponent({
      name,
      script: SCRIPTS[name],
      cwd: REPO_ROOT,
      // how often this component was restarted before (the edge hub shows it on /metrics)
      env: { ...env(), OMDP_COMPONENT_RESTARTS: String(restarts[name] ?? 0) },
      readyTimeoutMs: opts.readyTimeoutMs,
      onLine: (line) => write(`${config.logFormat === "json" ? line : prettyLine(name, line)}\n`),
    });
    procs.set(name, proc);
    const msg = await proc.ready;
    if (procs.get(name) !== proc) return status[name];
    if (msg.type === "ready") {
      status[name] = { state: "running", pid: proc.pid, info: msg.info ?? {}, restarts: restarts[name] };
      if (again) say(`${name} running again (restart ${restarts[name]}, pid ${proc.pid})`);
      if (name !== "meters") saveTokens();
      void onDeath(name, proc, Date.now());
    } else {
      await proc.stop(2_000).catch(() => {});
      procs.delete(name);
      const detail = msg.type === "missing" ? `not in this tree yet: ${msg.what}` : msg.message;
      if (again && msg.type === "failed") {
        scheduleRestart(name, `did not start again (${detail})`);
        return status[name];
      }
      status[name] = { state: msg.type === "missing" ? "missing" : "failed", detail };
      say(`${name}: ${detail}`, msg.type === "missing" ? "warn" : "error");
    }
    return status[name];
  };

  let app: AppServer | undefined;
  const stopAll = async () => {
    stopping = true;
    for (const t of timers.values()) clearTimeout(t);
    timers.clear();
    await app?.close();
    app = undefined;
    status.app = { state: "stopped" };
    // Edge first (it flushes upstream), then meters, then the cloud.
    for (const name of ["edge", "meters", "cloud"]) {
      const p = procs.get(name);
      if (!p) continue;
      status[name as Component] = { state: "stopped" };
      try {
        await p.stop();
      } catch (err) {
        say((err as Error).message, "error");
      }
      procs.delete(name);
      status[name as Component] = { state: "stopped" };
    }
    simClock.stop();
    process.removeListener("exit", exitGuard);
  };

  try {
    // Cloud first (the edge's upstream sink), then the meters, then the edge that reads them.
    for (const name of ["cloud", "meters", "edge"] as const) if (wanted.includes(name)) await launch(name);
    saveTokens();
    app = await startAppServer({
      distDir: join(REPO_ROOT, "app", "dist"),
      port: ports.app,
      proxies: {
        "/edge": `http://127.0.0.1:${ports.edgeApi}`,
        ...(config.detached ? {} : { "/cloud": `http://127.0.0.1:${ports.cloud}` }),
      },
      absent: config.detached ? ["/cloud"] : [],
      config: () => {
        const tokens = cloudTokens();
        return {
          cloudUrl: config.detached ? "" : "cloud",
          edgeUrl: "edge",
          edgeToken: edgeToken(),
          cloudToken: Object.values(tokens)[0] ?? "",
          detached: config.detached,
          households: config.households.map((h) => ({ ...h, cloudToken: tokens[h.id] ?? "" })),
          auth: { mode: "dev" },
        };
      },
    });
    status.app = { state: "running", info: { url: app.url } };
    if (clock.epoch.catchUp) {
      // every component is up, and the reader reads the meters (else the first pushes are lost): the
      // backfill's catch-up starts now (each one reads the go file)
      if (wanted.includes("edge") && !(await waitForReaderLink(ports.edgeAdmin, 20_000)))
        say("backfill: the reader's link to the meters is not up after 20 s; starting anyway", "warn");
      const go = Date.now();
      mkdirSync(join(config.dataDir, "sim"), { recursive: true, mode: 0o700 });
      writePrivateFile(join(config.dataDir, GO_FILE), `${JSON.stringify({ wallMs: go })}\n`);
      epochNow = goAt(clock.epoch, go);
      say(`backfill started: meter time ${new Date(epochNow.simMs).toISOString()} catches up to now`);
    }
    const appUrl = app.url;
    return {
      config,
      appUrl,
      status,
      cloudTokens,
      edgeToken,
      tokensFile,
      simEpoch: epochNow,
      ...(epochNow.catchUp
        ? {
            backfill: {
              fromSimMs: epochNow.simMs,
              startWallMs: epochNow.wallMs,
              endWallMs: catchUpEndWall(epochNow),
            },
          }
        : {}),
      stopComponent: async (name) => {
        clearTimeout(timers.get(name));
        timers.delete(name);
        const p = procs.get(name);
        procs.delete(name);
        status[name] = { state: "stopped" };
        await p?.stop();
      },
      startComponent: async (name) => {
        clearTimeout(timers.get(name));
        timers.delete(name);
        if (procs.has(name)) return status[name];
        await resolvePorts(config.ports, PORTS_OF[name]);
        return launch(name);
      },
      pids: () => [...procs.values()].map((p) => p.pid),
      stop: stopAll,
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}
