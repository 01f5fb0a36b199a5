/**
 * Component: the simulated meters (the embedded defaults: 3 meters in 2 households, one with PV) behind
 * an M-Bus/TCP gateway. Writes the simulator's meter keys to `<dataDir>/keys.json` (for the reader) and,
 * when enabled, every telegram's values to `<dataDir>/sim/telegrams.jsonl` (tests compare against it).
 * The meters' registers continue from `<dataDir>/sim/registers.json` (meterState.ts) and are saved there.
 */
import { createWriteStream, mkdirSync } from "node:fs";
import { join } from "node:path";
import { clockFromEnv, SIM_CLOCK_ENV } from "@omdp/edge-module";
import type { createMeterFleet as CreateFleet } from "../meters/fleet";
import { useRegisterBank } from "../meters/registers";
import type { serveTcp as ServeTcp } from "../meters/serveTcp";
import type { MeterSpec } from "../meters/types";
import { meterRegistry } from "./config";
import { usePrivateUmask, writePrivateFile } from "./dataDir";
import { keepRegisterState } from "./meterState";
import { fail, importOrMissing, onShutdown, platformFromEnv, runnerLogger, tell } from "./runner";

const log = runnerLogger("meters");

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
  }));
  // The registers continue from <data>/sim/registers.json (a second start must not make them go back).
  let readAll = () => {};
  const registerState = keepRegisterState(cfg.dataDir, specs, () => readAll());
  useRegisterBank(registerState.bank);
  const fleet = createMeterFleet({
    meters: specs,
    speed: cfg.simulator.speed,
    // The platform's simulated clock (one epoch for every component, continued across restarts).
    start: process.env[SIM_CLOCK_ENV]
      ? clockFromEnv()()
      : cfg.simulator.start === "now"
        ? undefined
        : cfg.simulator.start,
  });
  // reading a meter's registers integrates them up to now (the saved state is then current)
  readAll = () => {
    for (const s of specs) fleet.registers(s.id);
  };
  mkdirSync(cfg.dataDir, { recursive: true, mode: 0o700 });
  const keysFile = join(cfg.dataDir, "keys.json");
  writePrivateFile(keysFile, `${JSON.stringify(fleet.keys(), null, 2)}\n`);
  let logStream: ReturnType<typeof createWriteStream> | undefined;
  let clientsNow = () => 0;
  if (cfg.simulator.telegramLog) {
    mkdirSync(join(cfg.dataDir, "sim"), { recursive: true, mode: 0o700 });
    logStream = createWriteStream(join(cfg.dataDir, "sim", "telegrams.jsonl"), { flags: "a", mode: 0o600 });
    fleet.onTelegram((t) => {
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
    });
  }
  const gateway = await serveTcp(fleet, cfg.ports.simTcp, "127.0.0.1");
  clientsNow = () => gateway.clients;
  // Fault injection for the chaos soak: SIGUSR2 damages the next telegrams and puts garbage with a
  // false frame start on the line (the simulator logs each damaged telegram with its fault).
  process.on("SIGUSR2", () => {
    fleet.faults.corrupt({ count: 3 });
    fleet.faults.garbage(
      Uint8Array.from([0x00, 0x68, 0xfe, 0xfe, 0x68, 0x11, 0x22, 0x68, 0x9b, 0x9b, 0x68, 0x33]),
    );
    log.warn("line damaged on request (SIGUSR2): 3 telegrams corrupted, garbage with false starts");
  });
  fleet.start();
  registerState.start();
  log.info("meters running", {
    meters: specs.map((s) => `${s.id} (${s.kind}${s.pv ? ", PV" : ""})`),
    port: gateway.port,
    speed: cfg.simulator.speed,
  });
  onShutdown(log, async () => {
    registerState.stop(); // before the fleet stops: reading the registers may put due pushes on the line
    fleet.stop();
    await gateway.close();
    await new Promise<void>((r) => (logStream ? logStream.end(() => r()) : r()));
  });
  tell({ type: "ready", info: { port: gateway.port, meters: fleet.meters.map((m) => m.id), keysFile } });
}

main().catch((err) => fail(log, err));
