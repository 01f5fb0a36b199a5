// PiiGAB room temperature and humidity sensor (wired M-Bus).
import type { MeterDriver } from "../types";

const SRC =
  "github:wmbusmeters/wmbusmeters src/driver_piigth.cc test block 'Tempo piigth 10000284' (GPL-3.0; telegrams and wmbusmeters' printed values, facts only)";

export const piigth: MeterDriver = {
  name: "piigth",
  meter: "PiiGAB temperature and humidity sensor",
  source: `${SRC}; storage 1 = 1-hour average, storage 2 = 24-hour average`,
  match: { manufacturer: "PII", medium: 0x1b },
  fields: [
    {
      name: "temperature",
      unit: "c",
      quantity: "externalTemperature",
      from: { storage: 0, quantity: "externalTemperature" },
    },
    {
      name: "average_temperature_1h",
      unit: "c",
      quantity: "externalTemperature",
      from: { storage: 1, quantity: "externalTemperature" },
    },
    {
      name: "average_temperature_24h",
      unit: "c",
      quantity: "externalTemperature",
      from: { storage: 2, quantity: "externalTemperature" },
    },
    {
      name: "relative_humidity",
      unit: "rh",
      quantity: "relativeHumidity",
      from: { storage: 0, quantity: "relativeHumidity" },
    },
    {
      name: "relative_humidity_1h",
      unit: "rh",
      quantity: "relativeHumidity",
      from: { storage: 1, quantity: "relativeHumidity" },
    },
    {
      name: "relative_humidity_24h",
      unit: "rh",
      quantity: "relativeHumidity",
      from: { storage: 2, quantity: "relativeHumidity" },
    },
    {
      name: "fabrication_no",
      unit: "text",
      quantity: "fabricationNumber",
      from: { quantity: "fabricationNumber" },
    },
  ],
  golden: [
    {
      hex: "68383868080072840200102941011B040000000265C0094265A509B20165000002FB1A900142FB1A6901B201FB1A00000C788402001002FD0F21000FC016",
      source: `${SRC}, first telegram; expected values: wmbusmeters' output`,
      expect: {
        temperature_c: 24.96,
        average_temperature_1h_c: 24.69,
        relative_humidity_rh: 40,
        relative_humidity_1h_rh: 36.1,
        fabrication_no: "10000284",
      },
    },
    {
      hex: "68383868080072840200102941011B0600000002653F0A4265000A820165CA0902FB1A4F0142FB1A53018201FB1A5E010C788402001002FD0F21000F1916",
      source: `${SRC}, second telegram; expected values: wmbusmeters' output`,
      expect: {
        temperature_c: 26.23,
        average_temperature_1h_c: 25.6,
        average_temperature_24h_c: 25.06,
        relative_humidity_rh: 33.5,
        relative_humidity_1h_rh: 33.9,
        relative_humidity_24h_rh: 35,
      },
    },
  ],
};
