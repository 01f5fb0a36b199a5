/**
 * The I/O adapter for a tariff's `prices.url` (Node only, sub-path `@omdp/tariffs/price-url`): the
 * day-ahead prices document (ENTSO-E XML or the simple CSV) fetched over HTTP(S) with a timeout and a
 * size limit, kept on disk so that a later call within `maxAgeMs` and a detached edge (the URL not
 * reachable) use the last copy. Failures are `PriceUrlError`s with a code and evidence; the URL in
 * them has its query removed (an ENTSO-E URL carries the `securityToken` there).
 */
import { createHash } from "node:crypto";
import { promises as fs } from "node:fs";
import path from "node:path";
import { parsePriceCsv } from "./csv";
import { parseEntsoeXml } from "./entsoe";
import type { Result } from "./errors";
import type { PriceSeries } from "./prices";
import type { Tariff } from "./schema";

export const PRICE_URL_ERROR_CODES = [
  /** Not an http: or https: URL. */
  "PRICES_URL_INVALID",
  /** No answer (headers and whole body) within `timeoutMs`. */
  "PRICES_URL_TIMEOUT",
  /** The body (or its Content-Length) is larger than `maxBytes`. */
  "PRICES_URL_TOO_LARGE",
  /** The server answered with a status other than 200. */
  "PRICES_URL_HTTP_STATUS",
  /** The connection failed (refused, reset, DNS). */
  "PRICES_URL_UNREACHABLE",
] as const;
export type PriceUrlErrorCode = (typeof PRICE_URL_ERROR_CODES)[number];

export class PriceUrlError extends Error {
  override readonly name = "PriceUrlError";
  constructor(
    readonly code: PriceUrlErrorCode,
    /** The URL without its query and fragment (no tokens). */
    readonly url: string,
    message: string,
    readonly evidence: { status?: number; limit?: number; actual?: number } = {},
  ) {
    super(`${message}: ${url}`);
  }
}

export interface PriceUrlOptions {
  /** Folder of the cached documents (created when missing). */
  readonly cacheDir: string;
  /** Whole request (headers and body), ms. Default 10 s. */
  readonly timeoutMs?: number;
  /** Largest body accepted, bytes. Default 8 MiB (a year of quarter-hour ENTSO-E prices is ~3 MiB). */
  readonly maxBytes?: number;
  /** A cached copy younger than this is used without a request, ms. Default 1 h. */
  readonly maxAgeMs?: number;
  /** Clock (ms), for tests. */
  readonly now?: () => number;
}

export interface FetchedText {
  readonly text: string;
  /** `network`: fetched now; `cache`: a fresh copy; `stale`: the URL failed, the last copy is used. */
  readonly source: "network" | "cache" | "stale";
  /** The failure a stale copy stands in for. */
  readonly error?: PriceUrlError;
}

/** The URL as it may be shown: scheme, host, port and path. */
export function redactedUrl(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}`;
}

function cacheFile(dir: string, url: string): string {
  return path.join(dir, `${createHash("sha256").update(url).digest("hex").slice(0, 32)}.prices`);
}

async function readBody(res: Response, limit: number, shown: string): Promise<string> {
  const declared = Number(res.headers.get("content-length") ?? Number.NaN);
  if (declared > limit)
    throw new PriceUrlError("PRICES_URL_TOO_LARGE", shown, "prices document too large", {
      limit,
      actual: declared,
    });
  const reader = res.body?.getReader();
  if (!reader) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new PriceUrlError("PRICES_URL_TOO_LARGE", shown, "prices document too large", {
        limit,
        actual: size,
      });
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** One GET of `url` within the timeout and size limit. */
export async function fetchText(url: URL, timeoutMs: number, maxBytes: number): Promise<string> {
  const shown = redactedUrl(url);
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const res = await fetch(url, { signal, redirect: "follow" });
    if (res.status !== 200) {
      await res.body?.cancel();
      throw new PriceUrlError("PRICES_URL_HTTP_STATUS", shown, `prices URL answered ${res.status}`, {
        status: res.status,
      });
    }
    return await readBody(res, maxBytes, shown);
  } catch (e) {
    if (e instanceof PriceUrlError) throw e;
    if (signal.aborted)
      throw new PriceUrlError("PRICES_URL_TIMEOUT", shown, `no prices within ${timeoutMs} ms`, {
        limit: timeoutMs,
      });
    throw new PriceUrlError("PRICES_URL_UNREACHABLE", shown, "prices URL unreachable");
  }
}

/**
 * The document at `url`: the cached copy when younger than `maxAgeMs`, else fetched and cached (written
 * to a temporary file, then renamed); when the fetch fails, the last cached copy (`stale`), else the error.
 */
export async function fetchPricesText(url: string, o: PriceUrlOptions): Promise<FetchedText> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new PriceUrlError("PRICES_URL_INVALID", "(not a URL)", "prices URL is not a URL");
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:")
    throw new PriceUrlError("PRICES_URL_INVALID", redactedUrl(parsed), "prices URL is not http(s)");
  const now = o.now ?? Date.now;
  const file = cacheFile(o.cacheDir, url);
  const cached = await fs.stat(file).catch(() => undefined);
  if (cached && now() - cached.mtimeMs < (o.maxAgeMs ?? 3_600_000))
    return { text: await fs.readFile(file, "utf8"), source: "cache" };
  try {
    const text = await fetchText(parsed, o.timeoutMs ?? 10_000, o.maxBytes ?? 8 * 1024 * 1024);
    await fs.mkdir(o.cacheDir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    await fs.writeFile(tmp, text);
    const at = new Date(now());
    await fs.utimes(tmp, at, at);
    await fs.rename(tmp, file);
    return { text, source: "network" };
  } catch (e) {
    if (!(e instanceof PriceUrlError) || !cached) throw e;
    return { text: await fs.readFile(file, "utf8"), source: "stale", error: e };
  }
}

/** The document's prices in the tariff's format and currency. */
export function parsePricesText(tariff: Tariff, text: string): Result<PriceSeries> {
  return tariff.prices?.format === "entsoe"
    ? parseEntsoeXml(text)
    : parsePriceCsv(text, { currency: tariff.currency });
}

/** The prices of a tariff's `prices.url` (undefined when it names none). */
export async function tariffUrlPrices(
  tariff: Tariff,
  o: PriceUrlOptions,
): Promise<(FetchedText & { prices: Result<PriceSeries> }) | undefined> {
  const url = tariff.prices?.url;
  if (!url) return undefined;
  const got = await fetchPricesText(url, o);
  return { ...got, prices: parsePricesText(tariff, got.text) };
}
