import type { DlmsProfile } from "./types";

const W = 27;
const VAR = 29;
const A = 33;
const V = 35;
const WH = 30;
const VARH = 32;

const head = [{ obis: "1.1.0.2.129.255" }, { obis: "0.0.96.1.0.255" }, { obis: "0.0.96.1.7.255" }];
const powers = [
  { obis: "1.0.1.7.0.255", scaler: 0, unit: W },
  { obis: "1.0.2.7.0.255", scaler: 0, unit: W },
  { obis: "1.0.3.7.0.255", scaler: 0, unit: VAR },
  { obis: "1.0.4.7.0.255", scaler: 0, unit: VAR },
];
const current = (c: number) => ({ obis: `1.0.${c}.7.0.255`, scaler: -3, unit: A });
const voltage = (c: number) => ({ obis: `1.0.${c}.7.0.255`, scaler: -1, unit: V });
const tail = [
  { obis: "0.0.1.0.0.255" },
  { obis: "1.0.1.8.0.255", scaler: 0, unit: WH },
  { obis: "1.0.2.8.0.255", scaler: 0, unit: WH },
  { obis: "1.0.3.8.0.255", scaler: 0, unit: VARH },
  { obis: "1.0.4.8.0.255", scaler: 0, unit: VARH },
];
const onePhase = [...head, ...powers, current(31), voltage(32)];
const threePhase = [
  ...head,
  ...powers,
  current(31),
  current(51),
  current(71),
  voltage(32),
  voltage(52),
  voltage(72),
];

/**
 * Kaifa MA304H3E / MA304H4 / MA105H2E on the Norwegian HAN port (NVE lists 1, 2 and 3): a flat structure
 * of bare values, list identifier "KFM_001" first. Currents in mA, voltages in 0.1 V, powers in W and
 * var, energies in Wh / varh. In IT grids the three-phase meter reports U L2 as 0.
 */
export const KAIFA_MA304: DlmsProfile = {
  id: "kaifa-ma304",
  meter: "Kaifa MA304H3E / MA304H4 / MA105H2E (Norway HAN, list 2 and 3)",
  reference: "Kaifa HAN interface description for the Norwegian market (OBIS list version KFM_001)",
  match: { firstText: "KFM_001" },
  layouts: {
    // NVE list 1: active power import only (no list identifier, so only by `profile`)
    1: [powers[0]!],
    9: onePhase,
    13: threePhase,
    14: [...onePhase, ...tail],
    18: [...threePhase, ...tail],
  },
  golden: {
    transport: "hdlc",
    hex: "7EA079010201108093E6E7000F40000000090C07E1090F05052128FF800000020D09074B464D5F30303109103639373036333134303137353339383509084D4133303448334506000003B406000000000600000000060000004006000005880600000CA90600000C2F060000095106000000000600000955115C7E",
    values: {
      "1.1.0.2.129.255": "KFM_001",
      "0.0.96.1.0.255": "6970631401753985",
      "0.0.96.1.7.255": "MA304H3E",
      "1.0.1.7.0.255": 948,
      "1.0.2.7.0.255": 0,
      "1.0.3.7.0.255": 0,
      "1.0.4.7.0.255": 64,
      "1.0.31.7.0.255": 1.416,
      "1.0.51.7.0.255": 3.241,
      "1.0.71.7.0.255": 3.119,
      "1.0.32.7.0.255": 238.5,
      "1.0.52.7.0.255": 0,
      "1.0.72.7.0.255": 238.9,
    },
  },
};
