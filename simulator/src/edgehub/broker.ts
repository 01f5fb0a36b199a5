import type { JsonObject } from "@omdp/edge-module";
import type { Logger } from "@omdp/logger";
import { Aedes, type AuthenticateError, type Client } from "aedes";
import { authError, connectRefusal, identityOfClientId } from "./connect-check";
import type { Forwarder } from "./forwarder";
import type { IdentityRegistry } from "./identities";
import type { InputDelivery } from "./input-delivery";
import { bodyForCloud, connectionProperties, parseJson } from "./message-properties";
import { type MessageStore, QueueFullError } from "./message-store";
import type { RoutedMessage, Router, Sink } from "./routes";
import {
  allowedSubscription,
  desiredPatchTopic,
  type Identity,
  identityKey,
  inputTopic,
  methodRequestTopic,
  parseClientTopic,
  type TelemetryTopic,
  twinResponseTopic,
} from "./topics";
import type { TwinStore } from "./twins";
import type { UpstreamQueue } from "./upstream-queue";

export interface BrokerDeps {
  readonly hubHost: string;
  readonly identities: IdentityRegistry;
  readonly twins: TwinStore;
  readonly router: Router;
  readonly queue?: UpstreamQueue;
  readonly forwarder?: Forwarder;
  /** Durable module inputs, in `store`: one transaction per routed message covers every sink. */
  readonly inputs: InputDelivery;
  readonly store: MessageStore;
  readonly log: Logger;
  /** A connection that has not completed CONNECT within this is closed (default 10 s). */
  readonly connectTimeoutMs?: number;
  /** How long a connection that subscribes nothing waits before its restored input subscription is served (2 s). */
  readonly restoredInputGraceMs?: number;
  readonly now?: () => number;
}

export interface MethodOutcome {
  readonly status: number;
  readonly payload: unknown;
}

interface Session {
  readonly client: Client;
  readonly id: Identity;
}

/**
 * Does the client hold this subscription? Read from aedes's own per-client table, which also holds
 * subscriptions restored from a persistent session (the SDK connects with clean=false and does not
 * subscribe again when the session is present; aedes emits no `subscribe` event for those).
 */
function subscribed(client: Client, filter: string): boolean {
  const subs = (client as Client & { subscriptions?: Record<string, unknown> }).subscriptions;
  return subs !== undefined && Object.hasOwn(subs, filter);
}

const METHODS_FILTER = "$iothub/methods/POST/#";
const FULL_LOG_EVERY_MS = 10_000;
const DESIRED_FILTER = "$iothub/twin/PATCH/properties/desired/#";

export interface HubCounters {
  received: number;
  /** Of `received`: readings (a module's `readings` output, or a leaf's messages with kind=reading). */
  readings: number;
  /** Messages each route of the manifest matched, by route name. */
  byRoute: Record<string, number>;
  routedToInputs: number;
  routedUpstream: number;
  unrouted: number;
  refusedConnections: number;
  /** Refused CONNECTs by reason (`unknown identity`, `sas malformed`, `sas signature`, ...). */
  refusedByReason: Record<string, number>;
  connections: number;
}

/**
 * The IoT Hub side of the local edge hub, on aedes: SAS authentication, per-identity topic rules,
 * routing of telemetry, module twins, direct methods. Hub-to-client traffic goes straight to the one
 * connection it is for (`client.publish`), never through shared subscriptions.
 */
export class HubBroker {
  readonly aedes: Aedes;
  readonly counters: HubCounters = {
    received: 0,
    readings: 0,
    byRoute: {},
    routedToInputs: 0,
    routedUpstream: 0,
    unrouted: 0,
    refusedConnections: 0,
    refusedByReason: {},
    connections: 0,
  };
  private readonly sessions = new Map<string, Session>();
  /** Rate limit of the "queue full" warning: one per `FULL_LOG_EVERY_MS`, with the count between. */
  private fullLog = { lastMs: 0, since: 0 };
  /** Connections that sent a SUBSCRIBE of their own (a fresh client instance, not a reconnect). */
  private readonly subscribedHere = new WeakSet<Client>();
  private readonly restoredInputs = new Map<Client, NodeJS.Timeout>();
  private readonly methodCalls = new Map<string, { key: string; resolve: (o: MethodOutcome) => void }>();
  private rid = 0;

  private constructor(
    private readonly deps: BrokerDeps,
    aedes: Aedes,
  ) {
    this.aedes = aedes;
  }

  static async create(deps: BrokerDeps): Promise<HubBroker> {
    let self: HubBroker | undefined;
    const aedes = await Aedes.createBroker({
      connectTimeout: deps.connectTimeoutMs ?? 10_000,
      authenticate: (client, username, password, done) =>
        self!.authenticate(client, username, password, done),
      authorizePublish: (client, packet, cb) => {
        if (!client) return cb(null);
        self!.onPublish(client, packet.topic, packet.payload as Buffer, cb);
      },
      authorizeForward: (client, packet) =>
        self!.deps.inputs.forwardAllowed(client, packet) ? packet : null,
      authorizeSubscribe: (client, sub, cb) => {
        const s = self!.sessions.get(client.id);
        const id = s?.id ?? identityOfClientId(client.id);
        if (!allowedSubscription(id, sub.topic)) {
          deps.log.warn("subscription refused", { clientId: client.id, topic: sub.topic });
          return cb(null, null);
        }
        cb(null, sub);
      },
    });
    self = new HubBroker(deps, aedes);
    aedes.on("clientReady", (client) => self!.onReady(client));
    aedes.on("clientDisconnect", (client) => self!.onGone(client));
    aedes.on("ack", (packet, client) => deps.inputs.onAck(client, packet as { brokerId?: string }));
    aedes.on("subscribe", (subs, client) =>
      self!.onSubscribe(
        client,
        subs.map((s) => s.topic),
      ),
    );
    return self;
  }

  /**
   * aedes's authenticate hook. It never throws: whatever goes wrong while checking a CONNECT (bad
   * encoding, a field of an unexpected type, a bug) is a refusal (CONNACK 5), counted by reason and
   * logged without the password.
   */
  private authenticate(
    client: Client,
    username: string | undefined,
    password: Buffer | undefined,
    done: (error: AuthenticateError | null, success: boolean | null) => void,
  ): void {
    let reason: string | undefined;
    try {
      reason = connectRefusal(this.deps, String(client.id ?? ""), username, password);
    } catch (err) {
      reason = "internal";
      this.deps.log.error("connect check failed; refused", { clientId: client.id, error: err });
    }
    if (reason) {
      this.counters.refusedConnections += 1;
      this.counters.refusedByReason[reason] = (this.counters.refusedByReason[reason] ?? 0) + 1;
      this.deps.log.warn("connection refused", { clientId: client.id, reason });
      done(authError(reason), false);
      return;
    }
    done(null, true);
  }

  private onReady(client: Client): void {
    this.sessions.set(client.id, { client, id: identityOfClientId(client.id) });
    this.counters.connections += 1;
    this.deps.log.info("client connected", { clientId: client.id });
    this.awaitInputSubscription(client);
  }

  /**
   * A restored session may hold the input subscription of an earlier process of the module, whose
   * handlers are not registered yet: the SDK would PUBACK and drop what arrives before (the module
   * subscribes when it registers its first input handler). So inputs start on an explicit SUBSCRIBE
   * on this connection. Only a connection that subscribes nothing at all (a reconnect of the same
   * client instance that kept its subscriptions) gets its restored input subscription served, after
   * `restoredInputGraceMs`.
   */
  private awaitInputSubscription(client: Client): void {
    const filter = this.inputFilter(client.id);
    if (!filter || !subscribed(client, filter)) return;
    const timer = setTimeout(() => {
      this.restoredInputs.delete(client);
      if (!this.subscribedHere.has(client) && this.sessions.get(client.id)?.client === client)
        this.attachInputs(client);
    }, this.deps.restoredInputGraceMs ?? 2_000);
    timer.unref();
    this.restoredInputs.set(client, timer);
  }

  /** Starts (durable) input delivery if the client holds its input subscription. */
  private attachInputs(client: Client): void {
    const filter = this.inputFilter(client.id);
    if (!filter || !subscribed(client, filter)) return;
    const subs = (client as Client & { subscriptions: Record<string, { qos?: number }> }).subscriptions;
    this.deps.inputs.attach(client.id, client, subs[filter]?.qos ?? 0);
  }

  /** The input subscription of a module's client id (`devices/{d}/modules/{m}/inputs/#`). */
  private inputFilter(key: string): string | undefined {
    const id = identityOfClientId(key);
    return id.moduleId ? `devices/${id.deviceId}/modules/${id.moduleId}/inputs/#` : undefined;
  }

  /** Closes a client's connection from the hub side (tests: a network drop). */
  drop(key: string): boolean {
    const s = this.sessions.get(key);
    if (!s) return false;
    s.client.conn.destroy();
    return true;
  }

  private onGone(client: Client): void {
    const s = this.sessions.get(client.id);
    if (s?.client === client) this.sessions.delete(client.id);
    clearTimeout(this.restoredInputs.get(client));
    this.restoredInputs.delete(client);
    this.deps.inputs.detach(client.id, client);
    for (const [rid, call] of this.methodCalls)
      if (call.key === client.id) {
        this.methodCalls.delete(rid);
        call.resolve({
          status: 404,
          payload: { error: { code: "device.disconnected", message: "disconnected" } },
        });
      }
    this.deps.log.info("client disconnected", { clientId: client.id });
  }

  private onSubscribe(client: Client, topics: string[]): void {
    this.subscribedHere.add(client);
    if (topics.some((t) => t.endsWith("/inputs/#"))) this.attachInputs(client);
  }

  isConnected(key: string): boolean {
    return this.sessions.has(key);
  }

  connectedClients(): string[] {
    return [...this.sessions.keys()];
  }

  /**
   * aedes's authorizePublish hook. It never throws: a message that could not be stored (a full disk, a
   * bug) gets no PUBACK and its connection is closed, so the sender keeps it and sends it again.
   */
  private onPublish(client: Client, topic: string, payload: Buffer, cb: (err?: Error | null) => void): void {
    let outcome: Error | null;
    try {
      outcome = this.handlePublish(client, topic, payload);
    } catch (err) {
      if (err instanceof QueueFullError) {
        this.refusedFull(client, err);
        cb(err);
        return;
      }
      this.deps.log.error("publish not stored; connection closed without PUBACK", {
        clientId: client.id,
        error: err,
      });
      outcome = new Error("message not stored");
    }
    cb(outcome);
  }

  /** A full `$upstream`: the message is refused like one that cannot be stored; logged at most every 10 s. */
  private refusedFull(client: Client, err: QueueFullError): void {
    const now = Date.now();
    this.fullLog.since += 1;
    if (now - this.fullLog.lastMs < FULL_LOG_EVERY_MS) return;
    this.deps.log.warn(
      "queue full; publish refused without PUBACK, connection closed (the sender keeps it)",
      {
        clientId: client.id,
        endpoint: err.endpoint,
        refusedSinceLastLog: this.fullLog.since,
        ...err.evidence,
      },
    );
    this.fullLog = { lastMs: now, since: 0 };
  }

  /** Handles what a client published; an error (returned) disconnects it, as IoT Hub does. */
  private handlePublish(client: Client, topic: string, payload: Buffer): Error | null {
    const session = this.sessions.get(client.id);
    const id = session?.id ?? identityOfClientId(client.id);
    const t = parseClientTopic(topic);
    if (!t) {
      this.deps.log.warn("publish to an unknown topic refused", { clientId: client.id, topic });
      return new Error(`topic not allowed: ${topic}`);
    }
    switch (t.kind) {
      case "telemetry":
        if (t.deviceId !== id.deviceId || (t.moduleId ?? "") !== (id.moduleId ?? ""))
          return new Error("telemetry topic names another identity");
        this.route(t, id, payload);
        return null;
      case "twin":
        this.onTwin(client, t.verb, t.rid, payload);
        return null;
      case "methodResponse": {
        const call = this.methodCalls.get(t.rid);
        if (call?.key === client.id) {
          this.methodCalls.delete(t.rid);
          call.resolve({ status: t.status, payload: parseJson(payload) });
        }
        return null;
      }
    }
  }

  /** `sender` is the authenticated identity of the connection (checked to equal the topic's). */
  private route(t: TelemetryTopic, sender: Identity, body: Buffer): void {
    this.counters.received += 1;
    if (t.output === "readings" || t.properties.kind === "reading") this.counters.readings += 1;
    const msg: RoutedMessage = {
      from: {
        deviceId: sender.deviceId,
        ...(sender.moduleId ? { moduleId: sender.moduleId } : {}),
        ...(t.output !== undefined ? { output: t.output } : {}),
      },
      properties: t.properties,
      ...(t.system["$.ct"] ? { contentType: t.system["$.ct"] } : {}),
      ...(t.system["$.ce"] ? { contentEncoding: t.system["$.ce"] } : {}),
      body,
    };
    const sinks = this.deps.router.sinksFor(msg);
    if (sinks.length === 0) {
      this.counters.unrouted += 1;
      return;
    }
    // One transaction for every sink: stored for all of them before the sender's PUBACK, or for none.
    this.deps.store.transaction(() => this.toSinks(sinks, t, sender, msg, body));
    for (const s of sinks)
      for (const r of s.routes) this.counters.byRoute[r] = (this.counters.byRoute[r] ?? 0) + 1;
    this.deps.forwarder?.notify();
  }

  private toSinks(
    sinks: readonly { sink: Sink }[],
    t: TelemetryTopic,
    sender: Identity,
    msg: RoutedMessage,
    body: Buffer,
  ): void {
    // `$upstream` first: a full queue refuses (throws) before any input's in-memory totals moved
    const ordered = [...sinks].sort(
      (a, b) => Number(a.sink.kind === "input") - Number(b.sink.kind === "input"),
    );
    for (const { sink } of ordered) {
      if (sink.kind === "input") {
        const bag = { ...t.properties, ...connectionProperties(t.system, sender) };
        const target: Identity = { deviceId: this.edgeDeviceOf(t), moduleId: sink.moduleId };
        this.deps.inputs.enqueue(identityKey(target), sink.input, inputTopic(target, sink.input, bag), body);
        this.counters.routedToInputs += 1;
      } else if (this.deps.queue) {
        this.deps.queue.enqueue({
          body: bodyForCloud(body, msg.contentType, msg.contentEncoding),
          properties: { ...t.properties },
          systemProperties: {
            "iothub-connection-device-id": sender.deviceId,
            ...(sender.moduleId ? { "iothub-connection-module-id": sender.moduleId } : {}),
            "iothub-enqueuedtime": new Date(this.deps.now?.() ?? Date.now()).toISOString(),
            "iothub-message-source": "Telemetry",
            ...(t.system["$.mid"] ? { "message-id": t.system["$.mid"] } : {}),
            ...(msg.contentType ? { "content-type": msg.contentType } : {}),
            ...(msg.contentEncoding ? { "content-encoding": msg.contentEncoding } : {}),
          },
        });
        this.counters.routedUpstream += 1;
      }
    }
  }

  /** Modules live on the edge device; a leaf device's messages go to the edge device's modules. */
  edgeDevice = "";
  private edgeDeviceOf(t: TelemetryTopic): string {
    return this.edgeDevice || t.deviceId;
  }

  private onTwin(client: Client, verb: "GET" | "PATCH", rid: string, payload: Buffer): void {
    const twins = this.deps.twins;
    if (verb === "GET") {
      const doc = twins.document(client.id);
      this.sendTo(client, twinResponseTopic(200, rid), JSON.stringify(doc));
      return;
    }
    const patch = parseJson(payload);
    if (!patch || typeof patch !== "object" || Array.isArray(patch)) {
      this.sendTo(
        client,
        twinResponseTopic(400, rid),
        JSON.stringify({ errorCode: 400001, message: "bad patch" }),
      );
      return;
    }
    const version = twins.patchReported(client.id, patch as JsonObject);
    this.sendTo(client, twinResponseTopic(204, rid, version), "");
  }

  private sendTo(client: Client, topic: string, payload: string): void {
    client.publish(
      { cmd: "publish", topic, payload: Buffer.from(payload), qos: 0, retain: false, dup: false },
      noop,
    );
  }

  /** Patches a twin's desired properties and pushes the patch to the connected client. */
  patchDesired(key: string, patch: JsonObject): number {
    const version = this.deps.twins.patchDesired(key, patch);
    const s = this.sessions.get(key);
    if (s && subscribed(s.client, DESIRED_FILTER))
      this.sendTo(s.client, desiredPatchTopic(version), JSON.stringify({ ...patch, $version: version }));
    return version;
  }

  /** Invokes a direct method on a connected module or device (IoT Hub semantics: 404 if offline, 504 on timeout). */
  invoke(key: string, method: string, payload: unknown, timeoutMs = 30_000): Promise<MethodOutcome> {
    const s = this.sessions.get(key);
    if (!s || !subscribed(s.client, METHODS_FILTER))
      return Promise.resolve({
        status: 404,
        payload: { error: { code: "device.notOnline", message: `'${key}' is not connected for methods` } },
      });
    const rid = (++this.rid).toString(16);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.methodCalls.delete(rid);
        resolve({
          status: 504,
          payload: { error: { code: "method.timeout", message: `no answer in ${timeoutMs} ms` } },
        });
      }, timeoutMs);
      this.methodCalls.set(rid, {
        key,
        resolve: (o) => {
          clearTimeout(timer);
          resolve(o);
        },
      });
      this.sendTo(s.client, methodRequestTopic(method, rid), JSON.stringify(payload ?? null));
    });
  }

  async close(): Promise<void> {
    for (const timer of this.restoredInputs.values()) clearTimeout(timer);
    this.restoredInputs.clear();
    for (const [rid, call] of this.methodCalls) {
      this.methodCalls.delete(rid);
      call.resolve({ status: 503, payload: { error: { code: "hub.stopping", message: "hub stopping" } } });
    }
    await new Promise<void>((resolve) => this.aedes.close(() => resolve()));
  }
}

function noop(): void {}
