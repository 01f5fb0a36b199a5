// Elster F4 / Kamstrup SVM F22: wired M-Bus driver (data only; see ../types.ts).

import type { MeterDriver } from "../types";

export const elsterF22: MeterDriver = {
  name: "elster-f22",
  meter: "Elster F4 / Kamstrup SVM F22",
  source:
    "corpus mbus/valid/svm_f22_telegram1.json (libmbus test frames): standard EN 13757-3 records only, named by quantity, storage, tariff and subunit",
  match: { manufacturer: "SVM", version: 9, medium: 12 },
  fields: [],
  golden: [
    {
      hex: "68 5C 5C 68 08 01 72 89 60 00 01 CD 4E 09 0C 94 70 00 00 04 06 6E 6D 00 00 04 13 45 C6 09 00 84 40 13 45 C6 09 00 02 5B F3 00 02 5F F3 00 02 62 00 00 04 22 E2 18 00 00 04 26 DB 18 00 00 04 3B 00 00 00 00 04 2C 00 00 00 00 04 6D 0C 15 A8 22 84 40 6E 00 00 00 00 84 80 40 6E 00 00 00 00 1F A7 16",
      source:
        "corpus mbus/valid/svm_f22_telegram1.json; expected values: libmbus's normalised output in that file, converted to the field unit",
      expect: {
        total_energy_consumption_kwh: 28014,
        total_volume_m3: 640.581,
        total_volume_subunit_1_m3: 640.581,
        flow_temperature_c: 243,
        return_temperature_c: 243,
        flow_return_temperature_difference_c: 0,
        on_time_h: 6370,
        operating_time_h: 6363,
        volume_flow_m3h: 0,
        current_power_w: 0,
      },
    },
  ],
};
