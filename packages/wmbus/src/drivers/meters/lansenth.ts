// wmbusmeters driver "lansenth" (room sensor, manufacturer LAS): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { rec } from "../fieldsets/records";
import { LANSENTH_FIELDS } from "../fieldsets/shared";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_lansenth: WirelessDriver = {
  name: "lansenth",
  meter: "LAS room sensor",
  source: CORPUS_SOURCE,
  match: { manufacturer: "LAS", version: [7], medium: [0x1b] },
  fields: [...LANSENTH_FIELDS, rec("average_relative_humidity_1h", "rh", "relativeHumidity", ["fb", 0x1a])],
  payload: [],
  golden: [
    {
      hex: "2E44333003020100071B7A634820252F2F0265840842658308820165950802FB1AAE0142FB1AAE018201FB1AA9012F",
      source: CORPUS_FILE,
      expect: {
        current_temperature_c: 21.8,
        current_relative_humidity_rh: 43,
        average_temperature_1h_c: 21.79,
        average_relative_humidity_1h_rh: 43,
        average_temperature_24h_c: 21.97,
        average_relative_humidity_24h_rh: 42.5,
      },
    },
  ],
};
