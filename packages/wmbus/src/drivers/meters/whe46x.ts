// wmbusmeters driver "whe46x" (heat cost allocation, manufacturer LSE): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_whe46x: WirelessDriver = {
  name: "whe46x",
  meter: "LSE heat cost allocation",
  source: CORPUS_SOURCE,
  match: { manufacturer: "LSE", version: [24], medium: [0x08] },
  fields: [],
  payload: [],
  golden: [
    {
      hex: "344465325566366018087A90040000046D1311962C01FD0C03326CFFFF01FD7300025AC2000DFF5F0C0008003030810613080BFFFC",
      source: CORPUS_FILE,
      expect: { flow_temperature_c: 19.4 },
    },
  ],
};
