// wmbusmeters driver "lansenrp" (reserved, manufacturer LAS): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { rec } from "../fieldsets/records";
import { BATTERY_V } from "../fieldsets/shared";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_lansenrp: WirelessDriver = {
  name: "lansenrp",
  meter: "LAS reserved",
  source: CORPUS_SOURCE,
  match: { manufacturer: "LAS", version: [11], medium: [0x32] },
  fields: [
    BATTERY_V,
    rec("listen_timer_value", "counter", "dimensionless", ["fd", 0x3a], { storage: 1 }),
    rec("pause_timer_value", "counter", "dimensionless", ["fd", 0x3a], { storage: 2 }),
    rec("seconds_to_mode_change", "counter", "dimensionless", ["fd", 0x3a], { subunit: 3 }),
    rec("start_time_value", "counter", "dimensionless", ["fd", 0x3a], { storage: 4 }),
    rec("total_routed_messages", "counter", "dimensionless", ["fd", 0x3a]),
    rec("used_router_slots", "counter", "dimensionless", ["fd", 0x3a], { subunit: 1 }),
  ],
  payload: [],
  golden: [
    {
      hex: "54443330465903000B327A2B0000402F2F04FD3A946709008240FD3A600002FD0F9500818040FD3A0084C040FD3A8838000042FD3A28008201FD3A8C05C101FD3A7F8202FD3A3804066D35122EFB2B0002FD46D00C",
      source: CORPUS_FILE,
      expect: {
        battery_v: 3.28,
        listen_timer_value_counter: 40,
        pause_timer_value_counter: 1420,
        seconds_to_mode_change_counter: 14472,
        start_time_value_counter: 1080,
        total_routed_messages_counter: 616340,
        used_router_slots_counter: 96,
      },
    },
  ],
};
