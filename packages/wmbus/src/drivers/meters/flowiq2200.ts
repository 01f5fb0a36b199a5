// wmbusmeters driver "flowiq2200" (cold water, manufacturer KAW): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { rec } from "../fieldsets/records";
import {
  FLOW_M3H,
  MIN_EXTERNAL_TEMPERATURE_LAST_MONTH_C,
  TARGET_M3,
  TOTAL_M3_VIF_13,
} from "../fieldsets/shared";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_flowiq2200: WirelessDriver = {
  name: "flowiq2200",
  meter: "KAW cold water",
  source: CORPUS_SOURCE,
  match: { manufacturer: "KAW", version: [60], medium: [0x16] },
  fields: [
    FLOW_M3H,
    rec("max_external_temperature", "c", "externalTemperature", 0x67, { function: "maximum", storage: 1 }),
    TARGET_M3,
    TOTAL_M3_VIF_13,
    MIN_EXTERNAL_TEMPERATURE_LAST_MONTH_C,
  ],
  payload: [],
  golden: [
    {
      hex: "4744372C763081233C168D2056D1ED11205A3C7804FF2300080000441300000000523B000006FF1B08900008F0FF426CC12B61670A51671B023B000004131F0F00008101E7FF0F13",
      source: CORPUS_FILE,
      expect: {
        flow_m3h: 0,
        max_external_temperature_c: 27,
        target_m3: 0,
        total_m3: 3.871,
        min_external_temperature_last_month_c: 10,
      },
    },
  ],
};
