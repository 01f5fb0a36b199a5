/**
 * The EN 13757-3 meters of the configuration (kind `mbus`) answer a master; the `mbusReader` module
 * listens for the DLMS pushes. So `omdp start` also runs a reader in poll mode as a leaf device through
 * the local gateway (the "completely divided" arrangement): its readings reach analytics, events and
 * sharing by the manifest's `leafTo*` routes, exactly like the module's.
 */
import { catchingUp, connectLeafDevice, epochFromEnv } from "@omdp/edge-module";
import type { Logger } from "@omdp/logger";
import { createReader } from "@omdp/reader";
import { meterRegistry, type PlatformConfig } from "./config";

interface GatewayLike {
  readonly ca: string;
  connectionStringFor(deviceId: string): string;
}

export interface MbusLeaf {
  stop(): Promise<void>;
}

export async function startMbusLeaf(
  hub: GatewayLike,
  cfg: PlatformConfig,
  log: Logger,
): Promise<MbusLeaf | undefined> {
  const meters = meterRegistry(cfg).filter((m) => m.meter.kind === "mbus");
  if (meters.length === 0) return undefined;
  const deviceId = `${cfg.edge.deviceId}-mbus`;
  const host = await connectLeafDevice({
    connectionString: hub.connectionStringFor(deviceId),
    ca: hub.ca,
    logger: log,
  });
  const tz = cfg.households.find((h) => h.id === meters[0]!.householdId)?.timeZone ?? "UTC";
  const epoch = epochFromEnv();
  // One read-out per 5 minutes of meter time (at least every 2 s of wall time); during a backfill's
  // catch-up one per 5 minutes of meter time at the catch-up speed, then a reader at the normal pace.
  const makeReader = (pollIntervalS: number) => {
    const reader = createReader({
      gatewayId: deviceId,
      transport: { kind: "tcp", host: "127.0.0.1", port: cfg.ports.simTcp },
      mode: "poll",
      pollIntervalS,
      timeZone: tz,
      meters: meters.map((m) => ({ id: m.meterId, secondaryAddress: { id: m.meterId.slice(-8) } })),
    });
    reader.on("reading", (r) => {
      void host
        .send("readings", r, { kind: "reading", meterId: r.meterId })
        .catch((err: Error) => log.warn("leaf send failed", { error: err.message }));
    });
    reader.on("diagnostics", (d) => {
      void host.send("diagnostics", d, { kind: "diagnostics" }).catch(() => {});
    });
    reader.on("error", (e) => log.debug("reader", { code: e.code, message: e.message }));
    return reader;
  };
  const normal = Math.max(2, 300 / cfg.simulator.speed);
  // a backfill: no reader while the clock is held, a fast one while it catches up, then the normal one
  type Phase = "held" | "fast" | "normal";
  const phaseNow = (): Phase => {
    const e = epoch?.();
    if (!e?.catchUp || !catchingUp(e)) return "normal";
    return Date.now() < e.wallMs ? "held" : "fast";
  };
  let phase = phaseNow();
  let reader =
    phase === "held" ? undefined : makeReader(phase === "fast" ? 300 / epoch!().catchUp!.speed : normal);
  await reader?.start();
  let switchTimer: NodeJS.Timeout | undefined;
  if (phase !== "normal") {
    switchTimer = setInterval(() => {
      const next = phaseNow();
      if (next === phase) return;
      phase = next;
      if (next === "normal") clearInterval(switchTimer);
      const old = reader;
      const fresh = makeReader(next === "fast" ? 300 / epoch!().catchUp!.speed : normal);
      reader = fresh;
      void (old ? old.stop() : Promise.resolve())
        .then(() => fresh.start())
        .catch((err: Error) => log.warn("leaf reader switch failed", { error: err.message }));
    }, 100);
  }
  log.info("M-Bus meters polled by a leaf reader", { deviceId, meters: meters.map((m) => m.meterId) });
  return {
    stop: async () => {
      clearInterval(switchTimer);
      await reader?.stop();
      await host.close?.();
    },
  };
}
