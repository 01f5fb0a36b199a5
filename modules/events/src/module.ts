/** Wiring of the events module to a ModuleHost (kept apart from main.ts so tests can run it). */
import { join } from "node:path";
import type { ModuleHost } from "@omdp/edge-module";
import type { Logger } from "@omdp/logger";
import { z } from "zod";
import { ControlMessage, DesiredConfig } from "./config";
import { MqttBridge } from "./mqtt/bridge";
import { EventsService } from "./service";
import { SnapshotFile } from "./snapshot";

export interface EventsOptions {
  /** Directory of `events.json`; default `OMDP_DATA_DIR` or `.data`. */
  readonly dataDir?: string;
  /** Period of the timer (silent meters, reader windows, snapshot); default 30 s. */
  readonly tickMs?: number;
  readonly now?: () => number;
}

export async function setupEvents(
  host: ModuleHost,
  log: Logger,
  opts: EventsOptions = {},
): Promise<{ stop(): Promise<void>; service: EventsService; bridge(): MqttBridge | null }> {
  const dataDir = opts.dataDir ?? process.env.OMDP_DATA_DIR ?? ".data";
  const service = new EventsService(
    new SnapshotFile(join(dataDir, "events.json")),
    { send: (output, body, properties) => host.send(output, body, properties) },
    log,
    DesiredConfig.parse({}),
    opts.now,
  );
  let bridge: MqttBridge | null = null;
  let bridgeKey = "";
  let meterNames: Record<string, string | undefined> = {};

  const report = () =>
    host
      .report({
        events: {
          ...service.report(),
          mqtt: bridge ? { connected: bridge.connected, ...bridge.counters } : null,
        },
      })
      .catch((err) => log.warn("report failed", { error: String(err) }));

  host.onDesired(DesiredConfig, async (config) => {
    service.setConfig(config);
    meterNames = Object.fromEntries(Object.entries(config.meters).map(([id, m]) => [id, m.name]));
    const key = JSON.stringify(config.mqtt);
    if (key !== bridgeKey) {
      bridgeKey = key;
      if (bridge) {
        service.listeners.splice(service.listeners.indexOf(bridge), 1);
        await bridge.close();
        bridge = null;
      }
      if (config.mqtt.enabled) {
        bridge = new MqttBridge(config.mqtt, log.child("mqtt"), (id) => meterNames[id]);
        service.listeners.push(bridge);
      }
    }
    await report();
  });
  host.onInput("readings", (msg) => service.reading(msg.body));
  host.onInput("intervals", (msg) => service.interval(msg.body));
  host.onInput("diagnostics", (msg) => service.diagnostics(msg.body));
  host.onInput("control", async (msg) => {
    const res = await service.control(msg.body);
    if (res.ok) await report();
  });
  host.onMethod("setRules", ControlMessage.options[0].omit({ action: true, kind: true }), async (p) => {
    const res = await service.control({ action: "setRules", rules: p.rules });
    await report();
    return res;
  });
  host.onMethod("ackEvent", z.object({ eventId: z.string().min(1) }), async (p) => {
    const res = await service.control({ action: "ackEvent", eventId: p.eventId });
    if (res.ok) await report();
    return res;
  });
  host.onMethod("getStatus", z.unknown(), () => service.report());

  let ticks = 0;
  const timer = setInterval(() => {
    ticks += 1;
    void service
      .tick()
      .then(() => (ticks % 10 === 0 ? report() : undefined))
      .catch((err) => log.error("tick failed", { error: String(err) }));
  }, opts.tickMs ?? 30_000);
  // Events left unsent by the previous run go out first.
  await service.flush();

  return {
    service,
    bridge: () => bridge,
    async stop() {
      clearInterval(timer);
      await service.flush();
      service.save();
      await bridge?.close();
    },
  };
}
