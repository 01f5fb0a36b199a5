// wmbusmeters driver "topaseskr" (water, manufacturer AMT): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { bytes, rec, sel } from "../fieldsets/records";
import { TEMPERATURE_C, TOTAL_M3_VIF_13 } from "../fieldsets/shared";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_topaseskr: WirelessDriver = {
  name: "topaseskr",
  meter: "AMT water",
  source: CORPUS_SOURCE,
  match: { manufacturer: "AMT", version: [241], medium: [0x07] },
  fields: [
    rec("battery", "y", "batteryRemaining", ["fd", 0x74]),
    rec("current_flow", "m3h", "volumeFlow", 0x3b),
    rec("reverse_volume_year_period", "m3", "volume", 0x13, { storage: 1, tariff: 1 }),
    TEMPERATURE_C,
    TOTAL_M3_VIF_13,
    rec("volume_month_period", "m3", "volume", 0x13, { storage: 3 }),
    rec("volume_year_period", "m3", "volume", 0x13, { storage: 1 }),
  ],
  payload: [bytes("access", "counter", 0, 1, "uint", undefined, sel("accessNumber", ["fd", 0x08]))],
  golden: [
    {
      hex: "4E44B40553021969F1077A0C0040052F2F01FD08800C13914544004C1393673500CC101300000000CC201393673500426CDF2C0B3B0100F002FD747912025AAE00C4016D3B17FF25CC011325584100",
      source: CORPUS_FILE,
      expect: {
        access_counter: 128,
        battery_y: 12.947562,
        current_flow_m3h: -0.001,
        reverse_volume_year_period_m3: 0,
        temperature_c: 17.4,
        total_m3: 444.591,
        volume_month_period_m3: 415.825,
        volume_year_period_m3: 356.793,
      },
    },
  ],
};
