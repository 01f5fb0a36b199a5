// wmbusmeters driver "kaden" (heat cost allocation, manufacturer VIP): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { rec } from "../fieldsets/records";
import { CONSUMPTION_HCA, TARGET_HCA } from "../fieldsets/shared";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_kaden: WirelessDriver = {
  name: "kaden",
  meter: "VIP heat cost allocation",
  source: CORPUS_SOURCE,
  match: { manufacturer: "VIP", version: [30], medium: [0x08] },
  fields: [
    CONSUMPTION_HCA,
    rec("no_measurement_duration", "h", "actualityDuration", 0x75),
    rec("no_measurement_duration_last_year", "h", "actualityDuration", 0x75, { storage: 1 }),
    rec("tampering_duration", "h", "actualityDuration", 0x74),
    TARGET_HCA,
  ],
  payload: [],
  golden: [
    {
      hex: "4E443059040680231E087AC40040050E6AA476257C0C3ADAE8277EDC999B39B38222FCB387A91E94CB6ED47CEEC6470F5F686F89A8574415FA262BD43C88F7F153CE3C66E8E44DA338A06C62AB21B1",
      key: "82B0551191F51D66EFCDAB8967452301",
      source: CORPUS_FILE,
      expect: {
        consumption_hca: 0,
        external_temperature_c: 19.6,
        flow_temperature_c: 19.7,
        no_measurement_duration_h: 940.016667,
        no_measurement_duration_last_year_h: 5088,
        tampering_duration_h: 0.003611,
        target_hca: 3,
      },
    },
  ],
};
