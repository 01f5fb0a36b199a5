// wmbusmeters driver "ultraheat" (heat, manufacturer LUG): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { rec } from "../fieldsets/records";
import { FLOW_M3H, POWER_KW_VIF_2D } from "../fieldsets/shared";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_ultraheat: WirelessDriver = {
  name: "ultraheat",
  meter: "LUG heat",
  source: CORPUS_SOURCE,
  match: { manufacturer: "LUG", version: [4], medium: [0x04] },
  fields: [
    rec("flow", "c", "flowTemperature", 0x5a),
    FLOW_M3H,
    rec("heat", "kwh", "energy", 0x06),
    POWER_KW_VIF_2D,
    rec("return", "c", "returnTemperature", 0x5e),
    rec("volume", "m3", "volume", 0x14),
  ],
  payload: [],
  golden: [
    {
      hex: "3B44A7320556637104047AFA2000202F2F0C06774202000C14399956000B2D0200F00B3B3018000A5A51030A5E520302FD170000066D0C080AF42500",
      source: CORPUS_FILE,
      expect: {
        flow_c: 35.1,
        flow_m3h: 1.83,
        heat_kwh: 24277,
        power_kw: -0.2,
        return_c: 35.2,
        volume_m3: 5699.39,
      },
    },
  ],
};
