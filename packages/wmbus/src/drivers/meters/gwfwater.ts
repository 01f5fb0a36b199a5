// wmbusmeters driver "gwfwater" (bus/system component, manufacturer GWF): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { ACTUALITY_DURATION_S, TARGET_M3, TOTAL_M3_VIF_13 } from "../fieldsets/shared";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_gwfwater: WirelessDriver = {
  name: "gwfwater",
  meter: "GWF bus/system component",
  source: CORPUS_SOURCE,
  match: { manufacturer: "GWF", version: [1, 60], medium: [0x0e, 0x07] },
  fields: [ACTUALITY_DURATION_S, TARGET_M3, TOTAL_M3_VIF_13],
  payload: [],
  golden: [
    {
      hex: "3144E61E31102220010E8C04F47ABE0420452F2F037410000004133E0000004413FFFFFFFF426CFFFF0F0120012F2F2F2F2F",
      source: CORPUS_FILE,
      expect: { actuality_duration_s: 16, target_m3: -0.001, total_m3: 0.062 },
    },
    {
      hex: "3944E61E46441510020E8C04427250076819E61E3C07B10020452F2F03748B05000413DC690D004413A4630D00426C213C02FD74B5140F0200E3",
      source: CORPUS_FILE,
      expect: { actuality_duration_s: 1419, target_m3: 877.476, total_m3: 879.068 },
    },
  ],
};
