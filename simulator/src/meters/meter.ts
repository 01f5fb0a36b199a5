/** What the fleet needs of a simulated meter, whatever its protocol. */
import type { Frame } from "@omdp/mbus";
import type { DlmsVariant, Medium, MeterKind, SentValue } from "./types";

/** The public description of a meter of a running fleet. */
export interface MeterInfo {
  readonly id: string;
  readonly kind: MeterKind;
  readonly medium: Medium;
  readonly pv: boolean;
  /** DLMS: system title (16 hex digits). */
  readonly systemTitle?: string;
  /** DLMS: push layout. */
  readonly variant?: DlmsVariant;
  /** DLMS: security control byte of the pushes (0x20 encrypted, 0x30 also authenticated). */
  readonly securityControl?: number;
  /** M-Bus addressing. */
  readonly primaryAddress?: number;
  readonly secondaryId?: string;
  readonly manufacturer?: string;
  /** M-Bus medium code (EN 13757-3 table 3). */
  readonly mediumCode?: number;
}

export interface SimMeterBase {
  readonly info: MeterInfo;
  /** Cumulative registers (and the instantaneous values) at meter time `t`; advances the element. */
  valuesAt(t: number): SentValue[];
}

/** A push meter (DLMS over M-Bus, DSMR P1, SML, D0 push): sends on its own schedule. */
export interface PushingMeter extends SimMeterBase {
  readonly mode: "push";
  /** Meter time of the next push. */
  readonly nextPushAt: number;
  /** Encodes the push due at `nextPushAt` and schedules the one after. */
  push(): { bytes: Uint8Array; values: SentValue[]; meterTime: number };
  /** Key in use (hex); absent for meters that send in clear (P1 outside Luxembourg, SML, D0). */
  readonly keyHex?: string;
  /** Authentication key (hex) when the pushes are authenticated (security control 0x30). */
  readonly authKeyHex?: string;
  setKey?(hex: string): void;
}

/** A slave answering a master (EN 13757-3 meters). */
export interface PolledMeter extends SimMeterBase {
  readonly mode: "poll";
  /**
   * Handles a master frame at meter time `now`. Returns the answer, and when the answer finished a
   * read-out (its last telegram, sent for the first time) the values of that read-out.
   */
  handle(
    frame: Frame,
    now: number,
  ):
    | { bytes: Uint8Array; completed?: { values: SentValue[]; meterTime: number; repeat?: boolean } }
    | undefined;
}

/**
 * A meter that answers raw bytes (IEC 62056-21 mode C: sign-on, option select) rather than M-Bus
 * frames: every answer it sends, and for the one that ends a readout, the values it carried.
 */
export interface AnsweringMeter extends SimMeterBase {
  readonly mode: "answer";
  receive(
    bytes: Uint8Array,
    now: number,
  ): { bytes: Uint8Array; completed?: { values: SentValue[]; meterTime: number } }[];
}

export type SimMeter = PushingMeter | PolledMeter | AnsweringMeter;
