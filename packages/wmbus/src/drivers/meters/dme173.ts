// wmbusmeters driver "dme173" (water, manufacturer DME): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { rec } from "../fieldsets/records";
import { TARGET_M3_VIF_13, TOTAL_M3_VIF_13 } from "../fieldsets/shared";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_dme173: WirelessDriver = {
  name: "dme173",
  meter: "DME water",
  source: CORPUS_SOURCE,
  match: { manufacturer: "DME", version: [99], medium: [0x07] },
  fields: [TARGET_M3_VIF_13, rec("total_at_set_date", "m3", "volume", 0x13, { storage: 1 }), TOTAL_M3_VIF_13],
  payload: [],
  golden: [
    {
      hex: "5344A5113322332263078C0085900F002C256C1601004BB24778D6AC091E7ADF003107102F2F0C138386000004FD17000000000A5A550002FD74EE114C1300020000426C3F3C84046D3B375F318C041374460000",
      source: CORPUS_FILE,
      expect: { flow_temperature_c: 5.5, target_m3: 4.674, total_at_set_date_m3: 0.2, total_m3: 8.683 },
    },
  ],
};
