/**
 * The EN 13757-3 meters of the configuration (kind `mbus`) answer a master; the `mbusReader` module
 * listens for the DLMS pushes. So `omdp start` also runs a reader in poll mode as a leaf device through
 * the local gateway (the "completely divided" arrangement): its readings reach analytics, events and
 * sharing by the manifest's `leafTo*` routes, exactly like the module's.
 */
import { connectLeafDevice } from "@omdp/edge-module";
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
  const reader = createReader({
    gatewayId: deviceId,
    transport: { kind: "tcp", host: "127.0.0.1", port: cfg.ports.simTcp },
    mode: "poll",
    // One read-out per 5 minutes of meter time (at least every 2 s of wall time).
    pollIntervalS: Math.max(2, 300 / cfg.simulator.speed),
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
  await reader.start();
  log.info("M-Bus meters polled by a leaf reader", { deviceId, meters: meters.map((m) => m.meterId) });
  return {
    stop: async () => {
      await reader.stop();
      await host.close?.();
    },
  };
}
