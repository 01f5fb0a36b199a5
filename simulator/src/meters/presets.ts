/** The fleets `omdp simulate` makes: N meters of one kind with ids, seeds and media derived from a seed. */
import type { MeterKind, MeterSpec } from "./types";

export interface FleetPreset {
  readonly meters: number;
  readonly kind: MeterKind;
  readonly seed: number;
  /** DLMS: M-Bus long frames (default) or HDLC frames (P1/HAN port). */
  readonly framing?: "mbus" | "hdlc";
  /** wM-Bus: OMS security mode (default 5) and the receiver framing (default iM871A). */
  readonly wmbusMode?: 5 | 7;
  readonly receiver?: "im871a" | "amb8465" | "rtlwmbus";
}

const WMBUS_DEVICES = ["water", "heat", "hca"] as const;

const MEDIA = ["electricity", "water", "heat", "gas"] as const;

/**
 * DLMS meters `KFM1000000001`, `KFM1000000002`, ... (the id is the system title: FLAG "KFM" + serial);
 * every other one has PV. M-Bus meters `OMD<8-digit id>` cycling electricity, water, heat, gas, at
 * primary addresses 1..N. wM-Bus meters: their 8-digit id, cycling water, heat and heat cost allocator.
 */
export function defaultFleet(p: FleetPreset): MeterSpec[] {
  const out: MeterSpec[] = [];
  for (let i = 0; i < p.meters; i++) {
    const seed = (p.seed * 1000 + i + 1) >>> 0;
    if (p.kind === "dlms") {
      out.push({
        id: `KFM${(0x10_0000_0000 + i + 1).toString(16).toUpperCase()}`,
        kind: "dlms",
        seed,
        pv: i % 2 === 1,
        ...(p.framing ? { framing: p.framing } : {}),
      });
    } else if (p.kind === "wmbus") {
      const id = `7${String((p.seed * 7919 + i * 104_729) % 10_000_000).padStart(7, "0")}`;
      out.push({
        id,
        kind: "wmbus",
        seed,
        secondaryId: id,
        wmbusDevice: WMBUS_DEVICES[i % WMBUS_DEVICES.length]!,
        ...(p.wmbusMode ? { wmbusMode: p.wmbusMode } : {}),
        ...(p.receiver ? { receiver: p.receiver } : {}),
      });
    } else {
      const id = `${(i % 9) + 1}${String((p.seed * 7919 + i * 104_729) % 10_000_000).padStart(7, "0")}`;
      out.push({
        id: `OMD${id}`,
        kind: "mbus",
        seed,
        medium: MEDIA[i % MEDIA.length]!,
        primaryAddress: (i % 250) + 1,
        pv: false,
      });
    }
  }
  return out;
}
