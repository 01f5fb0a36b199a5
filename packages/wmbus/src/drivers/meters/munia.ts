// wmbusmeters driver "munia" (room sensor, manufacturer WEP): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { rec } from "../fieldsets/records";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_munia: WirelessDriver = {
  name: "munia",
  meter: "WEP room sensor",
  source: CORPUS_SOURCE,
  match: { manufacturer: "WEP", version: [2], medium: [0x1b] },
  fields: [rec("current_temperature", "c", "externalTemperature", 0x66)],
  payload: [],
  golden: [
    {
      hex: "2E44B05C82340100021B7A460000002F2F0A6601020AFB1A570602FD971D00002F2F2F2F2F2F2F2F2F2F2F2F2F2F2F",
      source: CORPUS_FILE,
      expect: { current_temperature_c: 20.1, current_relative_humidity_rh: 65.7 },
    },
  ],
};
