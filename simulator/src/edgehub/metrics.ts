/**
 * Prometheus metrics of the local edge hub, served as `GET /metrics` on the admin port (prom-client
 * writes the text exposition format). Every value is read from the hub when scraped (no second book):
 * the broker's counters, the durable queues' figures, the module supervisor's restart counts, the
 * reader module's reported twin counters, and the platform supervisor's restarts of the hub itself.
 *
 *   omdp_edge_messages_received_total                  device-to-cloud messages the hub accepted
 *   omdp_edge_readings_received_total                  of them readings (a reader's `readings` output, or kind=reading)
 *   omdp_edge_route_messages_total{route}              messages each manifest route matched
 *   omdp_edge_messages_unrouted_total                  messages no route matched
 *   omdp_edge_queue_messages{endpoint}                 messages waiting in `$upstream` and in each module input store
 *   omdp_edge_queue_bytes{endpoint}                    their bytes
 *   omdp_edge_queue_dropped_total{endpoint}            dropped at a bound, and _expired_total by TTL
 *   omdp_edge_upstream_lag_seconds                     age of the oldest message queued for the cloud (0: empty)
 *   omdp_edge_upstream_refused_total                   messages refused because `$upstream` was at its quota
 *   omdp_edge_reader_decode_errors_total{module,code}  the reader's reported errors by code (checksum, length,
 *                                                      decrypt, decode, and each codec/record code it reports)
 *   omdp_edge_reader_frames_total{module}              frames the reader read correctly
 *   omdp_edge_module_restarts_total{module}            restarts of each module by the hub's supervisor
 *   omdp_edge_module_up{module}                        1 while the module's process runs
 *   omdp_edge_hub_restarts_total                       restarts of the hub by the platform supervisor (`omdp start`)
 *   omdp_edge_connections{state="connected"}           MQTT connections; refused ones by reason in _refused_total
 */
import { Counter, Gauge, Registry } from "prom-client";
import type { QueueStats } from "./message-store";
import type { ChildStatus } from "./supervisor";

/** The hub's figures the metrics read at each scrape. */
export interface EdgeMetricsSource {
  counters(): {
    received: number;
    readings: number;
    unrouted: number;
    byRoute: Readonly<Record<string, number>>;
    refusedByReason: Readonly<Record<string, number>>;
  };
  upstreamStats(): QueueStats | undefined;
  /** Enqueue time (ms) of the oldest message in `$upstream`, undefined when it is empty. */
  upstreamOldestMs(): number | undefined;
  inputStats(): Readonly<Record<string, QueueStats>>;
  modules(): readonly ChildStatus[];
  connected(): readonly string[];
  /** A module's reported twin properties (undefined for an unknown module). */
  reported(module: string): unknown;
  /** The modules whose reported `reader.counters` are read (default: every module in `modules()`). */
  readerModules?: readonly string[];
  /** How often the platform supervisor restarted this hub before this run (OMDP_COMPONENT_RESTARTS). */
  hubRestarts?: number;
  now?: () => number;
}

/** The reader's reported counters that count a refused telegram, by the code the metric carries. */
const READER_ERROR_COUNTERS: Readonly<Record<string, string>> = {
  checksumErrors: "checksum",
  lengthErrors: "length",
  decryptFailures: "decrypt",
  decodeErrors: "decode",
};

function obj(v: unknown): Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function num(v: unknown): number | undefined {
  return typeof v === "number" && Number.isFinite(v) && v >= 0 ? v : undefined;
}

/**
 * A counter whose value is read from elsewhere at scrape time: prom-client keeps no running total of
 * its own, `collect` sets each labelled value (a counter's value only goes up as long as the source's does;
 * a restarted process starts again from 0, which Prometheus treats as a counter reset).
 */
function readCounter<L extends string>(
  registry: Registry,
  name: string,
  help: string,
  labelNames: readonly L[],
  read: () => Iterable<[Partial<Record<L, string>>, number]>,
): void {
  new Counter<L>({
    name,
    help,
    labelNames,
    registers: [registry],
    collect() {
      this.reset();
      for (const [labels, value] of read()) this.inc(labels, value);
    },
  });
}

function readGauge<L extends string>(
  registry: Registry,
  name: string,
  help: string,
  labelNames: readonly L[],
  read: () => Iterable<[Partial<Record<L, string>>, number]>,
): void {
  new Gauge<L>({
    name,
    help,
    labelNames,
    registers: [registry],
    collect() {
      this.reset();
      for (const [labels, value] of read()) this.set(labels, value);
    },
  });
}

export interface EdgeMetrics {
  readonly registry: Registry;
  readonly contentType: string;
  /** The text exposition of every metric, read now. */
  render(): Promise<string>;
}

export function edgeMetrics(src: EdgeMetricsSource): EdgeMetrics {
  const registry = new Registry();
  const now = src.now ?? Date.now;
  const endpoints = (): [string, QueueStats][] => {
    const up = src.upstreamStats();
    return [
      ...(up ? ([["$upstream", up]] as [string, QueueStats][]) : []),
      ...Object.entries(src.inputStats()),
    ];
  };
  const readers = (): string[] => [...(src.readerModules ?? src.modules().map((m) => m.name))];

  readCounter(
    registry,
    "omdp_edge_messages_received_total",
    "Device-to-cloud messages the hub accepted.",
    [],
    () => [[{}, src.counters().received]],
  );
  readCounter(
    registry,
    "omdp_edge_readings_received_total",
    "Readings the hub accepted (a module's readings output, or a leaf's kind=reading messages).",
    [],
    () => [[{}, src.counters().readings]],
  );
  readCounter(registry, "omdp_edge_route_messages_total", "Messages each route matched.", ["route"], () =>
    Object.entries(src.counters().byRoute).map(([route, n]) => [{ route }, n]),
  );
  readCounter(registry, "omdp_edge_messages_unrouted_total", "Messages no route matched.", [], () => [
    [{}, src.counters().unrouted],
  ]);
  readGauge(
    registry,
    "omdp_edge_queue_messages",
    "Messages waiting in an endpoint's durable queue ($upstream, module inputs).",
    ["endpoint"],
    () => endpoints().map(([endpoint, s]) => [{ endpoint }, s.queued]),
  );
  readGauge(
    registry,
    "omdp_edge_queue_bytes",
    "Bytes waiting in an endpoint's durable queue.",
    ["endpoint"],
    () => endpoints().map(([endpoint, s]) => [{ endpoint }, s.bytes]),
  );
  readCounter(
    registry,
    "omdp_edge_queue_dropped_total",
    "Messages dropped at an endpoint queue's bound.",
    ["endpoint"],
    () => endpoints().map(([endpoint, s]) => [{ endpoint }, s.dropped]),
  );
  readCounter(
    registry,
    "omdp_edge_queue_expired_total",
    "Messages an endpoint queue dropped past their time to live.",
    ["endpoint"],
    () => endpoints().map(([endpoint, s]) => [{ endpoint }, s.expired]),
  );
  readCounter(
    registry,
    "omdp_edge_upstream_refused_total",
    "Messages refused because $upstream was at its quota.",
    [],
    () => [[{}, src.upstreamStats()?.refusedFull ?? 0]],
  );
  readGauge(
    registry,
    "omdp_edge_upstream_lag_seconds",
    "Age of the oldest message queued for the cloud (0 when none is).",
    [],
    () => {
      const oldest = src.upstreamOldestMs();
      return [[{}, oldest === undefined ? 0 : Math.max(0, (now() - oldest) / 1000)]];
    },
  );
  readCounter(
    registry,
    "omdp_edge_reader_decode_errors_total",
    "Telegrams a reader module could not use, by code (from its reported twin counters).",
    ["module", "code"],
    () => {
      const out: [Partial<Record<"module" | "code", string>>, number][] = [];
      for (const module of readers()) {
        const reader = obj(obj(src.reported(module)).reader);
        const counters = obj(reader.counters);
        for (const [field, code] of Object.entries(READER_ERROR_COUNTERS)) {
          const n = num(counters[field]);
          if (n !== undefined) out.push([{ module, code }, n]);
        }
        for (const group of ["codecErrors", "recordErrors"])
          for (const [code, v] of Object.entries(obj(reader[group]))) {
            const n = num(v);
            if (n !== undefined) out.push([{ module, code }, n]);
          }
      }
      return out;
    },
  );
  readCounter(
    registry,
    "omdp_edge_reader_frames_total",
    "Frames a reader module read correctly (from its reported twin counters).",
    ["module"],
    () =>
      readers().flatMap((module): [{ module: string }, number][] => {
        const n = num(obj(obj(obj(src.reported(module)).reader).counters).framesOk);
        return n === undefined ? [] : [[{ module }, n]];
      }),
  );
  readCounter(
    registry,
    "omdp_edge_module_restarts_total",
    "Restarts of a module by the hub's supervisor.",
    ["module"],
    () => src.modules().map((m) => [{ module: m.name }, m.restarts]),
  );
  readGauge(registry, "omdp_edge_module_up", "1 while the module's process runs, else 0.", ["module"], () =>
    src.modules().map((m) => [{ module: m.name }, m.running ? 1 : 0]),
  );
  readCounter(
    registry,
    "omdp_edge_hub_restarts_total",
    "Restarts of the hub by the platform supervisor (omdp start) before this run.",
    [],
    () => [[{}, src.hubRestarts ?? 0]],
  );
  readGauge(registry, "omdp_edge_connections", "MQTT connections to the hub.", [], () => [
    [{}, src.connected().length],
  ]);
  readCounter(
    registry,
    "omdp_edge_connections_refused_total",
    "CONNECTs the hub refused, by reason.",
    ["reason"],
    () => Object.entries(src.counters().refusedByReason).map(([reason, n]) => [{ reason }, n]),
  );
  return { registry, contentType: registry.contentType, render: () => registry.metrics() };
}
