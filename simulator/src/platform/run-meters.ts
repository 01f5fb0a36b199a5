/**
 * Component: the simulated meters (the embedded defaults: 3 meters in 2 households, one with PV) behind
 * an M-Bus/TCP gateway. Writes the simulator's meter keys to `<dataDir>/keys.json` (for the reader) and,
 * when enabled, every telegram's values to `<dataDir>/sim/telegrams.jsonl` (tests compare against it).
 * The meters' registers continue from `<dataDir>/sim/registers.json` (meterState.ts) and are saved there.
 * P1, SML and D0 meters (kinds dsmr, sml, d0) each get a line of their own, as each has its own port in
 * a home: a TCP server per meter (the ser2net/ESP bridge users have), its port in `<dataDir>/sim/lines.json`
 * (the edge's line readers read it; a restart keeps the port when it is still free).
 */
import { createWriteStream, existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { clockFromEnv, epochFromEnv, SIM_CLOCK_ENV } from "@omdp/edge-module";
import { EpochMeterClock } from "../meters/clock";
import type { createMeterFleet as CreateFleet } from "../meters/fleet";
import { useRegisterBank } from "../meters/registers";
import type { serveTcp as ServeTcp } from "../meters/serveTcp";
import type { MeterSpec } from "../meters/types";
import { LINE_KINDS, type LineKind, meterRegistry } from "./config";
import { usePrivateUmask, writePrivateFile } from "./dataDir";
import { keepRegisterState } from "./meterState";
import { fail, importOrMissing, onShutdown, platformFromEnv, runnerLogger, tell } from "./runner";

const log = runnerLogger("meters");
/** Seconds of meter time between two pushes of a meter during a backfill's catch-up. */
const CATCH_UP_PUSH_S = 300;

async function main(): Promise<void> {
  usePrivateUmask();
  const cfg = platformFromEnv();
  const createMeterFleet = await importOrMissing<typeof CreateFleet>(
    "../meters/fleet",
    "createMeterFleet",
    "meter simulator",
  );
  const serveTcp = await importOrMissing<typeof ServeTcp>(
    "../meters/serveTcp",
    "serveTcp",
    "M-Bus/TCP gateway",
  );
  const specs: MeterSpec[] = meterRegistry(cfg).map((r, i) => ({
    id: r.meterId,
    kind: r.meter.kind,
    seed: cfg.simulator.seed + i,
    pv: r.meter.pv,
    ...(r.meter.variant ? { p1Variant: r.meter.variant } : {}),
    ...(r.meter.d0Mode ? { d0Mode: r.meter.d0Mode } : {}),
    ...(r.meter.wmbusDevice ? { wmbusDevice: r.meter.wmbusDevice } : {}),
    ...(r.meter.wmbusMode ? { wmbusMode: r.meter.wmbusMode } : {}),
    ...(r.meter.pushIntervalS ? { pushIntervalS: r.meter.pushIntervalS } : {}),
  }));
  // The registers continue from <data>/sim/registers.json (a second start must not make them go back).
  let readAll = () => {};
  const registerState = keepRegisterState(cfg.dataDir, specs, () => readAll());
  useRegisterBank(registerState.bank);
  const isLine = (s: MeterSpec) => (LINE_KINDS as readonly string[]).includes(s.kind);
  // A backfill (the shared epoch catches up from the past): meter time on the epoch itself, and one push
  // per 5 minutes of meter time (on whole 5-minute marks, so each quarter hour ends on a reading, and
  // within analytics' maxGapSeconds of 300) until the catch-up ends; then the meters' own cadence.
  const epoch = epochFromEnv();
  const backfill = epoch?.().catchUp
    ? {
        clock: new EpochMeterClock(epoch),
        catchUp: { untilMs: () => epoch().catchUp?.untilSimMs ?? 0, intervalS: CATCH_UP_PUSH_S },
      }
    : {};
  const fleetOf = (meters: MeterSpec[]) =>
    createMeterFleet({
      ...backfill,
      meters,
      speed: cfg.simulator.speed,
      // The platform's simulated clock (one epoch for every component, continued across restarts).
      start: process.env[SIM_CLOCK_ENV]
        ? clockFromEnv()()
        : cfg.simulator.start === "now"
          ? undefined
          : cfg.simulator.start,
    });
  // the shared M-Bus/TCP line (DLMS pushes, EN 13757-3 slaves), then one line per P1, SML or D0 meter
  const fleet = fleetOf(specs.filter((s) => !isLine(s)));
  const lineFleets = specs.filter(isLine).map((s) => ({ spec: s, fleet: fleetOf([s]) }));
  const fleets = [fleet, ...lineFleets.map((l) => l.fleet)];
  // reading a meter's registers integrates them up to now (the saved state is then current)
  readAll = () => {
    for (const s of specs) (lineFleets.find((l) => l.spec.id === s.id)?.fleet ?? fleet).registers(s.id);
  };
  mkdirSync(cfg.dataDir, { recursive: true, mode: 0o700 });
  const keysFile = join(cfg.dataDir, "keys.json");
  const keys = Object.assign({}, ...fleets.map((f) => f.keys()));
  writePrivateFile(keysFile, `${JSON.stringify(keys, null, 2)}\n`);
  let logStream: ReturnType<typeof createWriteStream> | undefined;
  let clientsNow = () => 0;
  if (cfg.simulator.telegramLog) {
    mkdirSync(join(cfg.dataDir, "sim"), { recursive: true, mode: 0o700 });
    logStream = createWriteStream(join(cfg.dataDir, "sim", "telegrams.jsonl"), { flags: "a", mode: 0o600 });
    const logTelegram = (t: Parameters<Parameters<typeof fleet.onTelegram>[0]>[0]) => {
      logStream?.write(
        `${JSON.stringify({
          seq: t.seq,
          meterId: t.meterId,
          meterTime: new Date(t.meterTime).toISOString(),
          values: t.values.filter((v) => typeof v.value === "number"),
          ...(t.fault ? { fault: t.fault } : {}),
          ...(t.master ? { master: t.master } : {}),
          // when it went on the line and how many readers could hear it (the chaos soak's accounting)
          sentAt: Date.now(),
          clients: clientsNow(),
        })}\n`,
      );
    };
    for (const f of fleets) f.onTelegram(logTelegram);
  }
  const gateway = await serveTcp(fleet, cfg.ports.simTcp, "127.0.0.1");
  const lines = await serveLines(cfg.dataDir, lineFleets, serveTcp);
  clientsNow = () => gateway.clients + lines.reduce((n, l) => n + l.gateway.clients, 0);
  // Fault injection for the chaos soak: SIGUSR2 damages the next telegrams and puts garbage with a
  // false frame start on the line (the simulator logs each damaged telegram with its fault).
  process.on("SIGUSR2", () => {
    for (const l of lineFleets) l.fleet.faults.corrupt({ count: 1 });
    fleet.faults.corrupt({ count: 3 });
    fleet.faults.garbage(
      Uint8Array.from([0x00, 0x68, 0xfe, 0xfe, 0x68, 0x11, 0x22, 0x68, 0x9b, 0x9b, 0x68, 0x33]),
    );
    log.warn("line damaged on request (SIGUSR2): 3 telegrams corrupted, garbage with false starts");
  });
  for (const f of fleets) f.start();
  registerState.start();
  log.info("meters running", {
    meters: specs.map(
      (s) => `${s.id} (${s.kind}${s.p1Variant ? ` ${s.p1Variant}` : ""}${s.pv ? ", PV" : ""})`,
    ),
    port: gateway.port,
    ...(lines.length > 0 ? { lines: Object.fromEntries(lines.map((l) => [l.meterId, l.gateway.port])) } : {}),
    speed: cfg.simulator.speed,
  });
  onShutdown(log, async () => {
    registerState.stop(); // before the fleet stops: reading the registers may put due pushes on the line
    for (const f of fleets) f.stop();
    await gateway.close();
    for (const l of lines) await l.gateway.close();
    await new Promise<void>((r) => (logStream ? logStream.end(() => r()) : r()));
  });
  tell({
    type: "ready",
    info: { port: gateway.port, meters: fleets.flatMap((f) => f.meters.map((m) => m.id)), keysFile },
  });
}

/** What `<dataDir>/sim/lines.json` holds: each P1/SML/D0 meter's line (a TCP port on 127.0.0.1). */
export interface SimLine {
  readonly meterId: string;
  readonly kind: LineKind;
  readonly port: number;
}

export function linesFile(dataDir: string): string {
  return join(dataDir, "sim", "lines.json");
}

/** One TCP server per line meter, on its previous port when that is still free, recorded in lines.json. */
async function serveLines(
  dataDir: string,
  lineFleets: { spec: MeterSpec; fleet: ReturnType<typeof CreateFleet> }[],
  serve: typeof ServeTcp,
): Promise<{ meterId: string; gateway: Awaited<ReturnType<typeof ServeTcp>> }[]> {
  if (lineFleets.length === 0) return [];
  const file = linesFile(dataDir);
  const before = new Map<string, number>();
  if (existsSync(file))
    for (const l of JSON.parse(readFileSync(file, "utf8")) as SimLine[]) before.set(l.meterId, l.port);
  const out: { meterId: string; gateway: Awaited<ReturnType<typeof ServeTcp>> }[] = [];
  for (const { spec, fleet } of lineFleets) {
    const previous = before.get(spec.id) ?? 0;
    const gateway = await serve(fleet, previous, "127.0.0.1").catch(() => serve(fleet, 0, "127.0.0.1"));
    out.push({ meterId: spec.id, gateway });
  }
  mkdirSync(join(dataDir, "sim"), { recursive: true, mode: 0o700 });
  const lines: SimLine[] = lineFleets.map(({ spec }, i) => ({
    meterId: spec.id,
    kind: spec.kind as LineKind,
    port: out[i]!.gateway.port,
  }));
  writePrivateFile(file, `${JSON.stringify(lines, null, 2)}\n`);
  return out;
}

main().catch((err) => fail(log, err));
