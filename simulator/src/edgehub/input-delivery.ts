import type { Logger } from "@omdp/logger";
import type { Client } from "aedes";
import type { DurableQueue, MessageStore, QueueStats } from "./message-store";

/** Marks the packets this class publishes: `omdp-input:{generation}:{endpoint}`, counter = sequence number. */
const BROKER_PREFIX = "omdp-input:";
const ENDPOINT_PREFIX = "input:";

export interface InputDeliveryOptions {
  readonly store: MessageStore;
  /** Messages older than this are dropped undelivered (the manifest's `timeToLiveSecs`). */
  readonly ttlSecs: number;
  /** Messages kept per module input; past it the oldest are dropped (and counted). */
  readonly maxPerInput: number;
  /** Messages in flight (sent, not yet PUBACKed) per module input. */
  readonly window?: number;
  readonly log: Logger;
  readonly now?: () => number;
}

interface EndpointState {
  readonly queue: DurableQueue;
  readonly moduleKey: string;
  /** Highest sequence number sent on the current connection. */
  cursor: number;
  inflight: number;
}

/** A module connection that holds its input subscription. */
interface Link {
  readonly client: Client;
  readonly generation: number;
  /** Clean session or QoS 0 subscription: no PUBACK to wait for, a written message counts as delivered. */
  readonly atMostOnce: boolean;
}

interface PublishMarks {
  readonly brokerId?: string;
  readonly brokerCounter?: number;
}

/** The endpoint name of a module input: `input:{device}/{module}/{input}`. */
export function inputEndpoint(moduleKey: string, input: string): string {
  return `${ENDPOINT_PREFIX}${moduleKey}/${input}`;
}

function moduleOfEndpoint(endpoint: string): string | undefined {
  if (!endpoint.startsWith(ENDPOINT_PREFIX)) return undefined;
  const slash = endpoint.lastIndexOf("/");
  return slash > ENDPOINT_PREFIX.length ? endpoint.slice(ENDPOINT_PREFIX.length, slash) : undefined;
}

/**
 * Durable module inputs, as edgeHub keeps them: every routed message is stored (in the caller's
 * transaction, before the sender's PUBACK) in its input's queue, sent in order while the module is
 * connected and subscribed, and removed only when the module PUBACKs it. A connection that drops, a
 * module killed before acking, or a hub restart leaves the message stored; it is sent again, in order,
 * when the module is back (at least once). aedes's own in-memory retries of an earlier connection's
 * packets are vetoed (`forwardAllowed`): the store is the one source of redelivery.
 */
export class InputDelivery {
  private readonly endpoints = new Map<string, EndpointState>();
  private readonly byModule = new Map<string, EndpointState[]>();
  private readonly links = new Map<string, Link>();
  private readonly generations = new WeakMap<Client, number>();
  private readonly acked = new Map<string, number[]>();
  private readonly due = new Set<string>();
  private scheduled = false;
  private generation = 0;
  private closed = false;

  constructor(private readonly opts: InputDeliveryOptions) {
    for (const name of opts.store.storedEndpoints()) {
      const key = moduleOfEndpoint(name);
      if (key) this.state(name, key);
    }
  }

  private state(name: string, moduleKey: string): EndpointState {
    let s = this.endpoints.get(name);
    if (!s) {
      // Drop-oldest, unlike `$upstream` (which refuses when full): an input is a bounded buffer for a
      // module that is away (the count cap is large), and refusing here would stop the producer's other
      // routes for the sake of one absent module.
      const queue = this.opts.store.endpoint(name, {
        ttlSecs: this.opts.ttlSecs,
        maxCount: this.opts.maxPerInput,
        whenFull: "dropOldest",
      });
      s = { queue, moduleKey, cursor: 0, inflight: 0 };
      this.endpoints.set(name, s);
      this.byModule.set(moduleKey, [...(this.byModule.get(moduleKey) ?? []), s]);
    }
    return s;
  }

  /** Stores a message for a module input (synchronously: call it inside the routing transaction). */
  enqueue(moduleKey: string, input: string, topic: string, payload: Buffer): void {
    const s = this.state(inputEndpoint(moduleKey, input), moduleKey);
    const before = s.queue.stats().dropped;
    s.queue.enqueue(topic, payload, this.now());
    const dropped = s.queue.stats().dropped;
    if (dropped > before && (before === 0 || Math.floor(dropped / 1000) > Math.floor(before / 1000)))
      this.opts.log.warn("module input full; oldest messages dropped", { endpoint: s.queue.name, dropped });
    if (this.links.has(moduleKey)) this.schedule(moduleKey);
  }

  /** The module's connection holds its input subscription: (re)send everything stored, in order. */
  attach(moduleKey: string, client: Client, subscriptionQos: number): void {
    if (this.links.get(moduleKey)?.client === client) {
      this.schedule(moduleKey);
      return;
    }
    const generation = ++this.generation;
    this.generations.set(client, generation);
    this.links.set(moduleKey, { client, generation, atMostOnce: client.clean || subscriptionQos === 0 });
    this.flushAcks();
    for (const s of this.byModule.get(moduleKey) ?? []) {
      s.cursor = 0;
      s.inflight = 0;
      const expired = s.queue.expire(this.now());
      if (expired > 0)
        this.opts.log.warn("module input messages expired (TTL)", { endpoint: s.queue.name, expired });
    }
    this.schedule(moduleKey);
  }

  /** A connection is gone; what it had in flight stays stored for the next one. */
  detach(moduleKey: string, client: Client): void {
    if (this.links.get(moduleKey)?.client === client) this.links.delete(moduleKey);
  }

  /** aedes `ack` (a PUBACK from a module): the message is delivered and leaves the store. */
  onAck(client: Client, packet: PublishMarks | undefined): void {
    const marks = this.marks(packet);
    if (!marks) return;
    this.delivered(marks.endpoint, marks.seq, this.generations.get(client) === marks.generation);
  }

  /** aedes `authorizeForward`: packets of an earlier connection's generation are not re-sent by aedes. */
  forwardAllowed(client: Client, packet: PublishMarks): boolean {
    const marks = this.marks(packet);
    return !marks || this.generations.get(client) === marks.generation;
  }

  private marks(
    packet: PublishMarks | undefined,
  ): { generation: number; endpoint: string; seq: number } | undefined {
    const id = packet?.brokerId;
    if (typeof id !== "string" || !id.startsWith(BROKER_PREFIX) || typeof packet?.brokerCounter !== "number")
      return undefined;
    const rest = id.slice(BROKER_PREFIX.length);
    const colon = rest.indexOf(":");
    return {
      generation: Number(rest.slice(0, colon)),
      endpoint: rest.slice(colon + 1),
      seq: packet.brokerCounter,
    };
  }

  private delivered(endpoint: string, seq: number, current: boolean): void {
    const s = this.endpoints.get(endpoint);
    if (!s) return;
    const list = this.acked.get(endpoint) ?? [];
    list.push(seq);
    this.acked.set(endpoint, list);
    if (current) s.inflight = Math.max(0, s.inflight - 1);
    this.schedule(s.moduleKey);
  }

  private schedule(moduleKey: string): void {
    this.due.add(moduleKey);
    if (this.scheduled || this.closed) return;
    this.scheduled = true;
    setImmediate(() => this.tick());
  }

  /** Once per event-loop turn: remove what was acked (one transaction), then send what may be sent. */
  private tick(): void {
    this.scheduled = false;
    if (this.closed) return;
    this.flushAcks();
    const keys = [...this.due];
    this.due.clear();
    for (const key of keys) this.pump(key);
  }

  private flushAcks(): void {
    if (this.acked.size === 0) return;
    const batches = [...this.acked];
    this.acked.clear();
    this.opts.store.transaction(() => {
      for (const [endpoint, seqs] of batches) this.endpoints.get(endpoint)?.queue.remove(seqs);
    });
  }

  private pump(moduleKey: string): void {
    const link = this.links.get(moduleKey);
    if (!link) return;
    const window = this.opts.window ?? 500;
    for (const s of this.byModule.get(moduleKey) ?? []) {
      const free = window - s.inflight;
      if (free <= 0) continue;
      const brokerId = `${BROKER_PREFIX}${link.generation}:${s.queue.name}`;
      for (const row of s.queue.peek(free, s.cursor)) {
        s.cursor = row.seq;
        s.inflight += 1;
        const packet = {
          cmd: "publish" as const,
          topic: row.meta,
          payload: row.body ?? Buffer.alloc(0),
          qos: 1 as const,
          retain: false,
          dup: false,
          brokerId,
          brokerCounter: row.seq,
        };
        link.client.publish(packet, () => {
          if (link.atMostOnce) this.delivered(s.queue.name, row.seq, true);
        });
      }
    }
  }

  /** Drops messages past the TTL in every input; returns how many. */
  expire(): number {
    let n = 0;
    for (const s of this.endpoints.values()) n += s.queue.expire(this.now());
    return n;
  }

  stats(): Record<string, QueueStats> {
    return Object.fromEntries([...this.endpoints].map(([name, s]) => [name, s.queue.stats()]));
  }

  /** Stores the removals acked so far; sends nothing more. */
  close(): void {
    this.flushAcks();
    this.closed = true;
  }

  private now(): number {
    return this.opts.now?.() ?? Date.now();
  }
}
