import type { MeterRecord, Store } from "../store/port";

/** Meter registry lookups for ingest, cached for `ttlMs` (0 = always ask the store). */
export class MeterRegistry {
  private readonly cache = new Map<string, { meter: MeterRecord | undefined; until: number }>();

  constructor(
    private readonly store: Store,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async get(meterId: string): Promise<MeterRecord | undefined> {
    const hit = this.cache.get(meterId);
    if (hit && hit.until > this.now()) return hit.meter;
    const meter = await this.store.getMeter(meterId);
    if (this.ttlMs > 0) {
      if (this.cache.size > 100_000) this.cache.clear();
      this.cache.set(meterId, { meter, until: this.now() + this.ttlMs });
    }
    return meter;
  }

  /** Forgets a meter (after PUT /api/meters/{id} or a household deletion). */
  invalidate(meterId?: string): void {
    if (meterId === undefined) this.cache.clear();
    else this.cache.delete(meterId);
  }
}
