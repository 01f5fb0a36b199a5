// wmbusmeters driver "itron" (water, manufacturer ITW): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { TARGET_M3, TOTAL_BACKWARD_M3, TOTAL_M3_VIF_13 } from "../fieldsets/shared";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_itron: WirelessDriver = {
  name: "itron",
  meter: "ITW water",
  source: CORPUS_SOURCE,
  match: { manufacturer: "ITW", version: [3, 51], medium: [0x07] },
  fields: [TOTAL_M3_VIF_13, TARGET_M3, TOTAL_BACKWARD_M3],
  payload: [],
  golden: [
    {
      hex: "384497269856341203077AD90000A00413FD110000066D2C1AA1D521004413300F0000426CBF2C047F0000060C027F862A0E79678372082100",
      source: CORPUS_FILE,
      expect: { total_m3: 4.605, target_m3: 3.888 },
    },
    {
      hex: "46449726560000183307725600001897263307AF0030052F2F066D0E1015C82A000C13771252000C933C000000000B3B0400004C1361045200426CC12A03FD971C0000002F2F2F",
      source: CORPUS_FILE,
      expect: { total_m3: 521.277, total_backward_m3: 0, volume_flow_m3h: 0.004, target_m3: 520.461 },
    },
  ],
};
