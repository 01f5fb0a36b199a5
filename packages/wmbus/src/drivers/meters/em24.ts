// wmbusmeters driver "em24" (electricity, manufacturer GAV): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import type { WirelessDriver } from "../types";

export const wm_em24: WirelessDriver = {
  name: "em24",
  meter: "GAV electricity",
  source:
    "github:wmbusmeters/wmbusmeters@4dedd717d3af8043ffa3e94f69476656ccd17bc2 (GPL-3.0), as copied in test/fixtures/wmbusmeters_wmbus.json: telegrams and the values wmbusmeters prints (facts only)",
  match: {
    manufacturer: "GAV",
    version: [0],
    medium: [2],
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
          code: 42,
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
          code: 5,
        },
        vife: [],
      },
    },
    {
      name: "total_reactive_energy_consumption",
      unit: "kvarh",
      quantity: "reactiveEnergy",
      from: {
        function: "instantaneous",
        storage: 0,
        tariff: 0,
        subunit: 0,
        quantity: "reactiveEnergy",
        vif: {
          table: "fb",
          code: 2,
        },
        vife: [117],
      },
    },
    {
      name: "total_reactive_energy_production",
      unit: "kvarh",
      quantity: "reactiveEnergy",
      from: {
        function: "instantaneous",
        storage: 0,
        tariff: 0,
        subunit: 0,
        quantity: "reactiveEnergy",
        vif: {
          table: "fb",
          code: 2,
        },
        vife: [117],
      },
    },
  ],
  payload: [],
  golden: [
    {
      hex: "4144361C0202020200028C209A7A9A0030252F2F04050100000004FB82750000000004FB82F53C00000000042A0000000001FD17002F2F2F2F2F2F2F2F2F2F2F2F2F",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        power_kw: 0,
        total_energy_consumption_kwh: 0.1,
        total_reactive_energy_consumption_kvarh: 0,
        total_reactive_energy_production_kvarh: 0,
      },
    },
  ],
};
