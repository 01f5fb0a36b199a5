/**
 * The edge-to-cloud interval message. Sharing sends either one `IntervalRecord` per message (`kind:
 * interval`, the original message, still accepted at ingest) or a batch of them (`kind: intervals`):
 * an edge's intervals of one upstream period, packed so that each message stays within one IoT Hub
 * metering block (4 KB: IoT Hub bills messages in 4 KB blocks, quotas and throttling,
 * learn.microsoft.com/azure/iot-hub/iot-hub-devguide-quotas-throttling). A batch carries full records
 * (same ids, same validation), so redelivering a batch, or the same interval once alone and once in a
 * batch, writes nothing new.
 */
import { IntervalRecord, SCHEMA_VERSION } from "@omdp/model";
import { z } from "zod";

export const INTERVAL_BATCH_KIND = "intervals";
/** IoT Hub's metering block: a message of up to 4 KB counts as one message. */
export const IOT_HUB_BLOCK_BYTES = 4096;
/** Room kept for the application properties (kind, meterId, householdId) within the block. */
export const BATCH_PROPERTY_ALLOWANCE = 256;

export const IntervalBatch = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  intervals: z.array(IntervalRecord).min(1).max(256),
});
export type IntervalBatch = z.infer<typeof IntervalBatch>;

const bytes = (v: unknown): number => Buffer.byteLength(JSON.stringify(v));

/**
 * Packs records, in order, into as few batches as fit `maxBytes` each (serialised JSON). A record
 * larger than `maxBytes` on its own gets a batch of its own (IoT Hub then bills two blocks for it).
 * Returns index groups into `records`, so a caller can acknowledge exactly what each batch carried.
 */
export function packIntervals(
  records: readonly IntervalRecord[],
  maxBytes: number = IOT_HUB_BLOCK_BYTES - BATCH_PROPERTY_ALLOWANCE,
): number[][] {
  const envelope = bytes({ schemaVersion: SCHEMA_VERSION, intervals: [] });
  const groups: number[][] = [];
  let current: number[] = [];
  let size = envelope;
  for (const [i, r] of records.entries()) {
    const add = bytes(r) + (current.length > 0 ? 1 : 0); // the comma between records
    if (current.length > 0 && size + add > maxBytes) {
      groups.push(current);
      current = [];
      size = envelope;
    }
    size += bytes(r) + (current.length > 0 ? 1 : 0);
    current.push(i);
  }
  if (current.length > 0) groups.push(current);
  return groups;
}
