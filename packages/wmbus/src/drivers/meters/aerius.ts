// wmbusmeters driver "aerius" (gas, manufacturer DME): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { rec } from "../fieldsets/records";
import { FLOW_M3H, TEMPERATURE_C } from "../fieldsets/shared";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_aerius: WirelessDriver = {
  name: "aerius",
  meter: "DME gas",
  source: CORPUS_SOURCE,
  match: { manufacturer: "DME", version: [48], medium: [0x03] },
  fields: [
    rec("total", "m3", "volume", 0x13, { vife: [0x3e] }),
    FLOW_M3H,
    TEMPERATURE_C,
    rec("target", "m3", "volume", 0x13, { storage: 3, vife: [0x3e] }),
  ],
  payload: [],
  golden: [
    {
      hex: "2E44A5119870659930037A060020052F2F0C933E842784060A3B00000A5A5901C4016D3B37DF2CCC01933E24032606",
      source: CORPUS_FILE,
      expect: { total_m3: 6842.784, flow_m3h: 0, temperature_c: 15.9, target_m3: 6260.324 },
    },
  ],
};
