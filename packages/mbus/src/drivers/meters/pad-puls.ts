// frame2: wired M-Bus driver (data only; see ../types.ts).

import type { MeterDriver } from "../types";

export const padPuls: MeterDriver = {
  name: "pad-puls",
  meter: "frame2",
  source:
    "corpus mbus/valid/frame2.json, manual_frame3.json (libmbus test frames): standard EN 13757-3 records only, named by quantity, storage, tariff and subunit",
  match: { manufacturer: "PAD", version: 1, medium: 7 },
  fields: [],
  golden: [
    {
      hex: "68 1F 1F 68 08 02 72 78 56 34 12 24 40 01 07 55 00 00 00 03 13 15 31 00 DA 02 3B 13 01 8B 60 04 37 18 02 18 16",
      source:
        "corpus mbus/valid/frame2.json; expected values: libmbus's normalised output in that file, converted to the field unit",
      expect: {
        total_volume_m3: 12.565,
        max_volume_flow_storage_5_m3h: 0.113,
        total_energy_consumption_tariff_2_subunit_1_kwh: 218.37,
      },
    },
    {
      hex: "68 1F 1F 68 08 02 72 78 56 34 12 24 40 01 07 55 00 00 00 03 13 15 31 00 DA 02 3B 13 01 8B 60 04 37 18 02 18 16",
      source:
        "corpus mbus/valid/manual_frame3.json; expected values: libmbus's normalised output in that file, converted to the field unit",
      expect: {
        total_volume_m3: 12.565,
        max_volume_flow_storage_5_m3h: 0.113,
        total_energy_consumption_tariff_2_subunit_1_kwh: 218.37,
      },
    },
  ],
};
