// Engelmann WaterStar: wired M-Bus driver (data only; see ../types.ts).
import { repeated, standard } from "../fieldsets/standard";
import type { MeterDriver } from "../types";

export const engelmannWaterstar: MeterDriver = {
  name: "engelmann-waterstar",
  meter: "Engelmann WaterStar",
  source:
    "corpus mbus/valid/EFE_Engelmann-WaterStar.json (libmbus test frames): standard EN 13757-3 records only, named by quantity, storage, tariff and subunit",
  match: { manufacturer: "EFE", version: 0, medium: 6 },
  fields: [
    standard("fabricationNumber"),
    standard("dateTime"),
    standard("volume"),
    standard("volume", { storage: 1 }),
    standard("volume", { storage: 2 }),
    standard("date", { storage: 1 }),
    standard("date"),
    standard("volumeFlow"),
    standard("volumeFlow", { function: "maximum" }),
    standard("onTime"),
    repeated("volume", 2),
  ],
  golden: [
    {
      hex: "68 51 51 68 08 0B 72 54 02 99 04 C5 14 00 06 0C 27 00 00 04 78 2E 25 4C 00 04 6D 0A 0C CD 13 04 13 4C 01 00 00 44 13 4B 01 00 00 84 01 13 4C 01 00 00 42 6C BF 1C 02 6C DF 1C 04 3B 00 00 00 00 14 3B 16 08 00 00 02 23 A7 04 01 FD 17 00 04 90 28 08 00 00 00 3F 16",
      source:
        "corpus mbus/valid/EFE_Engelmann-WaterStar.json; expected values: libmbus's normalised output in that file, converted to the field unit",
      expect: {
        total_volume_m3: 0.332,
        target_volume_m3: 0.331,
        total_volume_storage_2_m3: 0.332,
        volume_flow_m3h: 0,
        max_volume_flow_m3h: 2.07,
        on_time_h: 28584,
        total_volume_2_m3: 0.000008,
      },
    },
  ],
};
