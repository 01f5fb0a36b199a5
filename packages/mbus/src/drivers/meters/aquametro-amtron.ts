// Aquametro AMTRON: wired M-Bus driver (data only; see ../types.ts).

import type { MeterDriver } from "../types";

export const aquametroAmtron: MeterDriver = {
  name: "aquametro-amtron",
  meter: "Aquametro AMTRON",
  source:
    "corpus mbus/valid/example_data_01.json (libmbus test frames): standard EN 13757-3 records only, named by quantity, storage, tariff and subunit",
  match: { manufacturer: "AMT", version: 52, medium: 4 },
  fields: [],
  golden: [
    {
      hex: "68 31 31 68 08 01 72 45 58 57 03 B4 05 34 04 9E 00 27 B6 03 06 F9 34 15 03 15 C6 00 4D 05 2E 00 00 00 00 05 3D 00 00 00 00 05 5B 22 F3 26 42 05 5F C7 DA 0D 42 FA 16",
      source:
        "corpus mbus/valid/example_data_01.json; expected values: libmbus's normalised output in that file, converted to the field unit",
      expect: {
        total_energy_consumption_kwh: 1389817,
        total_volume_m3: 504647,
        current_power_w: 0,
        volume_flow_m3h: 0,
        flow_temperature_c: 41.737434,
        return_temperature_c: 35.46365,
      },
    },
  ],
};
