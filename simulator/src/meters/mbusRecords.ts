/**
 * The data records the simulated EN 13757-3 meters send, as data: each kind of value with its DIF
 * (data field coding) and VIF/VIFE (quantity, unit, decimal exponent), after EN 13757-3 tables 4, 10
 * and 14. The bytes are produced by @omdp/mbus's application layer encoder.
 */
import { encodeUserData } from "@omdp/mbus";
import type { UserData } from "./mbusSlave";

export type RecordSpec =
  | { readonly kind: "dateTime"; readonly utcMs: number }
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

/** DIF, VIF and VIFE of each kind (EN 13757-3 table 10 primary VIFs, table 14 VIFs after 0xFD). */
export const RECORD_CODES: Record<RecordSpec["kind"], { dif: number; vif: number; vife?: number[] }> = {
  /** 48-bit type I date and time (DIF 0x06, VIF 0x6D): seconds resolution. */
  dateTime: { dif: 0x06, vif: 0x6d },
  /** 32-bit integer, VIF 0x03: energy in 10^0 Wh. */
  energyWh: { dif: 0x04, vif: 0x03 },
  /** 32-bit integer, VIF 0x2B: power in 10^0 W. */
  powerW: { dif: 0x04, vif: 0x2b },
  /** 16-bit integer, VIF 0xFD + VIFE 0x48: voltage in 10^-1 V. */
  voltageDv: { dif: 0x02, vif: 0xfd, vife: [0x48] },
  /** 32-bit integer, VIF 0xFD + VIFE 0x5A: current in 10^-2 A. */
  currentCa: { dif: 0x04, vif: 0xfd, vife: [0x5a] },
  /** 32-bit integer, VIF 0x13: volume in 10^-3 m3 (litres). */
  volumeL: { dif: 0x04, vif: 0x13 },
  /** 32-bit integer, VIF 0x3B: volume flow in 10^-3 m3/h. */
  flowLh: { dif: 0x04, vif: 0x3b },
  /** 16-bit integer, VIF 0x5A: flow temperature in 10^-1 degC. */
  flowTempDc: { dif: 0x02, vif: 0x5a },
  /** 16-bit integer, VIF 0x5E: return temperature in 10^-1 degC. */
  returnTempDc: { dif: 0x02, vif: 0x5e },
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

/** One RSP_UD's application data (CI 0x72, long header, records). */
export function encodeReadoutTelegram(t: TelegramSpec): UserData {
  return encodeUserData(t) as UserData;
}
