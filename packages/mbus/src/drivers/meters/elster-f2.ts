// Elster F2 / Deltamess F2: wired M-Bus driver (data only; see ../types.ts).

import type { MeterDriver } from "../types";

export const elsterF2: MeterDriver = {
  name: "elster-f2",
  meter: "Elster F2 / Deltamess F2",
  source:
    "corpus mbus/valid/Elster-F2.json (libmbus test frames): standard EN 13757-3 records only, named by quantity, storage, tariff and subunit",
  match: { manufacturer: "SVM", version: 8, medium: 4 },
  fields: [],
  golden: [
    {
      hex: "68 90 90 68 08 01 72 57 26 80 00 CD 4E 08 04 46 00 00 00 04 06 98 14 00 00 04 14 6B D6 01 00 84 40 14 79 66 01 00 02 5B 1C 00 02 5F 22 00 02 62 00 00 04 22 B1 A1 00 00 04 26 B1 A1 00 00 04 3B 00 00 00 00 04 2C 00 00 00 00 04 6D 0C 0C BD 16 84 40 6E 00 00 00 00 84 80 40 6E 00 00 00 00 1F C4 09 01 01 12 00 01 01 01 07 57 26 80 00 CD 4E 08 04 07 A3 FF 03 57 26 80 00 04 04 0D 02 FF 0F 05 3C FF 62 E7 62 96 0A 89 0A 02 00 15 40 17 01 00 00 63 42 DE 16",
      source:
        "corpus mbus/valid/Elster-F2.json; expected values: libmbus's normalised output in that file, converted to the field unit",
      expect: {
        total_energy_consumption_kwh: 5272,
        total_volume_m3: 1204.27,
        total_volume_subunit_1_m3: 917.69,
        flow_temperature_c: 28,
        return_temperature_c: 34,
        flow_return_temperature_difference_c: 0,
        on_time_h: 41393,
        operating_time_h: 41393,
        volume_flow_m3h: 0,
        current_power_w: 0,
      },
    },
  ],
};
