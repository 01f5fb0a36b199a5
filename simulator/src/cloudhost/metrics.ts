/**
 * Prometheus metrics of the local cloud host (the Functions handlers on 127.0.0.1), served as
 * `GET /metrics` (loopback callers only, like /runtime/ingest); prom-client writes the text format.
 *
 *   omdp_cloud_ingest_batches_total                     Event Hub-style batches ingested
 *   omdp_cloud_ingest_messages_total{outcome}           their messages: accepted, rejected, parked (rate() = ingest rate)
 *   omdp_cloud_parked_messages_total                    messages written to the dead letters (parked + rejected)
 *   omdp_cloud_request_duration_seconds{route,method,status}  API latency histogram, by route name
 */
import { Counter, Histogram, Registry } from "prom-client";

/** Upper bounds (s) of the latency buckets: the API's p99 target is < 50 ms. */
export const LATENCY_BUCKETS_S = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5] as const;

export interface CloudMetrics {
  readonly contentType: string;
  render(): Promise<string>;
  /** One ingested batch's outcome (what ingestBatch answered). */
  ingested(result: { accepted: number; rejected: number; parked: number }): void;
  /** One answered API request. */
  request(route: string, method: string, status: number, seconds: number): void;
}

export function cloudMetrics(): CloudMetrics {
  const registry = new Registry();
  const batches = new Counter({
    name: "omdp_cloud_ingest_batches_total",
    help: "Event Hub-style batches ingested.",
    registers: [registry],
  });
  const messages = new Counter({
    name: "omdp_cloud_ingest_messages_total",
    help: "Ingested messages by outcome (accepted, rejected: valid but refused, parked: invalid).",
    labelNames: ["outcome"] as const,
    registers: [registry],
  });
  for (const outcome of ["accepted", "rejected", "parked"]) messages.inc({ outcome }, 0);
  const parked = new Counter({
    name: "omdp_cloud_parked_messages_total",
    help: "Messages written to the dead letters (parked invalid ones and rejected ones, kept for audit).",
    registers: [registry],
  });
  const latency = new Histogram({
    name: "omdp_cloud_request_duration_seconds",
    help: "Time to answer an API request, by route name, method and status.",
    labelNames: ["route", "method", "status"] as const,
    buckets: [...LATENCY_BUCKETS_S],
    registers: [registry],
  });
  return {
    contentType: registry.contentType,
    render: () => registry.metrics(),
    ingested(r) {
      batches.inc();
      messages.inc({ outcome: "accepted" }, r.accepted);
      messages.inc({ outcome: "rejected" }, r.rejected);
      messages.inc({ outcome: "parked" }, r.parked);
      parked.inc(r.parked + r.rejected);
    },
    request(route, method, status, seconds) {
      latency.observe({ route, method, status: String(status) }, seconds);
    },
  };
}
