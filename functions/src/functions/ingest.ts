import type { InvocationContext } from "@azure/functions";
import { app, insideFunctionsHost } from "../azf";
import type { EventHubMessage } from "../ingest/message";
import { type IngestResult, ingestBatch } from "../ingest/process";
import { getServices, type Services } from "../services";

/**
 * Builds the batch from the trigger: bodies, and per message the application properties and the IoT
 * Hub system properties (`iothub-connection-device-id` is the sender's identity).
 */
export function batchFromTrigger(
  messages: readonly unknown[],
  context: InvocationContext,
): EventHubMessage[] {
  const meta = context.triggerMetadata ?? {};
  const props = (meta.propertiesArray ?? []) as Record<string, unknown>[];
  const sys = (meta.systemPropertiesArray ?? []) as Record<string, unknown>[];
  return messages.map((body, i) => ({
    body,
    ...(props[i] ? { properties: props[i] } : {}),
    ...(sys[i] ? { systemProperties: sys[i] } : {}),
  }));
}

/** The handler: parks what is invalid, writes the rest idempotently; a store failure throws (retry). */
export async function ingest(
  messages: unknown[],
  context: InvocationContext,
  services?: Services,
): Promise<IngestResult> {
  const s = services ?? (await getServices());
  const result = await ingestBatch(batchFromTrigger(messages, context), s);
  s.log.info("ingested batch", { invocationId: context.invocationId, size: messages.length, ...result });
  return result;
}

// Event Hub trigger on the IoT Hub built-in endpoint, its own consumer group, identity-based connection
// `IotHubEventHub` (app setting IotHubEventHub__fullyQualifiedNamespace); names from app settings.
if (insideFunctionsHost()) {
  app.eventHub("ingest", {
    connection: "IotHubEventHub",
    eventHubName: "%IOTHUB_EVENTHUB_NAME%",
    consumerGroup: "%IOTHUB_CONSUMER_GROUP%",
    cardinality: "many",
    retry: {
      strategy: "exponentialBackoff",
      maxRetryCount: 8,
      minimumInterval: { seconds: 5 },
      maximumInterval: { minutes: 5 },
    },
    handler: async (messages, context) => {
      await ingest(messages as unknown[], context);
    },
  });
}
