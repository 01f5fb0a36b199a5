// wmbusmeters driver "multical302" (heat volume at inlet, manufacturer KAM): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import type { WirelessDriver } from "../types";

export const wm_multical302: WirelessDriver = {
  name: "multical302",
  meter: "KAM heat volume at inlet",
  source:
    "github:wmbusmeters/wmbusmeters@4dedd717d3af8043ffa3e94f69476656ccd17bc2 (GPL-3.0), as copied in test/fixtures/wmbusmeters_wmbus.json: telegrams and the values wmbusmeters prints (facts only)",
  match: {
    manufacturer: "KAM",
    version: [48],
    medium: [12],
  },
  fields: [
    {
      name: "power",
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
          code: 45,
        },
        vife: [],
      },
    },
    {
      name: "target_energy",
      unit: "kwh",
      quantity: "energy",
      from: {
        function: "instantaneous",
        storage: 1,
        tariff: 0,
        subunit: 0,
        quantity: "energy",
        vif: {
          table: "primary",
          code: 15,
        },
        vife: [],
      },
    },
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
          code: 15,
        },
        vife: [],
      },
    },
    {
      name: "total_volume",
      unit: "m3",
      quantity: "volume",
      from: {
        function: "instantaneous",
        storage: 0,
        tariff: 0,
        subunit: 0,
        quantity: "volume",
        vif: {
          table: "primary",
          code: 20,
        },
        vife: [],
      },
    },
  ],
  payload: [],
  golden: [
    {
      hex: "25442D2C46464646300C8D20D3E2EB60212B6D79E26DCD65C51000921000152B05BE2B0C0000",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        power_kw: 1.2,
        target_energy_kwh: 11783.333333,
        total_energy_consumption_kwh: 11925,
        total_volume_m3: 3387.09,
      },
    },
    {
      hex: "2E442D2C46464646300C8D207A70EA6021B1C178030FC51000430F9210000314072B05426CBE2B022D0C0001FF2100",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        power_kw: 1.2,
        target_energy_kwh: 11783.333333,
        total_energy_consumption_kwh: 11925,
        total_volume_m3: 3386.95,
      },
    },
  ],
};
