/**
 * The chaos soak: the whole platform (the `npm start` supervisor, real processes, real ports) at high
 * simulated speed while a seeded schedule SIGKILLs each component in turn, takes the cloud away, damages
 * bytes on the meter line and fills the upstream queue's disk quota; then, with the meters stopped and
 * everything drained, it counts against the simulator's own telegram log what the edge store and the
 * cloud hold. Run by `npm run chaos` (tests/chaos/run.ts) and, short, by tests/chaos/chaos.test.ts.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { groupMembers } from "../../simulator/src/platform/index";
import { readTelegramLog, startTestPlatform, type TestPlatform } from "../e2e/support";
import {
  accountEnergy,
  accountIntervals,
  accountReadings,
  type EnergyAccount,
  type IntervalAccount,
  type IntervalRow,
  type ReadingAccount,
} from "./count";
import { chaosSchedule, type FaultKind, type ScheduledFault } from "./schedule";

export interface SoakOptions {
  /** Wall seconds of the chaos phase (faults happen in it). */
  readonly seconds: number;
  /** Seconds between two faults. */
  readonly every: number;
  readonly seed: number;
  /** Meter time runs this many times faster than wall time. */
  readonly speed: number;
  /** Upper bound of the drain phase after the meters stopped, seconds. */
  readonly drainSeconds?: number;
  readonly log?: (line: string) => void;
}

/** What a `fill:upstream` did to the hub's `$upstream` queue (from its admin `/health`). */
export interface FillFigures {
  /** Messages the full queue refused during the fault (the senders' outboxes kept them). */
  readonly refused: number;
  /** Stored messages dropped during the fault (must stay 0: they were acknowledged). */
  readonly dropped: number;
  /** The fullest the queue was: messages and bytes (bound `OMDP_EDGE_UPSTREAM_MAX_BYTES`). */
  readonly peakQueued: number;
  readonly peakBytes: number;
  /** Seconds from the cloud's return until the hub's queue and sharing's outbox were empty. */
  readonly drainSeconds: number | null;
}

export interface FaultDone extends ScheduledFault {
  /** Wall ms when it was applied, and what it hit (pid or "-"). */
  readonly appliedAt: number;
  readonly target: string;
  /** Seconds until the platform was whole again (every component running, the reader attached). */
  readonly recoveredAfter: number | null;
  readonly fill?: FillFigures;
}

export interface SoakResult {
  readonly options: Omit<SoakOptions, "log">;
  readonly faults: readonly FaultDone[];
  readonly readings: ReadingAccount;
  readonly intervals: IntervalAccount;
  readonly energy: readonly EnergyAccount[];
  /** Lost readings by the fault applied last before they were sent ("none": before the first fault). */
  readonly lostAfter: Readonly<Record<string, number>>;
  /** Messages the full `$upstream` refused during the `fill:upstream` faults (summed). */
  readonly upstreamRefusals: number;
  /** The run's verdict: zero lost and duplicated everywhere, energy equal to the Wh. */
  readonly ok: boolean;
  readonly wallSeconds: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The `$upstream` quota of the soak's hub. An interval weighs about 770 bytes in the queue (message
 * JSON with body, properties and system properties; tests/edge/sharing-outbox.test.ts measures 3,835
 * bytes for 5), and the three meters close an interval each every 15 meter-minutes (7.5 s wall at
 * speed 120): 4 KiB holds five, so a cloud away for two quarters fills it.
 */
export const SOAK_UPSTREAM_MAX_BYTES = 4096;
/** A fill lasts its scheduled seconds and then until the queue refused something (bounded). */
const FILL_MAX_MS = 45_000;

interface UpstreamHealth {
  queued: number;
  bytes: number;
  dropped: number;
  refusedFull: number;
}

/** The hub's `$upstream` figures from its admin `/health` (undefined while the hub is away). */
async function hubUpstream(p: TestPlatform): Promise<UpstreamHealth | undefined> {
  const url = `http://127.0.0.1:${p.handle.config.ports.edgeAdmin}/health`;
  const res = await fetch(url, { signal: AbortSignal.timeout(2_000) }).catch(() => undefined);
  if (!res?.ok) return undefined;
  const body = (await res.json().catch(() => ({}))) as { upstream?: UpstreamHealth | null };
  return body.upstream ?? undefined;
}

/**
 * Whether the reader module's link to the meters' line is up (its `getStatus` method through the hub's
 * admin API). The leaf reader of the M-Bus meters shares the line, so the simulator's count of attached
 * clients alone does not say that the module hears the DLMS pushes.
 */
async function readerListening(p: TestPlatform): Promise<boolean> {
  const url = `http://127.0.0.1:${p.handle.config.ports.edgeAdmin}/modules/mbusReader/methods/getStatus?timeoutMs=2000`;
  const res = await fetch(url, { method: "POST", body: "{}", signal: AbortSignal.timeout(3_000) }).catch(
    () => undefined,
  );
  if (!res?.ok) return false;
  const body = (await res.json().catch(() => ({}))) as {
    status?: number;
    payload?: { link?: { connected?: boolean } };
  };
  return body.status === 200 && body.payload?.link?.connected === true;
}

/** Messages waiting in sharing's upstream outbox, from its local API's health check. */
async function sharingPending(p: TestPlatform): Promise<number | undefined> {
  const url = `http://127.0.0.1:${p.handle.config.ports.edgeApi}/api/health`;
  const res = await fetch(url, { signal: AbortSignal.timeout(2_000) }).catch(() => undefined);
  if (!res) return undefined;
  const body = (await res.json().catch(() => ({}))) as { upstream?: { upstreamPending?: number } };
  return body.upstream?.upstreamPending;
}

/** Waits (bounded) for `cond`; resolves with whether it held. */
async function waitFor(cond: () => boolean | Promise<boolean>, ms: number, everyMs = 200): Promise<boolean> {
  const end = Date.now() + ms;
  for (;;) {
    if (await cond()) return true;
    if (Date.now() > end) return false;
    await sleep(everyMs);
  }
}

/** The parent pid of a live process, from /proc (undefined: gone or a zombie). */
function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return rest[0] === "Z" || rest[0] === "X" ? undefined : Number(rest[1]);
  } catch {
    return undefined;
  }
}

/** The pid of a module process that the running edge hub `edge` started, by its entry point. */
export function modulePid(edge: number, module: string): number | undefined {
  for (const pid of groupMembers(edge)) {
    if (parentOf(pid) !== edge) continue;
    let cmd = "";
    try {
      cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8");
    } catch {
      continue;
    }
    if (cmd.includes(`modules/${module}/src/main.ts`) || cmd.includes(`modules/${module}/dist/`)) return pid;
  }
  return undefined;
}

/** Processes whose command line runs a module, anywhere on the machine. */
function allModulePids(module: string): number[] {
  const out: number[] = [];
  for (const e of readdirSync("/proc")) {
    if (!/^\d+$/.test(e)) continue;
    try {
      if (readFileSync(`/proc/${e}/cmdline`, "utf8").includes(`modules/${module}/src/main.ts`)) out.push(+e);
    } catch {
      // gone
    }
  }
  return out;
}

const MODULES = ["mbusReader", "analytics", "events", "sharing"] as const;

/** Sends `sig` (SIGKILL by default) to one process; returns its pid, or "-" when there was none. */
function kill(pid: number | undefined, sig: NodeJS.Signals = "SIGKILL"): string {
  if (!pid) return "-";
  try {
    process.kill(pid, sig);
    return String(pid);
  } catch {
    return "-";
  }
}

/** Is the platform whole: cloud (when not in an outage) and edge running, every module process up. */
function whole(p: TestPlatform, cloudWanted: boolean): boolean {
  const s = p.handle.status;
  if (s.edge.state !== "running" || !s.edge.pid || parentOf(s.edge.pid) === undefined) return false;
  if (cloudWanted && (s.cloud.state !== "running" || !s.cloud.pid || parentOf(s.cloud.pid) === undefined))
    return false;
  return MODULES.every((m) => modulePid(s.edge.pid!, m) !== undefined);
}

function openReadonly(file: string): Database.Database | undefined {
  return existsSync(file) ? new Database(file, { readonly: true, fileMustExist: true }) : undefined;
}

/** Every reading row of the edge store, duplicates included. */
function edgeReadings(dataDir: string): { meterId: string; readingTime: number }[] {
  const db = openReadonly(join(dataDir, "sharing.db"));
  if (!db) return [];
  try {
    return db
      .prepare(
        "SELECT m.meter_id AS meterId, r.ts AS readingTime FROM readings r JOIN meters m ON m.id = r.meter",
      )
      .all() as { meterId: string; readingTime: number }[];
  } finally {
    db.close();
  }
}

interface IntervalBody {
  id: string;
  meterId: string;
  intervalStart: string;
  intervalEnd: string;
  energyImportedWh: number;
  energyExportedWh: number;
}

function edgeIntervalRows(dataDir: string): IntervalRow[] {
  const db = openReadonly(join(dataDir, "sharing.db"));
  if (!db) return [];
  try {
    const rows = db
      .prepare("SELECT body FROM intervals WHERE resolution = 'PT15M' AND derived = 0")
      .all() as { body: string }[];
    return rows.map((r) => {
      const b = JSON.parse(r.body) as IntervalBody;
      return {
        id: b.id,
        meterId: b.meterId,
        start: Date.parse(b.intervalStart),
        end: Date.parse(b.intervalEnd),
        importWh: b.energyImportedWh,
        exportWh: b.energyExportedWh,
      };
    });
  } finally {
    db.close();
  }
}

function cloudIntervalRows(dataDir: string): IntervalRow[] {
  const db = openReadonly(join(dataDir, "cloud.db"));
  if (!db) return [];
  try {
    return db
      .prepare(
        "SELECT id, meter_id AS meterId, start, end, import_wh AS importWh, export_wh AS exportWh FROM series WHERE resolution = 'PT15M'",
      )
      .all() as IntervalRow[];
  } finally {
    db.close();
  }
}

/** Runs the soak; always stops the platform, keeps the data dir when OMDP_E2E_KEEP is set. */
export async function runSoak(opts: SoakOptions): Promise<SoakResult> {
  const say = opts.log ?? (() => {});
  const began = Date.now();
  const drainMs = (opts.drainSeconds ?? 90) * 1000;
  // Meter time starts far enough in the past that it reaches now at the end of the run: never ahead of
  // the wall clock, which the edge rejects as readings from the future.
  const lead = opts.seconds + (opts.drainSeconds ?? 90) + 120;
  // A small `$upstream` quota, so that `fill:upstream` really fills it (the hub refuses, nothing dropped).
  const quotaBefore = process.env.OMDP_EDGE_UPSTREAM_MAX_BYTES;
  process.env.OMDP_EDGE_UPSTREAM_MAX_BYTES = String(SOAK_UPSTREAM_MAX_BYTES);
  // Kept for the whole run: the supervisor hands its environment to every restarted component too.
  const restoreQuota = () => {
    if (quotaBefore === undefined) delete process.env.OMDP_EDGE_UPSTREAM_MAX_BYTES;
    else process.env.OMDP_EDGE_UPSTREAM_MAX_BYTES = quotaBefore;
  };
  const p = await startTestPlatform({ speed: opts.speed, leadSeconds: lead }).catch((err: unknown) => {
    restoreQuota();
    throw err;
  });
  const faults: FaultDone[] = [];
  const readerKills: number[] = [];
  try {
    // whole, and the reader module attached to the line: what is sent before then nobody could hear
    const up = await waitFor(async () => whole(p, true) && (await readerListening(p)), 120_000);
    if (!up) throw new Error("the platform did not come up whole");
    const listeningFrom = Date.now();
    say(`platform up in ${((Date.now() - began) / 1000).toFixed(1)} s, data dir ${p.dataDir}`);
    const schedule = chaosSchedule(opts.seed, opts.seconds, opts.every);
    const t0 = Date.now();
    for (const f of schedule) {
      const wait = t0 + f.at * 1000 - Date.now();
      if (wait > 0) await sleep(wait);
      const done = await apply(p, f, readerKills);
      faults.push(done);
      const fill = done.fill
        ? `; queue refused ${done.fill.refused}, dropped ${done.fill.dropped}, peak ${done.fill.peakQueued} msgs / ${done.fill.peakBytes} B, drained in ${done.fill.drainSeconds ?? "never"} s`
        : "";
      say(
        `${f.at.toFixed(1).padStart(6)} s  ${f.kind.padEnd(16)} ${done.target.padEnd(8)} at ${done.appliedAt}, whole again after ${done.recoveredAfter ?? "never"} s${fill}`,
      );
    }
    const rest = t0 + opts.seconds * 1000 - Date.now();
    if (rest > 0) await sleep(rest);
    // Drain: no new telegrams, then wait until the edge store holds every receivable one and the cloud
    // every closed interval of the edge (bounded).
    await p.handle.stopComponent("meters");
    const telegrams = () => readTelegramLog(p.dataDir);
    const meters = new Set(p.handle.config.households.flatMap((h) => h.meters.map((m) => m.id)));
    await waitFor(
      () =>
        accountReadings(telegrams(), edgeReadings(p.dataDir), readerKills, meters, listeningFrom).lost === 0,
      drainMs / 2,
      1_000,
    );
    await waitFor(
      () =>
        accountIntervals(edgeIntervalRows(p.dataDir), cloudIntervalRows(p.dataDir), Date.now()).lost === 0,
      drainMs / 2,
      1_000,
    );
    await p.handle.stop();
    const log = telegrams();
    const stored = edgeReadings(p.dataDir);
    const readings = accountReadings(log, stored, readerKills, meters, listeningFrom);
    const cloud = cloudIntervalRows(p.dataDir);
    const intervals = accountIntervals(edgeIntervalRows(p.dataDir), cloud, Number.POSITIVE_INFINITY);
    const energy = [...meters].flatMap((m) => {
      const times = new Set(stored.filter((s) => s.meterId === m).map((s) => s.readingTime));
      const e = accountEnergy(m, cloud, log, times);
      return e ? [e] : [];
    });
    const ok =
      readings.lost === 0 &&
      readings.duplicated === 0 &&
      intervals.lost === 0 &&
      intervals.duplicated === 0 &&
      intervals.differing === 0 &&
      energy.length > 0 &&
      energy.every((e) => e.differenceWh === 0);
    const { log: _drop, ...options } = opts;
    const lostAfter: Record<string, number> = {};
    for (const t of readings.lostSentAt) {
      const f = faults.filter((x) => x.appliedAt <= t).at(-1);
      const k = f ? `${f.kind}@${f.at}` : "none";
      lostAfter[k] = (lostAfter[k] ?? 0) + 1;
    }
    return {
      options,
      faults,
      readings,
      intervals,
      energy,
      lostAfter,
      upstreamRefusals: faults.reduce((n, f) => n + (f.fill?.refused ?? 0), 0),
      ok,
      wallSeconds: (Date.now() - began) / 1000,
    };
  } finally {
    restoreQuota();
    const dataDir = p.dataDir;
    await p.close();
    const orphans = MODULES.flatMap((m) => allModulePids(m).filter((pid) => runsOn(pid, dataDir)));
    if (orphans.length) say(`warning: module processes left: ${orphans.join(", ")}`);
  }
}

/** Does process `pid` run on this data dir (its environment names it)? */
function runsOn(pid: number, dataDir: string): boolean {
  try {
    return readFileSync(`/proc/${pid}/environ`, "utf8").split("\0").includes(`OMDP_DATA_DIR=${dataDir}`);
  } catch {
    return false;
  }
}

/** Applies one fault and waits (bounded) until the platform is whole again. */
async function apply(p: TestPlatform, f: ScheduledFault, readerKills: number[]): Promise<FaultDone> {
  const at = Date.now();
  const s = p.handle.status;
  const edge = s.edge.pid ?? 0;
  let target = "-";
  let fill: FillFigures | undefined;
  const kind: FaultKind = f.kind;
  switch (kind) {
    case "kill:mbusReader":
    case "kill:analytics":
    case "kill:events":
    case "kill:sharing": {
      const module = kind.slice(5);
      target = kill(modulePid(edge, module));
      if (module === "mbusReader") readerKills.push(at);
      break;
    }
    case "kill:hub":
      // The reader dies with its hub: what was on its way from the line into it is unreceivable.
      readerKills.push(at);
      target = kill(edge);
      break;
    case "kill:cloud":
      target = kill(s.cloud.pid);
      break;
    case "fill:upstream":
      fill = await fillUpstream(p, f.lasts);
      target = "cloud";
      break;
    case "outage:cloud":
      await p.handle.stopComponent("cloud");
      await sleep(f.lasts * 1000);
      await p.handle.startComponent("cloud");
      target = "cloud";
      break;
    case "corrupt:line":
      target = kill(s.meters.pid, "SIGUSR2");
      break;
  }
  // A signal is delivered asynchronously: wait until the killed process is gone before asking whether
  // the platform is whole again.
  const victim = Number(target);
  if (kind.startsWith("kill:") && victim > 0) await waitFor(() => parentOf(victim) === undefined, 10_000, 10);
  const ok = await waitFor(() => whole(p, true), 90_000, 100);
  return {
    ...f,
    appliedAt: at,
    target,
    recoveredAfter: ok ? (Date.now() - at) / 1000 : null,
    ...(fill ? { fill } : {}),
  };
}

/**
 * The cloud away for `lasts` seconds and then until the hub's `$upstream` refused a message (bounded by
 * FILL_MAX_MS); then back, and the time until the queue and sharing's outbox are empty again.
 */
async function fillUpstream(p: TestPlatform, lasts: number): Promise<FillFigures> {
  const start = (await hubUpstream(p)) ?? { queued: 0, bytes: 0, dropped: 0, refusedFull: 0 };
  let last = start;
  let peakQueued = 0;
  let peakBytes = 0;
  const sample = async () => {
    const h = await hubUpstream(p);
    if (!h) return;
    last = h;
    peakQueued = Math.max(peakQueued, h.queued);
    peakBytes = Math.max(peakBytes, h.bytes);
  };
  await p.handle.stopComponent("cloud");
  const began = Date.now();
  await waitFor(
    async () => {
      await sample();
      return Date.now() - began >= lasts * 1000 && last.refusedFull > start.refusedFull;
    },
    FILL_MAX_MS,
    250,
  );
  await p.handle.startComponent("cloud");
  const back = Date.now();
  const drained = await waitFor(
    async () => {
      await sample();
      return last.queued === 0 && (await sharingPending(p)) === 0;
    },
    90_000,
    250,
  );
  return {
    refused: Math.max(0, last.refusedFull - start.refusedFull),
    dropped: Math.max(0, last.dropped - start.dropped),
    peakQueued,
    peakBytes,
    drainSeconds: drained ? (Date.now() - back) / 1000 : null,
  };
}
