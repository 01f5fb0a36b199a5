// Itron CYBLE M-Bus 1.4: wired M-Bus driver (data only; see ../types.ts).
import { repeated, standard } from "../fieldsets/standard";
import type { MeterDriver } from "../types";

export const itronCybleV14: MeterDriver = {
  name: "itron-cyble-v14",
  meter: "Itron CYBLE M-Bus 1.4",
  source:
    "corpus mbus/valid/itron_cyble_m-bus_v1.4_cold_water.json, itron_cyble_m-bus_v1.4_water.json (libmbus test frames): standard EN 13757-3 records only, named by quantity, storage, tariff and subunit",
  match: { manufacturer: "ACW", version: 20, medium: [22, 7] },
  fields: [standard("fabricationNumber"), standard("dateTime"), standard("volume"), repeated("volume", 2)],
  golden: [
    {
      hex: "68 56 56 68 08 08 72 80 03 02 10 77 04 14 16 A1 00 00 00 0C 78 80 03 02 10 0D 7C 08 44 49 20 2E 74 73 75 63 0A 20 20 20 20 20 20 20 20 20 20 04 6D 27 0F 79 1A 02 7C 09 65 6D 69 74 20 2E 74 61 62 D2 0F 04 15 B7 11 00 00 04 95 7F 00 00 00 00 44 15 B7 11 00 00 0F 00 04 1F 0D 16",
      source:
        "corpus mbus/valid/itron_cyble_m-bus_v1.4_cold_water.json; expected values: libmbus's normalised output in that file, converted to the field unit",
      expect: {
        total_volume_m3: 453.5,
        total_volume_2_m3: 0,
        target_volume_m3: 453.5,
      },
    },
    {
      hex: "68 56 56 68 08 01 72 71 00 00 12 77 04 14 07 0A 30 00 00 0C 78 71 00 00 12 0D 7C 08 44 49 20 2E 74 73 75 63 0A 45 4C 42 59 43 20 54 53 45 54 04 6D 2B 0D 98 11 02 7C 09 65 6D 69 74 20 2E 74 61 62 F2 10 04 14 3D 30 00 00 04 94 7F 14 00 00 00 44 14 00 00 00 00 0F 10 01 1F 2F 16",
      source:
        "corpus mbus/valid/itron_cyble_m-bus_v1.4_water.json; expected values: libmbus's normalised output in that file, converted to the field unit",
      expect: {
        total_volume_m3: 123.49,
        total_volume_2_m3: 0.2,
        target_volume_m3: 0,
      },
    },
  ],
};
