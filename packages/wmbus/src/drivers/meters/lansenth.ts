// wmbusmeters driver "lansenth" (room sensor, manufacturer LAS): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import type { WirelessDriver } from "../types";

export const wm_lansenth: WirelessDriver = {
  name: "lansenth",
  meter: "LAS room sensor",
  source:
    "github:wmbusmeters/wmbusmeters@4dedd717d3af8043ffa3e94f69476656ccd17bc2 (GPL-3.0), as copied in test/fixtures/wmbusmeters_wmbus.json: telegrams and the values wmbusmeters prints (facts only)",
  match: {
    manufacturer: "LAS",
    version: [7],
    medium: [27],
  },
  fields: [
    {
      name: "current_temperature",
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
          code: 101,
        },
        vife: [],
      },
    },
    {
      name: "current_relative_humidity",
      unit: "rh",
      quantity: "relativeHumidity",
      from: {
        function: "instantaneous",
        storage: 0,
        tariff: 0,
        subunit: 0,
        quantity: "relativeHumidity",
        vif: {
          table: "fb",
          code: 26,
        },
        vife: [],
      },
    },
    {
      name: "average_temperature_1h",
      unit: "c",
      quantity: "externalTemperature",
      from: {
        function: "instantaneous",
        storage: 1,
        tariff: 0,
        subunit: 0,
        quantity: "externalTemperature",
        vif: {
          table: "primary",
          code: 101,
        },
        vife: [],
      },
    },
    {
      name: "average_relative_humidity_1h",
      unit: "rh",
      quantity: "relativeHumidity",
      from: {
        function: "instantaneous",
        storage: 0,
        tariff: 0,
        subunit: 0,
        quantity: "relativeHumidity",
        vif: {
          table: "fb",
          code: 26,
        },
        vife: [],
      },
    },
    {
      name: "average_temperature_24h",
      unit: "c",
      quantity: "externalTemperature",
      from: {
        function: "instantaneous",
        storage: 2,
        tariff: 0,
        subunit: 0,
        quantity: "externalTemperature",
        vif: {
          table: "primary",
          code: 101,
        },
        vife: [],
      },
    },
    {
      name: "average_relative_humidity_24h",
      unit: "rh",
      quantity: "relativeHumidity",
      from: {
        function: "instantaneous",
        storage: 2,
        tariff: 0,
        subunit: 0,
        quantity: "relativeHumidity",
        vif: {
          table: "fb",
          code: 26,
        },
        vife: [],
      },
    },
  ],
  payload: [],
  golden: [
    {
      hex: "2E44333003020100071B7A634820252F2F0265840842658308820165950802FB1AAE0142FB1AAE018201FB1AA9012F",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        current_temperature_c: 21.8,
        current_relative_humidity_rh: 43,
        average_temperature_1h_c: 21.79,
        average_relative_humidity_1h_rh: 43,
        average_temperature_24h_c: 21.97,
        average_relative_humidity_24h_rh: 42.5,
      },
    },
  ],
};
