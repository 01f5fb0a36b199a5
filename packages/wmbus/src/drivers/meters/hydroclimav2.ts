// wmbusmeters driver "hydroclimav2" (heat cost allocation, manufacturer BMP): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { bytes, rec } from "../fieldsets/records";
import { CONSUMPTION_AT_SET_DATE_1_HCA, CONSUMPTION_HCA, TARGET_HCA } from "../fieldsets/shared";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_hydroclimav2: WirelessDriver = {
  name: "hydroclimav2",
  meter: "BMP heat cost allocation",
  source: CORPUS_SOURCE,
  match: { manufacturer: "BMP", version: [133], medium: [0x08] },
  fields: [
    CONSUMPTION_AT_SET_DATE_1_HCA,
    rec("consumption_at_set_date_2", "hca", "hcaUnits", 0x6e, { storage: 1 }),
    rec("consumption_at_set_date_3", "hca", "hcaUnits", 0x6e, { storage: 1 }),
    rec("consumption_at_set_date_4", "hca", "hcaUnits", 0x6e, { storage: 1 }),
    CONSUMPTION_HCA,
    TARGET_HCA,
  ],
  payload: [
    bytes("ambient_temperature_at_set_date_1", "c", 29, 2, "uint", 0.01),
    bytes("ambient_temperature_at_set_date_2", "c", 31, 3, "uint", 0.01),
    bytes("average_ambient_temperature", "c", 11, 2, "uint", 0.01),
    bytes("average_ambient_temperature_last_month", "c", 19, 4, "uint", 0.01),
    bytes("average_heater_temperature", "c", 9, 2, "uint", 0.01),
    bytes("average_heater_temperature_last_month", "c", 17, 2, "uint", 0.01),
    bytes("max_ambient_temperature", "c", 13, 2, "uint", 0.01),
    bytes("total_consumption", "hca", 44, 3, "uint"),
  ],
  golden: [
    {
      hex: "5144B0092110009385088C20FB7AFB4040252F2F036E000000436E000000426C3F350F110001B9604734CE2E2708FD071B088832940766070000000000000000C407260800802DD400000000000000220000",
      source: CORPUS_FILE,
      expect: {
        ambient_temperature_at_set_date_1_c: 19.88,
        ambient_temperature_at_set_date_2_c: 20.86,
        average_ambient_temperature_c: 20.45,
        average_ambient_temperature_last_month_c: 18.94,
        average_heater_temperature_c: 20.87,
        average_heater_temperature_last_month_c: 19.4,
        consumption_at_set_date_1_hca: 0,
        consumption_at_set_date_2_hca: 0,
        consumption_at_set_date_3_hca: 0,
        consumption_at_set_date_4_hca: 0,
        consumption_hca: 0,
        max_ambient_temperature_c: 20.75,
        target_hca: 0,
        total_consumption_hca: 34,
      },
    },
  ],
};
