// wmbusmeters driver "hydrus" (water, manufacturer DME): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { rec } from "../fieldsets/records";
import { FLOW_M3H, TOTAL_M3_VIF_13 } from "../fieldsets/shared";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_hydrus: WirelessDriver = {
  name: "hydrus",
  meter: "DME water",
  source: CORPUS_SOURCE,
  match: { manufacturer: "DME", version: [112], medium: [0x07] },
  fields: [
    TOTAL_M3_VIF_13,
    FLOW_M3H,
    rec("remaining_battery_life", "y", "batteryRemaining", ["fd", 0x74]),
    rec("target", "m3", "volume", 0x13, { storage: 3 }),
  ],
  payload: [],
  golden: [
    {
      hex: "4E44A5116464646470077AED0040052F2F01FD08300C13741100007C1300000000FC101300000000FC201300000000726C00000B3B00000002FD748713025A6800C4016D3B177F2ACC011300020000",
      source: CORPUS_FILE,
      expect: {
        total_m3: 1.174,
        flow_m3h: 0,
        flow_temperature_c: 10.4,
        remaining_battery_life_y: 13.686797,
        target_m3: 0.2,
      },
    },
  ],
};
