import type { Container, OperationInput, SqlQuerySpec } from "@azure/cosmos";
import type { ContainerName } from "./cosmos-containers";
import { withoutSystem } from "./cosmos-docs";
import { decodeToken, encodeToken, InvalidContinuationError, type Page } from "./port";

/** A failed Cosmos operation, with the status code and what was being done (no keys, no bodies). */
export class CosmosStoreError extends Error {
  constructor(
    readonly operation: string,
    readonly statusCode: number | undefined,
  ) {
    super(`cosmos ${operation} failed (status ${statusCode ?? "unknown"})`);
    this.name = "CosmosStoreError";
  }
}

export const statusOf = (err: unknown): number | undefined =>
  (err as { code?: unknown }).code as number | undefined;
const isCosmosCursor = (v: unknown): v is { c: string } =>
  typeof v === "object" && v !== null && typeof (v as { c: unknown }).c === "string";
const MAX_RMW_ATTEMPTS = 8;

/** Runs `work` over `items` with at most `width` in flight. */
export async function pool<T>(
  items: readonly T[],
  width: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const runners = Array.from({ length: Math.min(width, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(runners);
}

/**
 * The Cosmos operations the adapter is built from: point read, bulk, query (all or one page with a
 * wrapped continuation token) and read-modify-write with optimistic concurrency. Errors become
 * CosmosStoreError with the status code (never keys or bodies).
 */
export class CosmosIo {
  constructor(private readonly c: Record<ContainerName, Container>) {}

  async read<T>(name: ContainerName, id: string, pk: string): Promise<(T & { _etag?: string }) | undefined> {
    try {
      const res = await this.c[name].item(id, pk).read<T & { _etag?: string }>();
      if (res.statusCode === 404) return undefined;
      return res.resource;
    } catch (err) {
      if (statusOf(err) === 404) return undefined;
      throw new CosmosStoreError(`read ${name}`, statusOf(err));
    }
  }

  /**
   * Bulk operations through `items.bulk` (at most 100 operations per call, each with its partition
   * key); statuses in `tolerate` (404 on delete, 409 on create) count as not done, others throw.
   */
  async bulk(name: ContainerName, ops: OperationInput[], tolerate: number[] = []): Promise<number> {
    let done = 0;
    for (let i = 0; i < ops.length; i += 100) {
      let results: { statusCode: number }[];
      try {
        results = await this.c[name].items.bulk(ops.slice(i, i + 100), { continueOnError: true });
      } catch (err) {
        throw new CosmosStoreError(`bulk ${name}`, statusOf(err));
      }
      for (const r of results) {
        if (r.statusCode < 400) done++;
        else if (!tolerate.includes(r.statusCode)) throw new CosmosStoreError(`bulk ${name}`, r.statusCode);
      }
    }
    return done;
  }

  async all<T>(name: ContainerName, spec: SqlQuerySpec, partitionKey?: string): Promise<T[]> {
    try {
      const it = this.c[name].items.query<T>(spec, partitionKey === undefined ? {} : { partitionKey });
      return (await it.fetchAll()).resources;
    } catch (err) {
      throw new CosmosStoreError(`query ${name}`, statusOf(err));
    }
  }

  async page<T>(
    name: ContainerName,
    spec: SqlQuerySpec,
    limit: number,
    token: string | undefined,
    partitionKey?: string,
  ): Promise<Page<T>> {
    const continuationToken = token ? decodeToken(token, isCosmosCursor).c : undefined;
    try {
      const it = this.c[name].items.query<T>(spec, {
        maxItemCount: limit,
        ...(partitionKey === undefined ? {} : { partitionKey }),
        ...(continuationToken ? { continuationToken } : {}),
      });
      const items: T[] = [];
      let next: string | undefined;
      // One request can return fewer items than asked: keep fetching until the page is full (bounded).
      for (let i = 0; i < 50 && items.length < limit; i++) {
        const res = await it.fetchNext();
        items.push(...res.resources);
        next = res.continuationToken;
        if (!res.hasMoreResults || !next) {
          next = undefined;
          break;
        }
      }
      return next ? { items, continuationToken: encodeToken({ c: next }) } : { items };
    } catch (err) {
      if (statusOf(err) === 400 && token) throw new InvalidContinuationError(token);
      throw new CosmosStoreError(`query ${name}`, statusOf(err));
    }
  }

  /**
   * Read-modify-write with optimistic concurrency (If-Match on the etag; create when missing). The
   * mutation must be idempotent: a retry after a conflict applies it to the newer document.
   */
  async rmw<T extends { id: string }>(
    name: ContainerName,
    id: string,
    pk: string,
    mutate: (current: T | undefined) => T,
  ): Promise<T> {
    for (let attempt = 0; attempt < MAX_RMW_ATTEMPTS; attempt++) {
      const current = await this.read<T>(name, id, pk);
      const base = current ? withoutSystem(current) : undefined;
      const next = mutate(base);
      if (base && JSON.stringify(base) === JSON.stringify(next)) return next;
      try {
        if (current?._etag) {
          await this.c[name]
            .item(id, pk)
            .replace(next, { accessCondition: { type: "IfMatch", condition: current._etag } });
        } else {
          await this.c[name].items.create(next);
        }
        return next;
      } catch (err) {
        const status = statusOf(err);
        if (status !== 412 && status !== 409) throw new CosmosStoreError(`write ${name}`, status);
      }
    }
    throw new CosmosStoreError(`write ${name} (contention)`, 412);
  }
}
