/**
 * EN 13757-3:2013 table 13 "Alternate extended VIF-code table" (after VIF 0xFB), as data; with the
 * relative-humidity and frequency rows that EN 13757-3:2018 fills in. Index: VIFE & 0x7F.
 * Units are converted to SI without prefix where the standard gives MWh, GJ, t, MW (so 10^(n-1) MWh is
 * 10^(n+5) Wh); imperial units stay as they are (ft3, gal, degF).
 */
import { expandVifTable, type VifRange } from "./types";

export const FB_VIF_RANGES: readonly VifRange[] = [
  { first: 0x00, last: 0x01, quantity: "energy", description: "Energy", unit: "Wh", expBase: 5 },
  {
    first: 0x02,
    last: 0x03,
    quantity: "reactiveEnergy",
    description: "Reactive energy",
    unit: "varh",
    expBase: 5,
  },
  { first: 0x08, last: 0x09, quantity: "energy", description: "Energy", unit: "J", expBase: 8 },
  { first: 0x10, last: 0x11, quantity: "volume", description: "Volume", unit: "m3", expBase: 2 },
  { first: 0x18, last: 0x19, quantity: "mass", description: "Mass", unit: "kg", expBase: 5 },
  {
    first: 0x1a,
    last: 0x1b,
    quantity: "relativeHumidity",
    description: "Relative humidity",
    unit: "%",
    expBase: -1,
  },
  { first: 0x21, last: 0x21, quantity: "volume", description: "Volume", unit: "ft3", expBase: -1 },
  { first: 0x22, last: 0x23, quantity: "volume", description: "Volume", unit: "gal", expBase: -1 },
  {
    first: 0x24,
    last: 0x24,
    quantity: "volumeFlow",
    description: "Volume flow",
    unit: "gal/min",
    expBase: -3,
  },
  {
    first: 0x25,
    last: 0x25,
    quantity: "volumeFlow",
    description: "Volume flow",
    unit: "gal/min",
    expBase: 0,
  },
  { first: 0x26, last: 0x26, quantity: "volumeFlow", description: "Volume flow", unit: "gal/h", expBase: 0 },
  { first: 0x28, last: 0x29, quantity: "power", description: "Power", unit: "W", expBase: 5 },
  { first: 0x2c, last: 0x2f, quantity: "frequency", description: "Frequency", unit: "Hz", expBase: -3 },
  { first: 0x30, last: 0x31, quantity: "power", description: "Power", unit: "J/h", expBase: 8 },
  {
    first: 0x58,
    last: 0x5b,
    quantity: "flowTemperature",
    description: "Flow temperature",
    unit: "degF",
    expBase: -3,
  },
  {
    first: 0x5c,
    last: 0x5f,
    quantity: "returnTemperature",
    description: "Return temperature",
    unit: "degF",
    expBase: -3,
  },
  {
    first: 0x60,
    last: 0x63,
    quantity: "temperatureDifference",
    description: "Temperature difference",
    unit: "degF",
    expBase: -3,
  },
  {
    first: 0x64,
    last: 0x67,
    quantity: "externalTemperature",
    description: "External temperature",
    unit: "degF",
    expBase: -3,
  },
  {
    first: 0x70,
    last: 0x73,
    quantity: "temperatureLimit",
    description: "Cold / warm temperature limit",
    unit: "degF",
    expBase: -3,
  },
  {
    first: 0x74,
    last: 0x77,
    quantity: "temperatureLimit",
    description: "Cold / warm temperature limit",
    unit: "degC",
    expBase: -3,
  },
  {
    first: 0x78,
    last: 0x7f,
    quantity: "maxPowerCount",
    description: "Cumulative count of maximum power",
    unit: "W",
    expBase: -3,
  },
];

export const FB_VIF = expandVifTable(FB_VIF_RANGES);
