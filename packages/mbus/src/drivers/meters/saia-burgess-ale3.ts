// electricity-meter-1: wired M-Bus driver (data only; see ../types.ts).
import { repeated, standard } from "../fieldsets/standard";
import type { MeterDriver } from "../types";

export const saiaBurgessAle3: MeterDriver = {
  name: "saia-burgess-ale3",
  meter: "electricity-meter-1",
  source:
    "corpus mbus/valid/electricity-meter-1.json (libmbus test frames): standard EN 13757-3 records only, named by quantity, storage, tariff and subunit",
  match: { manufacturer: "SBC", version: 18, medium: 2 },
  fields: [
    standard("energy", { tariff: 1 }),
    standard("energy", { storage: 2, tariff: 1 }),
    standard("energy", { tariff: 2 }),
    standard("energy", { storage: 2, tariff: 2 }),
    standard("voltage"),
    standard("current"),
    standard("power"),
    standard("power", { subunit: 1 }),
    repeated("voltage", 2),
    repeated("current", 2),
    repeated("power", 2),
    repeated("power", 2, { subunit: 1 }),
    repeated("voltage", 3),
    repeated("current", 3),
    repeated("power", 3),
    repeated("power", 3, { subunit: 1 }),
    repeated("power", 4),
    repeated("power", 4, { subunit: 1 }),
  ],
  golden: [
    {
      hex: "68 92 92 68 08 01 72 3E 02 00 05 43 4C 12 02 13 00 00 00 8C 10 04 52 12 00 00 8C 11 04 52 12 00 00 8C 20 04 33 44 77 01 8C 21 04 33 44 77 01 02 FD C9 FF 01 ED 00 02 FD DB FF 01 20 00 02 AC FF 01 4F 00 82 40 AC FF 01 EE FF 02 FD C9 FF 02 E7 00 02 FD DB FF 02 23 00 02 AC FF 02 51 00 82 40 AC FF 02 F1 FF 02 FD C9 FF 03 E4 00 02 FD DB FF 03 45 00 02 AC FF 03 A0 00 82 40 AC FF 03 E0 FF 02 FF 68 00 00 02 AC FF 00 40 01 82 40 AC FF 00 BF FF 01 FF 13 04 D9 16",
      source:
        "corpus mbus/valid/electricity-meter-1.json; expected values: libmbus's normalised output in that file, converted to the field unit",
      expect: {
        total_energy_consumption_tariff_1_kwh: 12.52,
        total_energy_consumption_storage_2_tariff_1_kwh: 12.52,
        total_energy_consumption_tariff_2_kwh: 17744.33,
        total_energy_consumption_storage_2_tariff_2_kwh: 17744.33,
        voltage_v: 237,
        current_a: 3.2,
        current_power_w: 790,
        current_power_subunit_1_w: -180,
        voltage_2_v: 231,
        current_2_a: 3.5,
        current_power_2_w: 810,
        current_power_subunit_1_2_w: -150,
        voltage_3_v: 228,
        current_3_a: 6.9,
        current_power_3_w: 1600,
        current_power_subunit_1_3_w: -320,
        current_power_4_w: 3200,
        current_power_subunit_1_4_w: -650,
      },
    },
  ],
};
