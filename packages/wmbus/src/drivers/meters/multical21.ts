// wmbusmeters driver "multical21" (cold water, manufacturer KAM): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { rec } from "../fieldsets/records";
import { MIN_EXTERNAL_TEMPERATURE_LAST_MONTH_C, TARGET_M3, TOTAL_M3_VIF_13 } from "../fieldsets/shared";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_multical21: WirelessDriver = {
  name: "multical21",
  meter: "KAM cold water",
  source: CORPUS_SOURCE,
  match: { manufacturer: "KAM", version: [27], medium: [0x16] },
  fields: [
    MIN_EXTERNAL_TEMPERATURE_LAST_MONTH_C,
    rec("flow_temperature", "c", "flowTemperature", 0x5b, { function: "minimum", storage: 1 }),
    TARGET_M3,
    TOTAL_M3_VIF_13,
  ],
  payload: [],
  golden: [
    {
      hex: "2A442D2C998734761B168D2091D37CAC21576C7802FF207100041308190000441308190000615B7F616713",
      source: CORPUS_FILE,
      expect: {
        min_external_temperature_last_month_c: 19,
        flow_temperature_c: 127,
        target_m3: 6.408,
        total_m3: 6.408,
      },
    },
  ],
};
