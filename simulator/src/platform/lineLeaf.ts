/**
 * The P1, SML, D0 and wM-Bus meters of the configuration (kinds dsmr, sml, d0, wmbus: a simulated
 * receiver stick per meter) each sit on a line of their own
 * (`<dataDir>/sim/lines.json`, written by the meters component). `omdp start` reads each with its own
 * @omdp/reader line (protocol per line; TCP, as through a ser2net/ESP bridge), all through one leaf
 * device of the local gateway (as the M-Bus leaf does): the readings reach analytics, events and sharing
 * by the manifest's `leafTo*` routes, exactly like the module's. Smarty and wM-Bus keys come from the
 * keys file (a wM-Bus meter's id is its 8-digit address).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { connectLeafDevice } from "@omdp/edge-module";
import type { Logger } from "@omdp/logger";
import { createReader, type Reader } from "@omdp/reader";
import { LINE_KINDS, type LineKind, meterRegistry, type PlatformConfig } from "./config";

interface GatewayLike {
  readonly ca: string;
  connectionStringFor(deviceId: string): string;
}

export interface LineLeaf {
  stop(): Promise<void>;
}

interface SimLine {
  readonly meterId: string;
  readonly kind: LineKind;
  readonly port: number;
}

/** The lines the meters component serves (empty when it has none or has not written the file). */
export function readLines(dataDir: string): SimLine[] {
  const file = join(dataDir, "sim", "lines.json");
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as SimLine[]) : [];
}

export async function startLineLeaf(
  hub: GatewayLike,
  cfg: PlatformConfig,
  log: Logger,
): Promise<LineLeaf | undefined> {
  const meters = meterRegistry(cfg).filter((m) => (LINE_KINDS as readonly string[]).includes(m.meter.kind));
  if (meters.length === 0) return undefined;
  const ports = new Map(readLines(cfg.dataDir).map((l) => [l.meterId, l.port]));
  const deviceId = `${cfg.edge.deviceId}-lines`;
  const host = await connectLeafDevice({
    connectionString: hub.connectionStringFor(deviceId),
    ca: hub.ca,
    logger: log,
  });
  const readers: Reader[] = [];
  for (const m of meters) {
    const port = ports.get(m.meterId);
    if (port === undefined) {
      log.warn("no line for meter: the meters component did not serve it", { meterId: m.meterId });
      continue;
    }
    const reader = createReader({
      gatewayId: deviceId,
      transport: { kind: "tcp", host: "127.0.0.1", port },
      protocol: m.meter.kind as LineKind,
      meters: [{ id: m.meterId }],
      keysFile: join(cfg.dataDir, "keys.json"),
      ...(m.meter.kind === "d0" && m.meter.d0Mode === "modeC"
        ? { d0: { mode: "modeC" as const }, pollIntervalS: Math.max(2, 60 / cfg.simulator.speed) }
        : {}),
      backoff: { minMs: 250, maxMs: 5_000 },
    });
    reader.on("reading", (r) => {
      void host
        .send("readings", r, { kind: "reading", meterId: r.meterId })
        .catch((err: Error) => log.warn("line leaf send failed", { error: err.message }));
    });
    reader.on("diagnostics", (d) => {
      void host.send("diagnostics", d, { kind: "diagnostics" }).catch(() => {});
    });
    reader.on("error", (e) =>
      log.debug("line reader", { meterId: m.meterId, code: e.code, message: e.message }),
    );
    await reader.start();
    readers.push(reader);
  }
  log.info("P1/SML/D0/wM-Bus meters read by a leaf reader per line", {
    deviceId,
    meters: meters.map((m) => `${m.meterId} (${m.meter.kind})`),
  });
  return {
    stop: async () => {
      for (const r of readers) await r.stop();
      await host.close?.();
    },
  };
}
