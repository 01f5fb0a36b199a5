/** The receiver framings by name (one row per receiver file). */
import { AmberFraming } from "./amber";
import { Im871aFraming } from "./im871a";
import type { ReceiverFraming, ReceiverKind } from "./receiver";
import { RtlWmbusFraming } from "./rtlWmbus";

export interface ReceiverSettings {
  readonly receiver: ReceiverKind;
  /** AMB8465: RSSI_Enable is set (an RSSI byte before the checksum of each CMD_DATA_IND). */
  readonly rssi: boolean;
  /** The link mode the stick is configured for (diagnostics only). */
  readonly linkMode?: string;
}

export function createFraming(s: ReceiverSettings): ReceiverFraming {
  switch (s.receiver) {
    case "im871a":
      return new Im871aFraming(s.linkMode);
    case "amb8465":
      return new AmberFraming({ rssi: s.rssi, ...(s.linkMode ? { linkMode: s.linkMode } : {}) });
    case "rtlwmbus":
      return new RtlWmbusFraming();
  }
}
