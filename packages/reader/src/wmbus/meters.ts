/**
 * The meters a wM-Bus line hears: the configured ones (by id, or a secondary address's id), the
 * unknown ones listed for the user (id, manufacturer, type, last seen: a meter is added from that list
 * by its id), and repeated transmissions of one telegram dropped: the same meter, access number and
 * application data within `DUPLICATE_WINDOW_MS` (a repeater's or a second receiver's copy, or
 * rtl_wmbus's two demodulators) is one telegram.
 */
import { mediumName } from "@omdp/mbus";
import type { ReaderConfig } from "../config";

export const DUPLICATE_WINDOW_MS = 120_000;
/** Unknown meters listed at most (a dense building hears hundreds; the oldest are forgotten). */
export const MAX_UNKNOWN = 200;

export interface UnknownMeter {
  id: string;
  manufacturer: string;
  deviceType: number;
  medium: string;
  version: number;
  telegrams: number;
  lastSeen: string;
  encrypted: boolean;
  rssiDbm?: number;
  linkMode?: string;
}

export class WmbusMeters {
  private readonly unknown = new Map<string, UnknownMeter>();
  private readonly last = new Map<string, { access: number; data: string; at: number }>();
  duplicatesDropped = 0;

  constructor(private readonly config: ReaderConfig) {}

  /** The configured meter id for a telegram's 8-digit id, or undefined. */
  configuredId(id: string): string | undefined {
    const lower = id.toLowerCase();
    const m = this.config.meters.find(
      (x) => x.id.toLowerCase() === lower || x.secondaryAddress?.id.toLowerCase() === lower,
    );
    return m?.id;
  }

  heardUnknown(
    who: { id: string; manufacturer: string; deviceType: number; version: number },
    at: Date,
    encrypted: boolean,
    signal: { rssiDbm?: number; linkMode?: string },
  ): void {
    const prev = this.unknown.get(who.id);
    if (!prev && this.unknown.size >= MAX_UNKNOWN) {
      const oldest = [...this.unknown.values()].sort((x, y) => x.lastSeen.localeCompare(y.lastSeen))[0];
      if (oldest) this.unknown.delete(oldest.id);
    }
    this.unknown.delete(who.id);
    this.unknown.set(who.id, {
      id: who.id,
      manufacturer: who.manufacturer,
      deviceType: who.deviceType,
      medium: mediumName(who.deviceType),
      version: who.version,
      telegrams: (prev?.telegrams ?? 0) + 1,
      lastSeen: at.toISOString(),
      encrypted,
      ...(signal.rssiDbm !== undefined ? { rssiDbm: signal.rssiDbm } : {}),
      ...(signal.linkMode ? { linkMode: signal.linkMode } : {}),
    });
  }

  /** True when the telegram repeats the last one of the meter (same access number and data, in the window). */
  duplicate(meterId: string, access: number, data: Uint8Array, at: Date): boolean {
    const key = Buffer.from(data).toString("base64");
    const prev = this.last.get(meterId);
    const t = at.getTime();
    if (prev && prev.access === access && prev.data === key && t - prev.at <= DUPLICATE_WINDOW_MS) {
      this.duplicatesDropped++;
      return true;
    }
    this.last.set(meterId, { access, data: key, at: t });
    return false;
  }

  unknownMeters(): UnknownMeter[] {
    return [...this.unknown.values()].map((u) => ({ ...u }));
  }
}
