// wmbusmeters driver "kaden" (heat cost allocation, manufacturer VIP): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import type { WirelessDriver } from "../types";

export const wm_kaden: WirelessDriver = {
  name: "kaden",
  meter: "VIP heat cost allocation",
  source:
    "github:wmbusmeters/wmbusmeters@4dedd717d3af8043ffa3e94f69476656ccd17bc2 (GPL-3.0), as copied in test/fixtures/wmbusmeters_wmbus.json: telegrams and the values wmbusmeters prints (facts only)",
  match: {
    manufacturer: "VIP",
    version: [30],
    medium: [8],
  },
  fields: [
    {
      name: "consumption",
      unit: "hca",
      quantity: "hcaUnits",
      from: {
        function: "instantaneous",
        storage: 0,
        tariff: 0,
        subunit: 0,
        quantity: "hcaUnits",
        vif: {
          table: "primary",
          code: 110,
        },
        vife: [],
      },
    },
    {
      name: "external_temperature",
      unit: "c",
      quantity: "externalTemperature",
      from: {
        function: "instantaneous",
        storage: 0,
        tariff: 0,
        subunit: 0,
        quantity: "externalTemperature",
        vif: {
          table: "primary",
          code: 102,
        },
        vife: [],
      },
    },
    {
      name: "flow_temperature",
      unit: "c",
      quantity: "flowTemperature",
      from: {
        function: "instantaneous",
        storage: 0,
        tariff: 0,
        subunit: 0,
        quantity: "flowTemperature",
        vif: {
          table: "primary",
          code: 90,
        },
        vife: [],
      },
    },
    {
      name: "no_measurement_duration",
      unit: "h",
      quantity: "actualityDuration",
      from: {
        function: "instantaneous",
        storage: 0,
        tariff: 0,
        subunit: 0,
        quantity: "actualityDuration",
        vif: {
          table: "primary",
          code: 117,
        },
        vife: [],
      },
    },
    {
      name: "no_measurement_duration_last_year",
      unit: "h",
      quantity: "actualityDuration",
      from: {
        function: "instantaneous",
        storage: 1,
        tariff: 0,
        subunit: 0,
        quantity: "actualityDuration",
        vif: {
          table: "primary",
          code: 117,
        },
        vife: [],
      },
    },
    {
      name: "target",
      unit: "hca",
      quantity: "hcaUnits",
      from: {
        function: "instantaneous",
        storage: 1,
        tariff: 0,
        subunit: 0,
        quantity: "hcaUnits",
        vif: {
          table: "primary",
          code: 110,
        },
        vife: [],
      },
    },
  ],
  payload: [],
  golden: [
    {
      hex: "4E443059040680231E087AC40040050E6AA476257C0C3ADAE8277EDC999B39B38222FCB387A91E94CB6ED47CEEC6470F5F686F89A8574415FA262BD43C88F7F153CE3C66E8E44DA338A06C62AB21B1",
      key: "82B0551191F51D66EFCDAB8967452301",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        consumption_hca: 0,
        external_temperature_c: 19.6,
        flow_temperature_c: 19.7,
        no_measurement_duration_h: 940.016667,
        no_measurement_duration_last_year_h: 5088,
        target_hca: 3,
      },
    },
  ],
};
