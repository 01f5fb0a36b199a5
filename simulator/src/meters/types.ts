/** Shapes shared by the simulated meters and the fleet. */

export type MeterKind = "dlms" | "mbus" | "dsmr" | "sml" | "d0" | "wmbus";
/** DLMS push layout: Kaifa MA309M (one flat list) or Sagemcom T210-D (one structure per object). */
export type DlmsVariant = "kaifa" | "sagemcom";
export type Medium = "electricity" | "water" | "gas" | "heat";

/** One meter of a fleet, as a caller describes it. */
export interface MeterSpec {
  readonly id: string;
  readonly kind: MeterKind;
  readonly seed: number;
  /** Electricity meters: the household has PV and exports by daylight. */
  readonly pv?: boolean;
  /** DLMS: AES-128 key, 32 hex digits (default: derived from the seed; simulator only). */
  readonly key?: string;
  /** DLMS: 8-byte system title, 16 hex digits (default: derived from the id). */
  readonly systemTitle?: string;
  /** M-Bus: what it measures (default electricity). */
  readonly medium?: Medium;
  /** M-Bus: primary address 1..250 (default: position in the fleet + 1). */
  readonly primaryAddress?: number;
  /** M-Bus: secondary id, 8 BCD digits (default: from the id's digits, else the seed). */
  readonly secondaryId?: string;
  /** M-Bus: manufacturer letters (default "OMD"). */
  readonly manufacturer?: string;
  /** M-Bus: the zone of the meter's clock (its date-time records show local time; default Europe/Vienna). */
  readonly timeZone?: string;
  /** M-Bus: RSP_UD telegrams per read-out (default 2 for electricity and heat, 1 otherwise). */
  readonly telegrams?: number;
  /** DLMS: link framing of the pushes: M-Bus long frames (customer interface, default) or HDLC (P1/HAN). */
  readonly framing?: "mbus" | "hdlc";
  /** Push interval in meter seconds (default: DLMS 5, DSMR 10, SML 2, D0 10). */
  readonly pushIntervalS?: number;
  /** DLMS: push layout (default: ids starting `SAG` are Sagemcom T210-D, all others Kaifa MA309M). */
  readonly variant?: DlmsVariant;
  /**
   * DLMS: authenticated and encrypted pushes (security control 0x30, 12-byte GCM tag) instead of
   * encrypted only (0x20). Default: true when `authKey` is given, else false.
   */
  readonly authenticated?: boolean;
  /** DLMS: authentication key, 32 hex digits (default when authenticated: derived from the seed). */
  readonly authKey?: string;
  /** DSMR: `dsmr5` (NL, default), `fluvius` (BE e-MUCS with capacity fields), `smarty` (LU, encrypted). */
  readonly p1Variant?: "dsmr5" | "fluvius" | "smarty";
  /** D0: `push` (readouts unasked, default) or `modeC` (answers a sign-on and an option select). */
  readonly d0Mode?: "push" | "modeC";
  /** wM-Bus: `water` (default unless medium heat), `heat` or `hca` (heat cost allocator). */
  readonly wmbusDevice?: "water" | "heat" | "hca";
  /** wM-Bus: OMS security mode 5 (default) or 7. */
  readonly wmbusMode?: 5 | 7;
  /** wM-Bus: the receiver framing the telegrams come out in (default `im871a`). */
  readonly receiver?: "im871a" | "amb8465" | "rtlwmbus";
}

/** A meter's entry of a reader keys file: the key alone, or with the authentication key. */
export type MeterKeyEntry = string | { readonly key: string; readonly authKey: string };

/** One value a telegram carried, in the platform's terms (OBIS-based id, SI unit without prefix). */
export interface SentValue {
  readonly property: string;
  readonly value: number | string;
  readonly unit: string;
}

export type TelegramFault = "corrupted" | "dropped" | "collision" | "wrongKey";

/** A telegram (DLMS push or a whole M-Bus read-out) as the simulator put it on the bus. */
export interface SentTelegram {
  readonly seq: number;
  readonly meterId: string;
  /** Meter time the values were taken, ms since the epoch. */
  readonly meterTime: number;
  readonly values: readonly SentValue[];
  /** The bytes as sent (after any fault was applied). */
  readonly bytes: Uint8Array;
  /** Set when a fault made this telegram undecodable on purpose. */
  readonly fault?: TelegramFault;
  /** "second": answered to the simulated second master, not to the reader. */
  readonly master?: "reader" | "second";
  /** The same read-out sent again (the master repeated its request with the same FCB). */
  readonly repeat?: boolean;
}
