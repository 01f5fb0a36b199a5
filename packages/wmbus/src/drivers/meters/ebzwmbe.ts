// wmbusmeters driver "ebzwmbe" (electricity, manufacturer EBZ): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import type { WirelessDriver } from "../types";

export const wm_ebzwmbe: WirelessDriver = {
  name: "ebzwmbe",
  meter: "EBZ electricity",
  source:
    "github:wmbusmeters/wmbusmeters@4dedd717d3af8043ffa3e94f69476656ccd17bc2 (GPL-3.0), as copied in test/fixtures/wmbusmeters_wmbus.json: telegrams and the values wmbusmeters prints (facts only)",
  match: {
    manufacturer: "EBZ",
    version: [1],
    medium: [2],
  },
  fields: [
    {
      name: "total_energy_consumption",
      unit: "kwh",
      quantity: "energy",
      from: {
        function: "instantaneous",
        storage: 0,
        tariff: 0,
        subunit: 0,
        quantity: "energy",
        vif: {
          table: "primary",
          code: 3,
        },
        vife: [],
      },
    },
    {
      name: "current_power_consumption_phase1",
      unit: "kw",
      quantity: "power",
      from: {
        function: "instantaneous",
        storage: 0,
        tariff: 0,
        subunit: 0,
        quantity: "power",
        vif: {
          table: "primary",
          code: 41,
        },
        vife: [127, 1],
      },
    },
    {
      name: "current_power_consumption_phase2",
      unit: "kw",
      quantity: "power",
      from: {
        function: "instantaneous",
        storage: 0,
        tariff: 0,
        subunit: 0,
        quantity: "power",
        vif: {
          table: "primary",
          code: 41,
        },
        vife: [127, 2],
      },
    },
    {
      name: "current_power_consumption_phase3",
      unit: "kw",
      quantity: "power",
      from: {
        function: "instantaneous",
        storage: 0,
        tariff: 0,
        subunit: 0,
        quantity: "power",
        vif: {
          table: "primary",
          code: 41,
        },
        vife: [127, 3],
      },
    },
  ],
  payload: [],
  golden: [
    {
      hex: "5B445A149922992202378C20F6900F002C25BC9E0000BF48954821BC508D72992299225A140102F6003007102F2F040330F92A0004A9FF01FF24000004A9FF026A29000004A9FF03460600000DFD11063132333435362F2F2F2F2F2F",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        total_energy_consumption_kwh: 2816.304,
        current_power_consumption_phase1_kw: 0.09471,
        current_power_consumption_phase2_kw: 0.10602,
        current_power_consumption_phase3_kw: 0.01606,
      },
    },
  ],
};
