import type { DlmsProfile } from "./types";

const W = 27;
const A = 33;
const V = 35;
const WH = 30;
const VARH = 32;

const energy = (c: number, unit: number) => ({ obis: `1.1.${c}.8.0.255`, scaler: 0, unit });
const power = (c: number) => ({ obis: `1.0.${c}.7.0.255`, scaler: 0, unit: W });
const voltage = (c: number) => ({ obis: `1.0.${c}.7.0.255`, scaler: -1, unit: V });
const current = (c: number) => ({ obis: `1.0.${c}.7.0.255`, scaler: -2, unit: A });

/**
 * Landis+Gyr E360 with the Swiss VSE 2026 push configuration (HDLC on the customer port): the push
 * carries its push_object_list (cosem/push-objects.ts names every value), but not the registers'
 * scaler_unit. Energies in Wh / varh, powers in W, voltages in 0.1 V, currents in 0.01 A: the
 * smartmeter-datacollector test of this telegram expects 2357 -> 235.7 V and 6 -> 0.06 A.
 */
export const LG_E360_VSE: DlmsProfile = {
  id: "lg-e360-vse",
  meter: "Landis+Gyr E360 (Switzerland, VSE 2026 push configuration)",
  reference:
    "scs/smartmeter-datacollector tests/test_lge360.py (test_lge360_vse_standard: expected values and units Wh, W, V, A of meter_data.py)",
  match: { pushObjectListFrom: "LGZ" },
  registers: [
    energy(1, WH),
    energy(2, WH),
    energy(3, VARH),
    energy(4, VARH),
    power(1),
    power(2),
    voltage(32),
    voltage(52),
    voltage(72),
    current(31),
    current(51),
    current(71),
  ],
  golden: {
    transport: "hdlc",
    source:
      "https://github.com/scs/smartmeter-datacollector/blob/master/tests/testdata/lg_e360.py (UNENCRYPTED_VALID_DATA_CFG2026)",
    hex: "7EA160CF03133CFFE6E7000F000009EE0C07E7060602111F1412FF8880020E010E020412002809060006190900FF0F021200000204120001090600002A0000FF0F02120000020412000309060101010800FF0F02120000020412000309060101020800FF0F02120000020412000309060101030800FF0F02120000020412000309060101040800FF0F02120000020412000309060100010700FF0F02120000020412000309060100020700FF0F02120000020412000309060100200700FF0F02120000020412000309060100480700FF0F02120000020412000309060100340700FF0F021200000204120003090601001F0700FF0F02120000020412000309060100330700FF0F02120000020412000309060100470700FF0F0212000009104C475A3130333031363335393839303506000055C406000011C30600006A780600001150060000000B06000000001209351200001200001200061200001200008B857E",
    values: {
      "0.0.42.0.0.255": "LGZ1030163598905",
      "1.1.1.8.0.255": 21956,
      "1.1.2.8.0.255": 4547,
      "1.1.3.8.0.255": 27256,
      "1.1.4.8.0.255": 4432,
      "1.0.1.7.0.255": 11,
      "1.0.2.7.0.255": 0,
      "1.0.32.7.0.255": 235.7,
      "1.0.72.7.0.255": 0,
      "1.0.52.7.0.255": 0,
      "1.0.31.7.0.255": 0.06,
      "1.0.51.7.0.255": 0,
      "1.0.71.7.0.255": 0,
    },
  },
};
