// wmbusmeters driver "ultrimis" (cold water, manufacturer APA): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { rec } from "../fieldsets/records";
import { TARGET_M3, TOTAL_M3_VIF_13 } from "../fieldsets/shared";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_ultrimis: WirelessDriver = {
  name: "ultrimis",
  meter: "APA cold water",
  source: CORPUS_SOURCE,
  match: { manufacturer: "APA", version: [1], medium: [0x16] },
  fields: [TOTAL_M3_VIF_13, TARGET_M3, rec("total_backward_flow", "m3", "volume", 0x13, { vife: [0x3c] })],
  payload: [],
  golden: [
    {
      hex: "2E4401069897969501167A4B0320052F2F0413320C000003FD1700000044132109000004933C000000002F2F2F2F2F",
      source: CORPUS_FILE,
      expect: { total_m3: 3.122, target_m3: 2.337, total_backward_flow_m3: 0 },
    },
  ],
};
