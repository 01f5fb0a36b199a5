// wmbusmeters driver "rfmamb" (room sensor, manufacturer BMT): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { rec } from "../fieldsets/records";
import { LANSENTH_FIELDS } from "../fieldsets/shared";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_rfmamb: WirelessDriver = {
  name: "rfmamb",
  meter: "BMT room sensor",
  source: CORPUS_SOURCE,
  match: { manufacturer: "BMT", version: [16], medium: [0x1b] },
  fields: [
    ...LANSENTH_FIELDS,
    rec("maximum_temperature_1h", "c", "externalTemperature", 0x65, { function: "maximum" }),
    rec("minimum_temperature_1h", "c", "externalTemperature", 0x65),
    rec("maximum_temperature_24h", "c", "externalTemperature", 0x65, { function: "maximum", storage: 1 }),
    rec("minimum_temperature_24h", "c", "externalTemperature", 0x65, { function: "minimum", storage: 1 }),
    rec("average_relative_humidity_1h", "rh", "relativeHumidity", ["fb", 0x1a], { storage: 1 }),
    rec("minimum_relative_humidity_1h", "rh", "relativeHumidity", ["fb", 0x1a]),
    rec("maximum_relative_humidity_1h", "rh", "relativeHumidity", ["fb", 0x1a], { function: "maximum" }),
    rec("maximum_relative_humidity_24h", "rh", "relativeHumidity", ["fb", 0x1a], {
      function: "maximum",
      storage: 1,
    }),
    rec("minimum_relative_humidity_24h", "rh", "relativeHumidity", ["fb", 0x1a], {
      function: "minimum",
      storage: 1,
    }),
  ],
  payload: [],
  golden: [
    {
      hex: "5E44B40958956923101B7A7F085005816AFB5F6F40EC742610B93C109973EDD8C098F505D5DFCFD53DFD72708178E4B81436CB753C6DFF5094C48C26607C66419628D424CE41F38F9BD927757D82FA43396AA59A77C694ACADAB776460D472",
      key: "6C649F296476D737CACB75A2D639CE14",
      source: CORPUS_FILE,
      expect: {
        current_temperature_c: 20.91,
        average_temperature_1h_c: 20.95,
        average_temperature_24h_c: 19.5,
        maximum_temperature_1h_c: 20.98,
        minimum_temperature_1h_c: 20.91,
        maximum_temperature_24h_c: 19.88,
        minimum_temperature_24h_c: 19.07,
        current_relative_humidity_rh: 35.8,
        average_relative_humidity_1h_rh: 36.1,
        average_relative_humidity_24h_rh: 36.9,
        minimum_relative_humidity_1h_rh: 35.8,
        maximum_relative_humidity_1h_rh: 36.5,
        maximum_relative_humidity_24h_rh: 37,
        minimum_relative_humidity_24h_rh: 36.7,
      },
    },
  ],
};
