/** The SML 1.04 message tree (§7) as the decoder returns it and the encoder takes it. */

import type { CrcVariant } from "./crc";
import type { SmlInt } from "./cursor";
import type { SmlError } from "./errors";
import type { QuirkUse } from "./quirks";

/** SML_Time (§6.3.3): a seconds index, a UTC timestamp, or a local timestamp with its offsets (minutes). */
export type SmlTime =
  | { readonly kind: "secIndex"; readonly value: number }
  | { readonly kind: "timestamp"; readonly value: number }
  | {
      readonly kind: "localTimestamp";
      readonly value: number;
      readonly localOffset: number;
      readonly seasonOffset: number;
    };

/** SML_Value (§6.3.2): a number (with its wire width and sign), a boolean or an octet string. */
export type SmlValue =
  | ({ readonly kind: "int" } & SmlInt)
  | { readonly kind: "boolean"; readonly value: boolean }
  | { readonly kind: "octets"; readonly value: Uint8Array };

export interface SmlListEntry {
  /** OBIS `A.B.C.D.E.F`, from the 6-byte objName; other lengths in hex. */
  readonly obis: string;
  readonly objName: Uint8Array;
  readonly status?: SmlInt;
  readonly valTime?: SmlTime;
  /** DLMS unit code (IEC 62056-6-2) and its text from @omdp/dlms. */
  readonly unitCode?: number;
  readonly unit?: string;
  readonly scaler?: number;
  readonly value: SmlValue;
  /** value * 10^scaler for numbers (exact decimal rounding), undefined otherwise. */
  readonly scaled?: number;
  readonly valueSignature?: Uint8Array;
}

export interface SmlOpenResponse {
  readonly kind: "openResponse";
  readonly codepage?: Uint8Array;
  readonly clientId?: Uint8Array;
  readonly reqFileId: Uint8Array;
  readonly serverId: Uint8Array;
  readonly refTime?: SmlTime;
  readonly smlVersion?: number;
}

export interface SmlCloseResponse {
  readonly kind: "closeResponse";
  readonly globalSignature?: Uint8Array;
}

export interface SmlGetListResponse {
  readonly kind: "getListResponse";
  readonly clientId?: Uint8Array;
  readonly serverId: Uint8Array;
  readonly listName?: Uint8Array;
  readonly actSensorTime?: SmlTime;
  readonly valList: readonly SmlListEntry[];
  readonly listSignature?: Uint8Array;
  readonly actGatewayTime?: SmlTime;
}

/** A body this codec does not model (requests, other responses): its tag and raw bytes. */
export interface SmlOtherBody {
  readonly kind: "other";
  readonly tag: number;
  readonly raw: Uint8Array;
}

export type SmlBody = SmlOpenResponse | SmlCloseResponse | SmlGetListResponse | SmlOtherBody;

export interface SmlMessage {
  readonly transactionId: Uint8Array;
  readonly groupNo: number;
  readonly abortOnError: number;
  readonly body: SmlBody;
  /** Offset of the message in the input. */
  readonly offset: number;
  /** "mismatch" only with `messageCrc: "report"` (the error is in SmlFile.messageCrcErrors). */
  readonly crc: { readonly wire: number; readonly variant: CrcVariant | "mismatch" };
}

export interface SmlFile {
  readonly messages: readonly SmlMessage[];
  /** Server id from the open (or first get-list) response, in hex. */
  readonly serverId?: string;
  readonly crc: { readonly wire: number; readonly variant: CrcVariant };
  readonly padding: number;
  /** Offsets of the file in the input: start escape and just after the CRC. */
  readonly start: number;
  readonly end: number;
  readonly quirksApplied: readonly QuirkUse[];
  /** Message CRC mismatches collected with `messageCrc: "report"`; empty otherwise. */
  readonly messageCrcErrors: readonly SmlError[];
}
