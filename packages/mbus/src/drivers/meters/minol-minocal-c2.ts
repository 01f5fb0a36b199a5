// Minol Minocal C2: wired M-Bus driver (data only; see ../types.ts).

import type { MeterDriver } from "../types";

export const minolMinocalC2: MeterDriver = {
  name: "minol-minocal-c2",
  meter: "Minol Minocal C2",
  source:
    "corpus mbus/valid/minol_minocal_c2.json (libmbus test frames): standard EN 13757-3 records only, named by quantity, storage, tariff and subunit",
  match: { manufacturer: "ZRM", version: 129, medium: 4 },
  fields: [],
  golden: [
    {
      hex: "68 EF EF 68 08 02 72 84 50 42 31 4D 6A 81 04 24 27 00 00 04 06 03 00 00 00 02 FD 17 00 00 84 04 6D 00 00 A1 11 84 04 06 03 00 00 00 84 05 06 00 00 00 00 04 13 49 00 00 00 04 3B 00 00 00 00 54 3B 2B 00 00 00 54 6D 1E 08 61 19 04 2D 00 00 00 00 94 01 2D 14 00 00 00 94 01 6D 1E 08 61 19 02 59 D9 07 02 5D 87 07 04 6D 35 0B 8D 11 82 80 01 6C 81 11 84 80 01 06 03 00 00 00 C2 80 01 6C 61 1C C4 80 01 06 03 00 00 00 82 81 01 6C 61 1B 84 81 01 06 03 00 00 00 C2 81 01 6C 61 1A C4 81 01 06 03 00 00 00 82 82 01 6C 61 19 84 82 01 06 00 00 00 00 C2 82 01 6C 61 18 C4 82 01 06 00 00 00 00 82 83 01 6C 61 17 84 83 01 06 00 00 00 00 C2 83 01 6C 61 16 C4 83 01 06 00 00 00 00 92 80 01 6C 81 11 94 80 01 3B 01 00 00 00 94 80 01 2D 00 00 00 00 8E 16",
      source:
        "corpus mbus/valid/minol_minocal_c2.json; expected values: libmbus's normalised output in that file, converted to the field unit",
      expect: {
        total_energy_consumption_kwh: 3,
        total_energy_consumption_storage_8_kwh: 3,
        total_energy_consumption_storage_10_kwh: 0,
        total_volume_m3: 0.073,
        volume_flow_m3h: 0,
        max_volume_flow_storage_1_m3h: 0.043,
        current_power_w: 0,
        max_current_power_storage_2_w: 2000,
        flow_temperature_c: 20.09,
        return_temperature_c: 19.27,
        total_energy_consumption_storage_32_kwh: 3,
        total_energy_consumption_storage_33_kwh: 3,
        total_energy_consumption_storage_34_kwh: 3,
        total_energy_consumption_storage_35_kwh: 3,
        total_energy_consumption_storage_36_kwh: 0,
        total_energy_consumption_storage_37_kwh: 0,
        total_energy_consumption_storage_38_kwh: 0,
        total_energy_consumption_storage_39_kwh: 0,
        max_volume_flow_storage_32_m3h: 0.001,
        max_current_power_storage_32_w: 0,
      },
    },
  ],
};
