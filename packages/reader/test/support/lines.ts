/**
 * Test support for the line pipelines: the codec packages' corpus fixtures (copied from the shared
 * corpus into packages/{dsmr,sml,d0}/test/fixtures, each citing its source project), and a pipeline
 * harness that collects readings, errors and diagnostics.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { MeterReading } from "@omdp/model";
import {
  createPushPipeline,
  DiagnosticsBook,
  KeyStore,
  type PushProtocol,
  ReaderConfig,
  type ReaderConfigInput,
  type ReaderError,
} from "../../src/index";

export interface LineFixture {
  name: string;
  hex: string;
  key?: string;
  authKey?: string;
  crcValid?: boolean | null;
  expected: Record<string, number>;
  units: Record<string, string>;
  checks?: { quirk?: string; bcc?: number | null };
}

const PACKAGES = join(import.meta.dirname, "..", "..", "..");

export function lineFixtures(protocol: "dsmr" | "sml" | "d0"): LineFixture[] {
  const dir = join(PACKAGES, protocol, "test", "fixtures");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")) as LineFixture);
}

export const bytesOf = (f: LineFixture) => Buffer.from(f.hex, "hex");

export interface Harness {
  readonly readings: MeterReading[];
  readonly errors: ReaderError[];
  readonly diag: DiagnosticsBook;
  readonly keys: KeyStore;
  push(b: Uint8Array): void;
  /** Feeds `bytes` cut at `cuts` (any order, out-of-range cuts ignored). */
  feed(bytes: Uint8Array, cuts?: readonly number[]): void;
}

export function harness(protocol: PushProtocol, input: Omit<ReaderConfigInput, "transport"> = {}): Harness {
  const config = ReaderConfig.parse({ transport: { kind: "tcp", port: 1 }, protocol, ...input });
  const diag = new DiagnosticsBook("gw", "test");
  const keys = new KeyStore();
  const readings: MeterReading[] = [];
  const errors: ReaderError[] = [];
  const p = createPushPipeline(
    protocol,
    { config, keys, diag, transport: "stream" },
    { reading: (r) => readings.push(r), error: (e) => errors.push(e) },
  );
  const at = new Date("2026-01-01T00:00:00Z");
  const push = (b: Uint8Array) => p.push(Buffer.from(b), at);
  return {
    readings,
    errors,
    diag,
    keys,
    push,
    feed(bytes, cuts = []) {
      let from = 0;
      for (const c of [...cuts].filter((x) => x > 0 && x < bytes.length).sort((a, b) => a - b)) {
        push(bytes.subarray(from, c));
        from = c;
      }
      push(bytes.subarray(from));
    },
  };
}

/** `1.0.1.8.1.255` -> `1-0:1.8.1`; D0 patterns with `*` groups -> a RegExp over property ids. */
export function propertyMatcher(dotted: string): (property: string) => boolean {
  const g = dotted.split(".");
  const re = new RegExp(
    `^${g
      .slice(0, 5)
      .map((x) => (x === "*" ? "\\d+" : x))
      .reduce((s, x, i) => s + (i === 0 ? "" : i === 1 ? "-" : i === 2 ? ":" : ".") + x, "")}$`,
  );
  return (p) => re.test(p);
}
