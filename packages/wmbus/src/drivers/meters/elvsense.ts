// wmbusmeters driver "elvsense" (room sensor, manufacturer ELV): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { rec } from "../fieldsets/records";
import { BATTERY_V } from "../fieldsets/shared";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_elvsense: WirelessDriver = {
  name: "elvsense",
  meter: "ELV room sensor",
  source: CORPUS_SOURCE,
  match: { manufacturer: "ELV", version: [80], medium: [0x1b] },
  fields: [
    BATTERY_V,
    rec("temperature", "c", "externalTemperature", 0x65),
    rec("co2", "ppm", "plainText", null, { plainText: "CO2" }),
    rec("humidity", "rh", "relativeHumidity", ["fb", 0x1a]),
  ],
  payload: [],
  golden: [
    {
      hex: "1844961557890080501B7AEA00012002656F0802FD46610E0F",
      source: CORPUS_FILE,
      expect: { battery_v: 3.681, temperature_c: 21.59 },
    },
    {
      hex: "2B44961558890080501B7AFF0010252F2F0265680802FD46630E02FB1A0700027C03324F4300010F2F2F2F2F",
      source: CORPUS_FILE,
      expect: { battery_v: 3.683, co2_ppm: 256, humidity_rh: 0.7, temperature_c: 21.52 },
    },
  ],
};
