/**
 * The platform's settings: embedded defaults, then `omdp.config.json`, then environment variables, then
 * command-line flags (each later source wins). Pure: the caller passes the file's content and the env.
 */
import { isAbsolute, resolve } from "node:path";
import { parseBackfill } from "./simClock";

/**
 * Meter kinds: on the shared M-Bus/TCP line (dlms, mbus), or each on its own line (P1, SML, D0, and
 * wireless M-Bus, each through a simulated receiver stick).
 */
export const LINE_KINDS = ["dsmr", "sml", "d0", "wmbus"] as const;
export type LineKind = (typeof LINE_KINDS)[number];

export interface MeterConfig {
  readonly id: string;
  readonly kind: "dlms" | "mbus" | LineKind;
  readonly pv: boolean;
  /** dsmr: `dsmr5` (NL, default), `fluvius` (BE, capacity fields), `smarty` (LU, encrypted). */
  readonly variant?: "dsmr5" | "fluvius" | "smarty";
  /** d0: `push` (default) or `modeC` (the reader signs on). */
  readonly d0Mode?: "push" | "modeC";
  /** wmbus (the id is the meter's 8-digit address): `water` (default), `heat` or `hca`; OMS mode 5 (default) or 7. */
  readonly wmbusDevice?: "water" | "heat" | "hca";
  readonly wmbusMode?: 5 | 7;
  /** P1, SML, D0: seconds of meter time between two telegrams (defaults: dsmr 10, sml 2, d0 10). */
  readonly pushIntervalS?: number;
  /** `sub`: a sub-meter behind the household's main meter (not added to the household's totals). */
  readonly role?: "main" | "sub";
}

export interface HouseholdConfig {
  readonly id: string;
  readonly name: string;
  readonly timeZone: string;
  readonly meters: readonly MeterConfig[];
}

export interface Ports {
  /** Dashboard (app server): static app, `/config.json`, proxies `/edge` and `/cloud`. */
  readonly app: number;
  readonly cloud: number;
  readonly edgeApi: number;
  readonly edgeMqtt: number;
  readonly edgeAdmin: number;
  readonly simTcp: number;
}

export type Component = "cloud" | "meters" | "edge" | "app";

export interface PlatformConfig {
  readonly households: readonly HouseholdConfig[];
  readonly edge: { readonly deviceId: string };
  /** 0 means "any free port" (chosen at start; tests). */
  readonly ports: Ports;
  /** Absolute. */
  readonly dataDir: string;
  /** No cloud: nothing is sent upstream and the app reads history from the edge. */
  readonly detached: boolean;
  readonly simulator: {
    /** Meter time runs this many times faster than wall time. */
    readonly speed: number;
    readonly seed: number;
    /** Meter time at start: "now" or an RFC 3339 time (in the past: the simulator catches up to now). */
    readonly start: string;
    /** Write every telegram's values to `<dataDir>/sim/telegrams.jsonl` (tests compare against it). */
    readonly telegramLog: boolean;
    /** First start on a new data dir: simulated ms caught up from the past (ISO 8601, default P30D; 0 off). */
    readonly backfillMs: number;
  };
  /** Cosmos DB endpoint for the local cloud (empty: embedded SQLite). */
  readonly cosmosEndpoint: string;
  /** Components to start (all by default; `detached` removes the cloud). */
  readonly components: readonly Component[];
  /** Build the app when `app/dist` is missing or older than its sources. */
  readonly build: boolean;
  /** `pretty` (readable, default on a terminal) or `json` (the components' JSON lines as they are). */
  readonly logFormat: "pretty" | "json";
}

export const DEFAULT_PORTS: Ports = {
  app: 7070,
  cloud: 7071,
  edgeApi: 8080,
  edgeMqtt: 8883,
  edgeAdmin: 8884,
  simTcp: 9000,
};

/** Env var of each port (docs/interfaces.md). */
export const PORT_ENV: Record<keyof Ports, string> = {
  app: "OMDP_APP_PORT",
  cloud: "OMDP_CLOUD_PORT",
  edgeApi: "OMDP_EDGE_API_PORT",
  edgeMqtt: "OMDP_EDGE_MQTT_PORT",
  edgeAdmin: "OMDP_EDGE_ADMIN_PORT",
  simTcp: "OMDP_SIM_TCP_PORT",
};

export const PORT_NAME: Record<keyof Ports, string> = {
  app: "dashboard",
  cloud: "cloud API",
  edgeApi: "edge local API",
  edgeMqtt: "edge hub MQTT",
  edgeAdmin: "edge hub admin",
  simTcp: "meter simulator M-Bus/TCP",
};

/** Embedded defaults: 3 meters in 2 households, one with PV (used when there is no omdp.config.json). */
export const DEFAULT_HOUSEHOLDS: readonly HouseholdConfig[] = [
  {
    id: "hh-1",
    name: "Flat Gruber",
    timeZone: "Europe/Vienna",
    meters: [{ id: "KFM1000000001", kind: "dlms", pv: false }],
  },
  {
    id: "hh-2",
    name: "House Huber (PV)",
    timeZone: "Europe/Vienna",
    meters: [
      { id: "SAG1000000002", kind: "dlms", pv: true },
      { id: "12345678", kind: "mbus", pv: false, role: "sub" },
    ],
  },
];

export class ConfigError extends Error {
  constructor(
    readonly setting: string,
    message: string,
  ) {
    super(`${setting}: ${message}`);
    this.name = "ConfigError";
  }
}

export interface Overrides {
  detached?: boolean;
  dataDir?: string;
  speed?: number;
  seed?: number;
  start?: string;
  ports?: Partial<Ports>;
  build?: boolean;
  logFormat?: "pretty" | "json";
  telegramLog?: boolean;
  /** ISO 8601 duration or "0". */
  backfill?: string;
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : {});

function port(setting: string, v: unknown): number | undefined {
  if (v === undefined || v === null || v === "") return undefined;
  const n = typeof v === "number" ? v : Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new ConfigError(setting, `not a port number: ${String(v)}`);
  return n;
}

function positive(setting: string, v: unknown): number | undefined {
  if (v === undefined || v === null || v === "") return undefined;
  const n = typeof v === "number" ? v : Number(v);
  if (!Number.isFinite(n) || n <= 0)
    throw new ConfigError(setting, `must be a positive number: ${String(v)}`);
  return n;
}

function bool(v: string | undefined): boolean | undefined {
  if (v === undefined || v === "") return undefined;
  return /^(1|true|yes|on)$/i.test(v);
}

function households(raw: unknown): HouseholdConfig[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  const seen = new Set<string>();
  return raw.map((h, i) => {
    const o = obj(h);
    if (typeof o.id !== "string" || !o.id) throw new ConfigError(`households[${i}].id`, "missing");
    const meters = (Array.isArray(o.meters) ? o.meters : []).map((m, j) => {
      const mo = obj(m);
      const where = `households[${i}].meters[${j}]`;
      if (typeof mo.id !== "string" || !mo.id) throw new ConfigError(`${where}.id`, "missing");
      if (seen.has(mo.id)) throw new ConfigError(`${where}.id`, `duplicate meter id ${mo.id}`);
      seen.add(mo.id);
      const kind = mo.kind ?? "dlms";
      if (kind !== "dlms" && kind !== "mbus" && !(LINE_KINDS as readonly unknown[]).includes(kind))
        throw new ConfigError(`${where}.kind`, "must be dlms, mbus, dsmr, sml, d0 or wmbus");
      if (kind === "wmbus" && !/^\d{8}$/.test(mo.id))
        throw new ConfigError(`${where}.id`, "a wmbus meter's id is its 8-digit address (e.g. 71000031)");
      if (
        mo.wmbusDevice !== undefined &&
        (kind !== "wmbus" || !["water", "heat", "hca"].includes(String(mo.wmbusDevice)))
      )
        throw new ConfigError(`${where}.wmbusDevice`, "wmbus meters only: water, heat or hca");
      if (mo.wmbusMode !== undefined && (kind !== "wmbus" || (mo.wmbusMode !== 5 && mo.wmbusMode !== 7)))
        throw new ConfigError(`${where}.wmbusMode`, "wmbus meters only: 5 or 7");
      if (
        mo.variant !== undefined &&
        (kind !== "dsmr" || !["dsmr5", "fluvius", "smarty"].includes(String(mo.variant)))
      )
        throw new ConfigError(`${where}.variant`, "dsmr meters only: dsmr5, fluvius or smarty");
      if (mo.d0Mode !== undefined && (kind !== "d0" || !["push", "modeC"].includes(String(mo.d0Mode))))
        throw new ConfigError(`${where}.d0Mode`, "d0 meters only: push or modeC");
      const interval = positive(`${where}.pushIntervalS`, mo.pushIntervalS);
      return {
        id: mo.id,
        kind,
        pv: mo.pv === true,
        ...(mo.role === "sub" ? { role: "sub" } : {}),
        ...(mo.variant !== undefined ? { variant: mo.variant } : {}),
        ...(mo.d0Mode !== undefined ? { d0Mode: mo.d0Mode } : {}),
        ...(mo.wmbusDevice !== undefined ? { wmbusDevice: mo.wmbusDevice } : {}),
        ...(mo.wmbusMode !== undefined ? { wmbusMode: mo.wmbusMode } : {}),
        ...(interval !== undefined ? { pushIntervalS: interval } : {}),
      } as MeterConfig;
    });
    return {
      id: o.id,
      name: typeof o.name === "string" ? o.name : o.id,
      timeZone: typeof o.timeZone === "string" ? o.timeZone : "Europe/Vienna",
      meters,
    };
  });
}

/**
 * Resolves the settings. `file` is the parsed omdp.config.json (or undefined), `cwd` the repository root
 * (relative data dirs are taken from there).
 */
export function resolveConfig(
  file: unknown,
  env: Readonly<Record<string, string | undefined>>,
  overrides: Overrides = {},
  cwd = process.cwd(),
): PlatformConfig {
  const f = obj(file);
  const p = obj(f.platform);
  const fp = obj(p.ports);
  const fs = obj(p.simulator);
  const ports = { ...DEFAULT_PORTS };
  for (const key of Object.keys(DEFAULT_PORTS) as (keyof Ports)[]) {
    ports[key] =
      port(`--${key}-port`, overrides.ports?.[key]) ??
      port(PORT_ENV[key], env[PORT_ENV[key]]) ??
      port(`platform.ports.${key}`, fp[key]) ??
      DEFAULT_PORTS[key];
  }
  const detached =
    overrides.detached ?? bool(env.OMDP_DETACHED) ?? (typeof p.detached === "boolean" ? p.detached : false);
  const dataDirRaw =
    overrides.dataDir ?? env.OMDP_DATA_DIR ?? (typeof p.dataDir === "string" ? p.dataDir : ".data");
  const speed =
    positive("--speed", overrides.speed) ??
    positive("OMDP_SIM_SPEED", env.OMDP_SIM_SPEED) ??
    positive("platform.simulator.speed", fs.speed) ??
    1;
  const seed =
    overrides.seed ??
    (env.OMDP_SIM_SEED ? Number(env.OMDP_SIM_SEED) : undefined) ??
    (fs.seed as number) ??
    42;
  if (!Number.isInteger(seed)) throw new ConfigError("OMDP_SIM_SEED", `must be an integer: ${String(seed)}`);
  const start = overrides.start ?? env.OMDP_SIM_START ?? (typeof fs.start === "string" ? fs.start : "now");
  if (start !== "now" && Number.isNaN(Date.parse(start))) {
    throw new ConfigError("OMDP_SIM_START", `must be "now" or an RFC 3339 time: ${start}`);
  }
  const logFormat =
    overrides.logFormat ??
    (env.OMDP_LOG_FORMAT === "json" ? "json" : env.OMDP_LOG_FORMAT === "pretty" ? "pretty" : "pretty");
  const cosmosEndpoint = env.COSMOS_ENDPOINT ?? "";
  const edge = obj(f.edge);
  return {
    households: households(f.households) ?? [...DEFAULT_HOUSEHOLDS],
    edge: { deviceId: typeof edge.deviceId === "string" && edge.deviceId ? edge.deviceId : "edge-local" },
    ports,
    dataDir: isAbsolute(dataDirRaw) ? dataDirRaw : resolve(cwd, dataDirRaw),
    detached,
    simulator: {
      speed,
      seed,
      start,
      telegramLog: overrides.telegramLog ?? bool(env.OMDP_SIM_TELEGRAM_LOG) ?? fs.telegramLog === true,
      backfillMs: backfillSetting(overrides.backfill, env.OMDP_SIM_BACKFILL, fs.backfill),
    },
    cosmosEndpoint,
    components: detached ? ["meters", "edge", "app"] : ["cloud", "meters", "edge", "app"],
    build: overrides.build ?? bool(env.OMDP_BUILD) ?? true,
    logFormat,
  };
}

/** The backfill: --backfill, then OMDP_SIM_BACKFILL, then platform.simulator.backfill, then P30D. */
function backfillSetting(flag: string | undefined, env: string | undefined, file: unknown): number {
  const [setting, value] =
    flag !== undefined
      ? ["--backfill", flag]
      : env !== undefined && env !== ""
        ? ["OMDP_SIM_BACKFILL", env]
        : file !== undefined
          ? ["platform.simulator.backfill", String(file)]
          : ["default", "P30D"];
  try {
    return parseBackfill(value, setting);
  } catch (err) {
    throw new ConfigError(setting, (err as Error).message);
  }
}

/** Every meter with its household (the cloud's meter registry and the edge's configuration). */
export function meterRegistry(
  cfg: PlatformConfig,
): { meterId: string; householdId: string; meter: MeterConfig }[] {
  return cfg.households.flatMap((h) => h.meters.map((m) => ({ meterId: m.id, householdId: h.id, meter: m })));
}
