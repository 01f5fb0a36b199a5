import type { DlmsProfile } from "./types";

const W = 27;
const VAR = 29;
const A = 33;
const V = 35;

const power = (c: number, unit: number) => ({ obis: `1.1.${c}.7.0.255`, scaler: 0, unit });
const current = (c: number) => ({ obis: `1.1.${c}.7.0.255`, scaler: -2, unit: A });
const voltage = (c: number) => ({ obis: `1.1.${c}.7.0.255`, scaler: 0, unit: V });

/**
 * Kamstrup Omnipower on the Norwegian HAN port (NVE list 1, list version "Kamstrup_V0001"): logical
 * names are sent, scaler_unit is not; the list version identifier comes first without a name.
 * Currents in 0.01 A, voltages in V, powers in W / var (the published breakdown below: 0x234 = 5.64 A,
 * 0xE8 = 232 V, 0x5BC = 1468 W).
 */
export const KAMSTRUP_HAN_NVE: DlmsProfile = {
  id: "kamstrup-han-nve",
  meter: "Kamstrup Omnipower 6841121BN243101040 (Norway HAN, NVE list 1)",
  reference:
    "AmsToMqttBridge, Samples/Kamstrup/obisdata.md (list #1 breakdown: OBIS, raw bytes and value with unit per element), https://github.com/roarfred/AmsToMqttBridge/tree/master/Samples/Kamstrup",
  match: { firstText: "Kamstrup_V0001" },
  unlabeled: ["1.1.0.2.129.255"],
  registers: [
    power(1, W),
    power(2, W),
    power(3, VAR),
    power(4, VAR),
    current(31),
    current(51),
    current(71),
    voltage(32),
    voltage(52),
    voltage(72),
  ],
  golden: {
    transport: "hdlc",
    source:
      "https://roarfred.github.io/AmsToMqttBridge/Samples/Kamstrup (sample '2017-10-20 04.43.32.368 - Received 229 (0xE5) bytes'); values: Samples/Kamstrup/obisdata.md, list #1",
    hex: "7EA0E32B21139886E6E7000F00000000090C07E10A1405032B1EFF80000002190A0E4B616D73747275705F563030303109060101000005FF0A103537303635363732373433383937303209060101600101FF0A1236383431313231424E32343331303130343009060101010700FF06000005BC09060101020700FF060000000009060101030700FF060000000009060101040700FF06000001CE090601011F0700FF060000023409060101330700FF06000000CA09060101470700FF06000001FF09060101200700FF1200E809060101340700FF1200E409060101480700FF1200E9A1A57E",
    values: {
      "1.1.0.2.129.255": "Kamstrup_V0001",
      "1.1.0.0.5.255": "5706567274389702",
      "1.1.96.1.1.255": "6841121BN243101040",
      "1.1.1.7.0.255": 1468,
      "1.1.2.7.0.255": 0,
      "1.1.3.7.0.255": 0,
      "1.1.4.7.0.255": 462,
      "1.1.31.7.0.255": 5.64,
      "1.1.51.7.0.255": 2.02,
      "1.1.71.7.0.255": 5.11,
      "1.1.32.7.0.255": 232,
      "1.1.52.7.0.255": 228,
      "1.1.72.7.0.255": 233,
    },
  },
};
