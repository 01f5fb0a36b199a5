import type { MeterReading } from "@omdp/model";
import type { StoredReading } from "../store";

export interface LiveClient {
  /** Called for every reading published after the client subscribed. */
  push(r: StoredReading): void;
}

/**
 * The live reading feed behind `GET /api/stream`: a bounded ring of the latest readings (by sequence
 * number) for quick resumption, and the set of connected clients.
 */
export class LiveFeed {
  private readonly ring: StoredReading[] = [];
  private readonly clients = new Set<LiveClient>();

  constructor(private readonly capacity = 1024) {}

  publish(r: StoredReading): void {
    this.ring.push(r);
    if (this.ring.length > this.capacity) this.ring.shift();
    for (const c of this.clients) c.push(r);
  }

  subscribe(c: LiveClient): () => void {
    this.clients.add(c);
    return () => this.clients.delete(c);
  }

  get clientCount(): number {
    return this.clients.size;
  }

  /**
   * Readings after `seq` when the ring still holds all of them (its oldest entry is at most `seq + 1`),
   * otherwise undefined: the caller reads the store.
   */
  since(seq: number): StoredReading[] | undefined {
    const oldest = this.ring[0];
    if (oldest === undefined || oldest.seq > seq + 1) return undefined;
    return this.ring.filter((r) => r.seq > seq);
  }
}

/** One Server-Sent Event frame (`id`, `event: reading`, JSON data on one line). */
export function sseFrame(seq: number, reading: MeterReading): string {
  return `id: ${seq}\nevent: reading\ndata: ${JSON.stringify(reading)}\n\n`;
}
