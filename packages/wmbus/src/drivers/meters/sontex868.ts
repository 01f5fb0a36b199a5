// wmbusmeters driver "sontex868" (heat cost allocation, manufacturer SON): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { rec } from "../fieldsets/records";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_sontex868: WirelessDriver = {
  name: "sontex868",
  meter: "SON heat cost allocation",
  source: CORPUS_SOURCE,
  match: { manufacturer: "SON", version: [22], medium: [0x08] },
  fields: [
    rec("current_temp", "c", "flowTemperature", 0x59),
    rec("current_room_temp", "c", "externalTemperature", 0x65),
    rec("max_temp", "c", "flowTemperature", 0x59),
    rec("max_temp_previous_period", "c", "flowTemperature", 0x59, { function: "maximum", storage: 1 }),
  ],
  payload: [],
  golden: [
    {
      hex: "AF46EE4D2827282716087A80000000046D040A9F2A036E770000426CE1F7436E660000525900008288016C61258388016E0000008D8801EE1E3533FE00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000005FF2D0000803F8520FF2D0000803F0259AD0A0265D8041259AD0A8310FD3100000082106C01018110FD610082206C9F2A0BFD0F01030102FF2C000002FD66AC08",
      source: CORPUS_FILE,
      expect: {
        current_consumption_hca: 119,
        consumption_at_set_date_hca: 102,
        current_temp_c: 27.33,
        current_room_temp_c: 12.4,
        max_temp_c: 27.33,
        max_temp_previous_period_c: 0,
      },
    },
  ],
};
