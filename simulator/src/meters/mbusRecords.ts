/**
 * The data records the simulated EN 13757-3 meters send, as data: each kind of value with its DIF
 * (data field coding) and VIF/VIFE (quantity, unit, decimal exponent), after EN 13757-3 tables 4, 10
 * and 14. The bytes are produced by @omdp/mbus's application layer encoder.
 */
import { type RecordSpec as CodecRecord, type DataCoding, defaultCi, encodeUserData } from "@omdp/mbus";
import { localDateTime } from "@omdp/model";
import type { UserData } from "./mbusSlave";

export type RecordSpec =
  /** The meter's clock: local wall time in `timeZone` (M-Bus date-times carry no zone). */
  | { readonly kind: "dateTime"; readonly utcMs: number; readonly timeZone: string }
  | {
      readonly kind:
        | "energyWh"
        | "powerW"
        | "voltageDv"
        | "currentCa"
        | "volumeL"
        | "flowLh"
        | "flowTempDc"
        | "returnTempDc";
      readonly value: number;
    };

/**
 * Coding and VIF/VIFE of each kind (EN 13757-3 table 4 codings, table 10 primary VIFs, table 14 VIFs
 * after 0xFD). Values are given in the VIF's unit; the encoder scales them by the VIF's exponent.
 */
export const RECORD_CODES: Record<RecordSpec["kind"], { coding: DataCoding; vif: number; vife?: number[] }> =
  {
    /** 48-bit type I date and time, VIF 0x6D: seconds resolution. */
    dateTime: { coding: "int48", vif: 0x6d },
    /** VIF 0x03: energy in 10^0 Wh. */
    energyWh: { coding: "int32", vif: 0x03 },
    /** VIF 0x2B: power in 10^0 W. */
    powerW: { coding: "int32", vif: 0x2b },
    /** VIF 0xFD + VIFE 0x48: voltage in 10^-1 V. */
    voltageDv: { coding: "int16", vif: 0xfd, vife: [0x48] },
    /** VIF 0xFD + VIFE 0x5A: current in 10^-2 A. */
    currentCa: { coding: "int32", vif: 0xfd, vife: [0x5a] },
    /** VIF 0x13: volume in 10^-3 m3 (litres). */
    volumeL: { coding: "int32", vif: 0x13 },
    /** VIF 0x3B: volume flow in 10^-3 m3/h. */
    flowLh: { coding: "int32", vif: 0x3b },
    /** VIF 0x5A: flow temperature in 10^-1 degC. */
    flowTempDc: { coding: "int16", vif: 0x5a },
    /** VIF 0x5E: return temperature in 10^-1 degC. */
    returnTempDc: { coding: "int16", vif: 0x5e },
  };

/** The value in the VIF's unit (the encoder applies the exponent). */
const SCALE: Record<Exclude<RecordSpec["kind"], "dateTime">, number> = {
  energyWh: 1,
  powerW: 1,
  voltageDv: 10,
  currentCa: 100,
  volumeL: 1000,
  flowLh: 1000,
  flowTempDc: 10,
  returnTempDc: 10,
};

export interface TelegramSpec {
  readonly header: {
    id: string;
    manufacturer: string;
    version: number;
    medium: number;
    accessNumber: number;
  };
  readonly records: readonly RecordSpec[];
  /** Ends with DIF 0x1F: more records follow in the next telegram (EN 13757-3 clause 6.3.1). */
  readonly moreFollows: boolean;
}

function toCodecRecord(r: RecordSpec): CodecRecord {
  const code = RECORD_CODES[r.kind];
  const value = r.kind === "dateTime" ? localDateTime(r.utcMs, r.timeZone) : r.value / SCALE[r.kind];
  return { coding: code.coding, vif: code.vif, ...(code.vife ? { vife: code.vife } : {}), value };
}

/** One RSP_UD's application data (CI 0x72, long header, records[, 0x1F]). */
export function encodeReadoutTelegram(t: TelegramSpec): UserData {
  const records: CodecRecord[] = t.records.map(toCodecRecord);
  if (t.moreFollows) records.push({ function: "moreRecordsFollow" });
  const spec = {
    type: "variable" as const,
    header: { kind: "long" as const, ...t.header, status: 0, signature: 0 },
    records,
  };
  return { ci: defaultCi(spec), data: encodeUserData(spec) };
}
