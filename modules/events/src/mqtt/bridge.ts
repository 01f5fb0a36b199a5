/**
 * The thin adapter to the household's MQTT broker (the `mqtt` package): availability with a last will,
 * Home Assistant discovery (again whenever Home Assistant announces `online`), live state per meter,
 * events and the list of active alerts per meter. Publishes only while connected: live values are
 * worthless later and the broker may stay away for days, so nothing piles up in memory.
 */
import type { Logger } from "@omdp/logger";
import type { Event, MeterReading } from "@omdp/model";
import { connect, type IClientOptions, type MqttClient } from "mqtt";
import type { MqttSettings } from "../config";
import type { Listener } from "../service";
import type { ActiveAlert } from "../state";
import {
  alertsTopic,
  availabilityTopic,
  discoveryFor,
  eventTopic,
  haStatusTopic,
  type Publication,
  statePayload,
  stateTopic,
} from "./discovery";

export interface BridgeCounters {
  published: number;
  dropped: number;
  connects: number;
}

export class MqttBridge implements Listener {
  private readonly client: MqttClient;
  /** Discovery of every meter seen (re-sent on reconnect and on Home Assistant's `online`). */
  private readonly discovery = new Map<string, Publication[]>();
  readonly counters: BridgeCounters = { published: 0, dropped: 0, connects: 0 };

  constructor(
    private readonly s: MqttSettings,
    private readonly log: Logger,
    private readonly meterName: (meterId: string) => string | undefined = () => undefined,
  ) {
    const opts: IClientOptions = {
      clientId: s.clientId ?? `omdp-events-${s.nodeId}`,
      username: s.username,
      password: s.password,
      reconnectPeriod: 5_000,
      connectTimeout: 10_000,
      queueQoSZero: false,
      rejectUnauthorized: s.rejectUnauthorized,
      will: { topic: availabilityTopic(s), payload: Buffer.from("offline"), qos: 1, retain: true },
    };
    this.client = connect(s.url, opts);
    this.client.on("connect", () => {
      this.counters.connects += 1;
      this.log.info("mqtt connected", { broker: brokerForLog(s.url) });
      this.client.subscribe(haStatusTopic(s), { qos: 1 });
      this.put({ topic: availabilityTopic(s), payload: "online", retain: true });
      this.announce();
    });
    this.client.on("message", (topic, payload) => {
      if (topic === haStatusTopic(s) && payload.toString() === "online") this.announce();
    });
    this.client.on("error", (err) => this.log.warn("mqtt error", { error: err.message }));
  }

  get connected(): boolean {
    return this.client.connected;
  }

  private put(p: Publication, qos: 0 | 1 = 1): void {
    if (!this.client.connected) {
      this.counters.dropped += 1;
      return;
    }
    this.counters.published += 1;
    this.client.publish(p.topic, p.payload, { qos, retain: p.retain });
  }

  private announce(): void {
    for (const pubs of this.discovery.values()) for (const p of pubs) this.put(p);
  }

  reading(r: MeterReading): void {
    const pubs = discoveryFor(this.s, r, this.meterName(r.meterId));
    const known = this.discovery.get(r.meterId);
    if (!known || known.length !== pubs.length) {
      this.discovery.set(r.meterId, pubs);
      for (const p of pubs) this.put(p);
    }
    this.put(
      { topic: stateTopic(this.s, r.meterId), payload: JSON.stringify(statePayload(r)), retain: true },
      0,
    );
  }

  event(e: Event): void {
    this.put({ topic: eventTopic(this.s, e.meterId), payload: JSON.stringify(e), retain: false });
  }

  alerts(active: readonly ActiveAlert[]): void {
    const byMeter = new Map<string, ActiveAlert[]>();
    for (const m of this.discovery.keys()) byMeter.set(m, []);
    for (const a of active) byMeter.set(a.meterId, [...(byMeter.get(a.meterId) ?? []), a]);
    for (const [meterId, list] of byMeter) {
      this.put({ topic: alertsTopic(this.s, meterId), payload: JSON.stringify(list), retain: true });
    }
  }

  /** Marks the bridge offline (retained) and disconnects. */
  async close(): Promise<void> {
    if (this.client.connected) {
      await this.client
        .publishAsync(availabilityTopic(this.s), "offline", { qos: 1, retain: true })
        .catch(() => {});
    }
    await this.client.endAsync();
  }
}

/** The broker URL without user info (credentials never reach the log). */
function brokerForLog(url: string): string {
  const u = URL.canParse(url) ? new URL(url) : null;
  return u ? `${u.protocol}//${u.host}` : "(invalid url)";
}
