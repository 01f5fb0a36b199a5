import { existsSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import { createServer as createTlsServer } from "node:tls";
import { fileURLToPath } from "node:url";
import { type JsonObject, mergePatch } from "@omdp/edge-module";
import { createLogger, type Logger } from "@omdp/logger";
import { startAdmin } from "./admin";
import { HubBroker, type HubCounters, type MethodOutcome } from "./broker";
import { ensureCertificate } from "./certs";
import { Forwarder, type ForwarderOptions, httpSink, type UpstreamSink } from "./forwarder";
import { connectionString, IdentityRegistry } from "./identities";
import { InputDelivery } from "./input-delivery";
import { type LocalHousehold, localDesired } from "./local-profile";
import { loadManifest, type Manifest } from "./manifest";
import { type QueueStats as EndpointStats, MessageStore } from "./message-store";
import { edgeMetrics } from "./metrics";
import { Router } from "./routes";
import { type ChildStatus, Supervisor } from "./supervisor";
import { identityKey } from "./topics";
import { TwinStore } from "./twins";
import { type QueueStats, UpstreamQueue } from "./upstream-queue";

/**
 * The local platform keeps sharing's short upstream period (each interval at once) whatever the
 * production manifest sets (deployment.template.json: 7200 s, for the cost target): local tests and
 * `omdp start` expect the cloud history without the 2 h delay. `desiredOverrides` may still set it.
 */
const LOCAL_SHARING: JsonObject = { cloud: { batchSeconds: 0 } };

/** The repository root (modules live under `<root>/modules/<name>`). */
export const REPO_ROOT = resolve(fileURLToPath(new URL(".", import.meta.url)), "../../..");

function envPort(name: string, fallback: number): number {
  const n = Number(process.env[name]);
  return process.env[name] && Number.isInteger(n) && n >= 0 ? n : fallback;
}

export interface EdgeHubOptions {
  /** Deployment manifest file (default `<repo>/deployment.template.json`) or an already parsed one. */
  readonly manifestFile?: string;
  readonly manifest?: Manifest;
  /** The edge device id (default `edge-local`). */
  readonly deviceId?: string;
  /** The IoT Hub host name tokens are issued for (default `omdp-local.azure-devices.net`). */
  readonly hubHostName?: string;
  /**
   * Runtime state root (default `$OMDP_DATA_DIR` or `<repo>/.data`): the hub keeps CA, keys and the
   * upstream queue in `<dataDir>/edge/`; modules get `OMDP_DATA_DIR=<dataDir>`.
   */
  readonly dataDir?: string;
  /** MQTT over TLS port (default `OMDP_EDGE_MQTT_PORT` or 8883; 0 = ephemeral). */
  readonly mqttPort?: number;
  /** Admin HTTP port (default `OMDP_EDGE_ADMIN_PORT` or 8884; 0 = ephemeral; null = no admin server). */
  readonly adminPort?: number | null;
  /**
   * `$upstream`: a URL (HTTP POST of Event Hub-style batches), a function, or null to drop. Default:
   * `http://127.0.0.1:$OMDP_CLOUD_PORT/runtime/ingest` (7071).
   */
  readonly upstream?: string | UpstreamSink | null;
  /** Same as `upstream` as a URL; present but undefined means no cloud (detached). */
  readonly upstreamUrl?: string;
  /** The sharing module's local API port (local profile: loopback). */
  readonly apiPort?: number;
  /** Households and meters of `omdp.config.json`, turned into desired properties (local profile). */
  readonly households?: readonly LocalHousehold[];
  /** TTL of stored upstream messages (default: the manifest's `timeToLiveSecs`). */
  readonly ttlSecs?: number;
  /** Bound on the store-and-forward file (default 256 MiB). */
  readonly upstreamMaxBytes?: number;
  /** TTL of stored module-input messages (default: the manifest's `timeToLiveSecs`). */
  readonly inputTtlSecs?: number;
  /** Messages kept per module input while undelivered (default 10,000; oldest dropped past it). */
  readonly inputMaxMessages?: number;
  readonly forwarder?: ForwarderOptions;
  /** Modules to run as child processes: true = every running module of the manifest (default true). */
  readonly runModules?: boolean | readonly string[];
  /** Command for a module (default `node --import tsx modules/<name>/src/main.ts` in the repo root). */
  readonly moduleCommand?: (name: string) => { command: string; args: string[] };
  /** `host:port` of an M-Bus/TCP endpoint (the meter simulator): the reader's transport (`OMDP_READER_TCP`). */
  readonly simulatorTcp?: string;
  /** Extra environment for every module process. */
  readonly moduleEnv?: Readonly<Record<string, string>>;
  /** Local adjustments merged over the manifest's desired properties (e.g. loopback-only API). */
  readonly desiredOverrides?: Readonly<Record<string, JsonObject>>;
  readonly logger?: Logger;
  /** A connection that has not completed its CONNECT within this is closed (default 10 s). */
  readonly connectTimeoutMs?: number;
  /** Clock for token expiry checks (tests). */
  readonly now?: () => number;
  /**
   * How often the platform supervisor restarted this hub before this run (`omdp start` passes
   * OMDP_COMPONENT_RESTARTS); shown as omdp_edge_hub_restarts_total on `/metrics`.
   */
  readonly hubRestarts?: number;
}

export interface EdgeHub {
  readonly mqttPort: number;
  readonly adminPort: number | undefined;
  /** PEM of the CA modules must trust. */
  readonly ca: string;
  readonly caFile: string;
  readonly deviceId: string;
  readonly manifest: Manifest;
  /** Direct method on a module (by name) or a leaf device (by id). */
  invoke(target: string, method: string, payload: unknown, timeoutMs?: number): Promise<MethodOutcome>;
  /** Patches desired properties (pushed to the connected module); returns the new `$version`. */
  patchDesired(target: string, patch: JsonObject): number;
  /** The twin `{ desired, reported }` of a module or leaf device. */
  twin(target: string): { desired: JsonObject; reported: JsonObject };
  /** Connection string (with `GatewayHostName`) of a module, or of a leaf device (created on demand). */
  connectionStringFor(moduleOrDevice: string): string;
  upstreamStats(): QueueStats | undefined;
  /** Per module input (`input:{device}/{module}/{input}`): queued, delivered, expired, dropped. */
  inputStats(): Record<string, EndpointStats>;
  modules(): ChildStatus[];
  connected(): string[];
  /** Closes a module's or leaf device's connection from the hub side (tests: a network drop). */
  dropConnection(target: string): boolean;
  /** Message and connection counters of the broker. */
  counters(): HubCounters;
  stop(): Promise<void>;
  /** Same as `stop`. */
  close(): Promise<void>;
}

/** Starts the local edge hub: MQTT/TLS broker speaking IoT Hub's scheme, routes, twins, methods, `$upstream`. */
export async function startEdgeHub(opts: EdgeHubOptions = {}): Promise<EdgeHub> {
  const log = opts.logger ?? createLogger("edgehub");
  const manifest =
    opts.manifest ?? loadManifest(opts.manifestFile ?? join(REPO_ROOT, "deployment.template.json"));
  const deviceId = opts.deviceId ?? "edge-local";
  const hubHost = opts.hubHostName ?? "omdp-local.azure-devices.net";
  const rootDataDir = resolve(opts.dataDir ?? (process.env.OMDP_DATA_DIR || join(REPO_ROOT, ".data")));
  const dataDir = join(rootDataDir, "edge");
  const moduleNames = new Set(manifest.modules.map((m) => m.name));

  const cert = await ensureCertificate(dataDir);
  const identities = new IdentityRegistry(join(dataDir, "identities.json"));
  const twins = new TwinStore();
  const sinkOpt =
    "upstreamUrl" in opts
      ? (opts.upstreamUrl ?? null)
      : opts.upstream === undefined
        ? `http://127.0.0.1:${envPort("OMDP_CLOUD_PORT", 7071)}/runtime/ingest`
        : opts.upstream;
  const local =
    opts.apiPort !== undefined || opts.households !== undefined || "upstreamUrl" in opts
      ? localDesired({
          ...(opts.apiPort !== undefined ? { apiPort: opts.apiPort } : {}),
          ...(opts.households ? { households: opts.households } : {}),
          cloud: sinkOpt !== null,
        })
      : {};
  for (const m of manifest.modules) {
    identities.ensure({ deviceId, moduleId: m.name });
    const platform = m.name === "sharing" ? LOCAL_SHARING : {};
    const withLocal = mergePatch(mergePatch(m.desired as JsonObject, platform), local[m.name] ?? {});
    const desired = mergePatch(withLocal, opts.desiredOverrides?.[m.name] ?? {});
    twins.seed(identityKey({ deviceId, moduleId: m.name }), desired);
  }
  const router = Router.fromManifest(manifest.routes);

  // One durable store for every endpoint: `$upstream` and each module input.
  const store = new MessageStore(join(dataDir, "upstream.db"));
  const inputs = new InputDelivery({
    store,
    ttlSecs: opts.inputTtlSecs ?? manifest.timeToLiveSecs,
    maxPerInput: opts.inputMaxMessages ?? 10_000,
    log: log.child("inputs"),
    ...(opts.now ? { now: opts.now } : {}),
  });
  const expiry = setInterval(() => {
    const n = inputs.expire();
    if (n > 0) log.warn("module input messages expired (TTL)", { expired: n });
  }, 60_000);
  expiry.unref();
  let queue: UpstreamQueue | undefined;
  let forwarder: Forwarder | undefined;
  if (sinkOpt !== null) {
    queue = new UpstreamQueue({
      store,
      ttlSecs: opts.ttlSecs ?? manifest.timeToLiveSecs,
      maxBytes: opts.upstreamMaxBytes ?? 256 * 1024 * 1024,
    });
    const sink = typeof sinkOpt === "string" ? httpSink(sinkOpt) : sinkOpt;
    forwarder = new Forwarder(queue, sink, log.child("upstream"), opts.forwarder);
  }

  const broker = await HubBroker.create({
    hubHost,
    identities,
    twins,
    router,
    inputs,
    store,
    log: log.child("broker"),
    ...(queue ? { queue } : {}),
    ...(forwarder ? { forwarder } : {}),
    ...(opts.now ? { now: opts.now } : {}),
    ...(opts.connectTimeoutMs !== undefined ? { connectTimeoutMs: opts.connectTimeoutMs } : {}),
  });
  broker.edgeDevice = deviceId;

  const tls = createTlsServer({ key: cert.key, cert: cert.cert }, (socket) => {
    // Small MQTT packets: without this, Nagle + delayed ACK add ~40 ms to some deliveries.
    socket.setNoDelay(true);
    broker.aedes.handle(socket);
  });
  await new Promise<void>((res, rej) => {
    tls.once("error", rej);
    tls.listen(opts.mqttPort ?? envPort("OMDP_EDGE_MQTT_PORT", 8883), "127.0.0.1", () => res());
  });
  const mqttPort = (tls.address() as AddressInfo).port;
  const gateway = `127.0.0.1:${mqttPort}`;
  forwarder?.start();

  const keyOf = (target: string): string =>
    moduleNames.has(target) ? identityKey({ deviceId, moduleId: target }) : identityKey({ deviceId: target });

  /** A module of the manifest or a registered leaf device (the admin API answers 404 for anything else). */
  const knows = (target: string): boolean =>
    moduleNames.has(target) || identities.find({ deviceId: target }) !== undefined;

  const connectionStringFor = (target: string): string => {
    const id = moduleNames.has(target) ? { deviceId, moduleId: target } : { deviceId: target };
    return connectionString(hubHost, gateway, identities.ensure(id));
  };

  const supervisor = new Supervisor(log.child("supervisor"));
  const metrics = edgeMetrics({
    counters: () => broker.counters,
    upstreamStats: () => queue?.stats(),
    upstreamOldestMs: () => {
      const t = queue?.peek(1)[0]?.message.systemProperties["iothub-enqueuedtime"];
      return typeof t === "string" ? Date.parse(t) : undefined;
    },
    inputStats: () => inputs.stats(),
    modules: () => supervisor.status(),
    connected: () => broker.connectedClients(),
    reported: (m) => (moduleNames.has(m) ? twins.document(keyOf(m)).reported : undefined),
    readerModules: manifest.modules.map((m) => m.name),
    ...(opts.hubRestarts !== undefined ? { hubRestarts: opts.hubRestarts } : {}),
    ...(opts.now ? { now: opts.now } : {}),
  });
  const admin =
    opts.adminPort === null
      ? undefined
      : await startAdmin(
          {
            invoke: (t, m, p, ms) => broker.invoke(keyOf(t), m, p, ms),
            patchDesired: (t, p) => (knows(t) ? broker.patchDesired(keyOf(t), p) : undefined),
            twin: (t) => (knows(t) ? twins.document(keyOf(t)) : undefined),
            health: () => ({
              ok: true,
              deviceId,
              mqttPort,
              connected: broker.connectedClients(),
              modules: supervisor.status(),
              counters: broker.counters,
              upstream: queue?.stats() ?? null,
              inputs: inputs.stats(),
            }),
            credentials: (t) => ({ connectionString: connectionStringFor(t), caFile: cert.caFile }),
            upstream: () => ({ ...(queue?.stats() ?? {}), lastError: forwarder?.lastError ?? null }),
            metrics: async () => ({ contentType: metrics.contentType, body: await metrics.render() }),
          },
          opts.adminPort ?? envPort("OMDP_EDGE_ADMIN_PORT", 8884),
          log.child("admin"),
        );

  const toRun =
    (opts.runModules ?? true) === true
      ? manifest.modules.filter((m) => m.status !== "stopped").map((m) => m.name)
      : Array.isArray(opts.runModules)
        ? [...opts.runModules]
        : [];
  for (const name of toRun) {
    const m = manifest.modules.find((x) => x.name === name);
    if (!m) throw new Error(`module '${name}' is not in the manifest`);
    const main = join("modules", name, "src", "main.ts");
    if (!opts.moduleCommand && !existsSync(join(REPO_ROOT, main))) {
      log.error("module has no entry point; not started", { module: name, missing: main });
      continue;
    }
    const cmd = opts.moduleCommand?.(name) ?? { command: process.execPath, args: ["--import", "tsx", main] };
    supervisor.start({
      name,
      command: cmd.command,
      args: cmd.args,
      cwd: REPO_ROOT,
      restartPolicy: m.restartPolicy,
      env: {
        // Manifest env is the default; a developer's own environment wins locally.
        ...m.env,
        ...(process.env as Record<string, string>),
        ...(opts.simulatorTcp ? { OMDP_READER_TCP: opts.simulatorTcp } : {}),
        ...opts.moduleEnv,
        OMDP_DATA_DIR: rootDataDir,
        IOTEDGE_DEVICEID: deviceId,
        IOTEDGE_MODULEID: name,
        IOTEDGE_IOTHUBHOSTNAME: hubHost,
        IOTEDGE_GATEWAYHOSTNAME: gateway,
        EdgeHubConnectionString: connectionStringFor(name),
        EdgeModuleCACertificateFile: cert.caFile,
      },
    });
  }
  log.info("edge hub started", { deviceId, mqttPort, adminPort: admin?.port, modules: toRun });

  let stopped = false;
  const hub: EdgeHub = {
    mqttPort,
    adminPort: admin?.port,
    ca: cert.cert,
    caFile: cert.caFile,
    deviceId,
    manifest,
    invoke: (t, m, p, ms) => broker.invoke(keyOf(t), m, p, ms),
    patchDesired: (t, p) => broker.patchDesired(keyOf(t), p),
    twin: (t) => twins.document(keyOf(t)),
    connectionStringFor,
    upstreamStats: () => queue?.stats(),
    inputStats: () => inputs.stats(),
    modules: () => supervisor.status(),
    connected: () => broker.connectedClients(),
    dropConnection: (t) => broker.drop(keyOf(t)),
    counters: () => ({
      ...broker.counters,
      refusedByReason: { ...broker.counters.refusedByReason },
      byRoute: { ...broker.counters.byRoute },
    }),
    close: () => hub.stop(),
    async stop() {
      if (stopped) return;
      stopped = true;
      await supervisor.stop();
      await forwarder?.stop();
      if (admin) {
        admin.server.closeAllConnections();
        await new Promise<void>((r) => admin.server.close(() => r()));
      }
      clearInterval(expiry);
      await broker.close();
      inputs.close();
      await new Promise<void>((r) => tls.close(() => r()));
      queue?.close();
      store.close();
      log.info("edge hub stopped");
    },
  };
  return hub;
}
