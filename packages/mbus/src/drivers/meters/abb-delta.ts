// ABB Delta-Meter: wired M-Bus driver (data only; see ../types.ts).

import type { MeterDriver } from "../types";

export const abbDelta: MeterDriver = {
  name: "abb-delta",
  meter: "ABB Delta-Meter",
  source:
    "corpus mbus/valid/abb_delta.json, berg_dz_plus.json (libmbus test frames): standard EN 13757-3 records only, named by quantity, storage, tariff and subunit",
  match: { manufacturer: "ABB", version: 2, medium: 2 },
  fields: [],
  golden: [
    {
      hex: "68 98 98 68 08 01 72 12 34 56 78 42 04 02 02 45 00 00 00 0E 84 00 00 00 00 00 00 00 8E 10 84 00 00 00 00 00 00 00 8E 20 84 00 00 00 00 00 00 00 8E B0 00 84 00 00 00 00 00 00 00 8E 80 10 84 00 00 00 00 00 00 00 8E 80 40 84 00 00 00 00 00 00 00 8E 90 40 84 00 00 00 00 00 00 00 8E A0 40 84 00 00 00 00 00 00 00 8E B0 40 84 00 00 00 00 00 00 00 8E 80 50 84 00 00 00 00 00 00 00 01 FF 93 00 00 0C FF 92 00 00 00 00 01 07 FD 97 00 00 00 00 00 00 00 00 00 01 FF 98 00 00 1F 75 16",
      source:
        "corpus mbus/valid/abb_delta.json; expected values: libmbus's normalised output in that file, converted to the field unit",
      expect: {
        total_energy_consumption_kwh: 0,
        total_energy_consumption_tariff_1_kwh: 0,
        total_energy_consumption_tariff_2_kwh: 0,
        total_energy_consumption_tariff_3_kwh: 0,
        total_energy_consumption_tariff_4_kwh: 0,
        total_energy_consumption_subunit_2_kwh: 0,
        total_energy_consumption_tariff_1_subunit_2_kwh: 0,
        total_energy_consumption_tariff_2_subunit_2_kwh: 0,
        total_energy_consumption_tariff_3_subunit_2_kwh: 0,
        total_energy_consumption_tariff_4_subunit_2_kwh: 0,
      },
    },
    {
      hex: "68 A3 A3 68 08 00 72 00 00 00 00 42 04 02 02 00 00 00 00 0E 04 00 00 00 00 00 00 8E 10 04 00 00 00 00 00 00 8E 20 04 00 00 00 00 00 00 8E B0 00 04 00 00 00 00 00 00 8E 80 10 04 00 00 00 00 00 00 8E 80 40 04 00 00 00 00 00 00 8E 90 40 04 00 00 00 00 00 00 8E A0 40 04 00 00 00 00 00 00 8E B0 40 04 00 00 00 00 00 00 8E 80 50 04 00 00 00 00 00 00 01 FF 13 00 0B FF 12 00 00 00 0A FF 68 00 00 0A FF 69 00 00 07 FD 17 00 00 00 00 00 00 00 00 01 FF 18 00 1F 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 FC 16",
      source:
        "corpus mbus/valid/berg_dz_plus.json; expected values: libmbus's normalised output in that file, converted to the field unit",
      expect: {
        total_energy_consumption_kwh: 0,
        total_energy_consumption_tariff_1_kwh: 0,
        total_energy_consumption_tariff_2_kwh: 0,
        total_energy_consumption_tariff_3_kwh: 0,
        total_energy_consumption_tariff_4_kwh: 0,
        total_energy_consumption_subunit_2_kwh: 0,
        total_energy_consumption_tariff_1_subunit_2_kwh: 0,
        total_energy_consumption_tariff_2_subunit_2_kwh: 0,
        total_energy_consumption_tariff_3_subunit_2_kwh: 0,
        total_energy_consumption_tariff_4_subunit_2_kwh: 0,
      },
    },
  ],
};
