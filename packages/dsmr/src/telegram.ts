/**
 * A whole P1 telegram: framing and CRC (frame.ts), then each data line (line.ts, objects.ts). A bad data
 * line does not lose the telegram: it is reported in lineErrors with its offset and the other lines are
 * kept (per-line degradation, as the M-Bus decoder does per record). A bad frame or CRC rejects it all.
 */
import { DsmrError } from "./errors";
import { type DsmrCrc, type DsmrHeader, decodeFrame } from "./frame";
import { parseLine } from "./line";
import { type DsmrObject, toObject } from "./objects";
import type { DsmrTime } from "./timestamp";

export interface DsmrTelegram {
  readonly header: DsmrHeader;
  readonly crc: DsmrCrc | null;
  /** 1-3:0.2.8 (NL, LU) or 0-0:96.1.4 (BE), as written; absent in DSMR 2.2/3. */
  readonly version?: string;
  /** 0-0:1.0.0. */
  readonly time?: DsmrTime;
  /** 0-0:96.1.1 (or 0-0:96.1.0), decoded from hex. */
  readonly equipmentId?: string;
  readonly objects: readonly DsmrObject[];
  readonly lineErrors: readonly DsmrError[];
}

export interface DecodeOptions {
  /** Reject telegrams without a CRC (DSMR 4 and later always send one). Default false. */
  readonly requireCrc?: boolean;
}

/** Decode the telegram text (bytes as received, or a string of the same characters). */
export function decodeTelegram(input: Uint8Array | string, options: DecodeOptions = {}): DsmrTelegram {
  const bytes = typeof input === "string" ? Buffer.from(input, "latin1") : input;
  const frame = decodeFrame(bytes);
  if (options.requireCrc === true && frame.crc === null) {
    throw new DsmrError("BAD_CRC_FIELD", "telegram carries no CRC", {
      offset: frame.end - frame.start,
      expected: "4 hex digits",
    });
  }
  const objects: DsmrObject[] = [];
  const lineErrors: DsmrError[] = [];
  for (const line of frame.lines) {
    const result = decodeLine(line);
    if (result instanceof DsmrError) lineErrors.push(result);
    else objects.push(result);
  }
  // built in this key order (header, crc, version?, time?, equipmentId?, objects, lineErrors), no spreads
  const t: Mutable<Partial<DsmrTelegram>> = { header: frame.header, crc: frame.crc };
  summarise(objects, t);
  t.objects = objects;
  t.lineErrors = lineErrors;
  return t as DsmrTelegram;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function decodeLine(line: Parameters<typeof parseLine>[0]): DsmrObject | DsmrError {
  try {
    return toObject(parseLine(line));
  } catch (e) {
    if (e instanceof DsmrError) return e;
    throw e;
  }
}

/** version, time and equipmentId: of the first object with each id (one pass; the first id preferred). */
function summarise(objects: readonly DsmrObject[], t: Mutable<Partial<DsmrTelegram>>): void {
  const first = new Map<string, DsmrObject>();
  for (const o of objects) if (SUMMARY_IDS.has(o.obis) && !first.has(o.obis)) first.set(o.obis, o);
  const version = (first.get("1-3:0.2.8") ?? first.get("0-0:96.1.4"))?.text;
  const time = first.get("0-0:1.0.0")?.time;
  const equipmentId = (first.get("0-0:96.1.1") ?? first.get("0-0:96.1.0"))?.text;
  if (version !== undefined) t.version = version;
  if (time !== undefined) t.time = time;
  if (equipmentId !== undefined) t.equipmentId = equipmentId;
}

const SUMMARY_IDS: ReadonlySet<string> = new Set([
  "1-3:0.2.8",
  "0-0:96.1.4",
  "0-0:1.0.0",
  "0-0:96.1.1",
  "0-0:96.1.0",
]);

/** An object of the telegram by id. */
export function findObject(t: DsmrTelegram, obis: string): DsmrObject | undefined {
  return t.objects.find((o) => o.obis === obis);
}
