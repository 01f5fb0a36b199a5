// IME Nemo D4 electricity meter (wired M-Bus): tariffs and per-phase registers in manufacturer VIFEs.
import { PHASES, phaseField } from "../fieldsets/electricity";
import type { MeterDriver } from "../types";

const SRC =
  "github:wmbusmeters/wmbusmeters src/driver_nemo.cc test block 'Elen nemo 00067609' (GPL-3.0; telegrams and wmbusmeters' printed values, facts only)";
const CURRENT = { quantity: "current" };
const VOLTAGE = { quantity: "voltage" };
const ACTIVE = { quantity: "power", subunit: 1 };
const REACTIVE = { quantity: "power", subunit: 2 };

export const imeNemo: MeterDriver = {
  name: "ime-nemo",
  meter: "IME Nemo D4 three-phase electricity meter",
  source: `${SRC}; record layout read from the same telegrams: tariff 1/2 = positive/negative (partial) registers, subunit 1/2 = active/reactive, a manufacturer VIFE 0xFF followed by 1..6 = phase L1..L3, L1-L2, L2-L3, L3-L1`,
  match: { manufacturer: "IME", medium: 2 },
  fields: [
    {
      name: "total_active_positive_3phase",
      unit: "kwh",
      quantity: "energy",
      from: { quantity: "energy", tariff: 1, subunit: 1 },
    },
    {
      name: "active_positive_3phase",
      unit: "kw",
      quantity: "power",
      from: { quantity: "power", tariff: 1, subunit: 1 },
    },
    {
      name: "total_reactive_positive_3phase",
      unit: "kwh",
      quantity: "reactiveEnergy",
      from: { quantity: "energy", tariff: 1, subunit: 2 },
    },
    {
      name: "reactive_positive_3phase",
      unit: "kw",
      quantity: "reactivePower",
      from: { quantity: "power", tariff: 1, subunit: 2 },
    },
    {
      name: "total_active_partial_3phase",
      unit: "kwh",
      quantity: "energy",
      from: { quantity: "energy", tariff: 2, subunit: 1 },
    },
    {
      name: "active_negative_3phase",
      unit: "kw",
      quantity: "power",
      from: { quantity: "power", tariff: 2, subunit: 1 },
    },
    {
      name: "total_reactive_partial_3phase",
      unit: "kwh",
      quantity: "reactiveEnergy",
      from: { quantity: "energy", tariff: 2, subunit: 2 },
    },
    {
      name: "reactive_negative_3phase",
      unit: "kw",
      quantity: "reactivePower",
      from: { quantity: "power", tariff: 2, subunit: 2 },
    },
    ...PHASES.map((n) => phaseField(`current_at_phase_${n}`, "a", n, CURRENT)),
    phaseField("current_in_neutral", "a", 4, CURRENT),
    ...PHASES.map((n) => phaseField(`voltage_at_phase_${n}`, "v", n, VOLTAGE)),
    // lines 4..6: voltages between phases
    phaseField("voltage_l1_l2", "v", 4, VOLTAGE),
    phaseField("voltage_l2_l3", "v", 5, VOLTAGE),
    phaseField("voltage_l3_l1", "v", 6, VOLTAGE),
    ...PHASES.map((n) => phaseField(`active_power_at_phase_${n}`, "kw", n, ACTIVE)),
    ...PHASES.map((n) => phaseField(`reactive_power_at_phase_${n}`, "kw", n, REACTIVE, "reactivePower")),
    // 05 FF 5A: manufacturer record, real32 in 0.1 Hz (500 -> 50 Hz in wmbusmeters' output)
    {
      name: "frequency",
      unit: "hz",
      quantity: "frequency",
      from: { vif: { table: "manufacturer", code: 0x5a } },
      scale: 0.1,
    },
  ],
  golden: [
    {
      hex: "6864646808657209760600A5251D02000000008E500400355873060085502B0013BF478E9040040029452501008590402B00F800468E600400000000000085602B000000008EA0400400890000000085A0402B0000000005FD3ADCF97E3F01FD17001F00000000009116",
      source: `${SRC}, telegram 1; expected values: wmbusmeters' output`,
      expect: {
        total_active_positive_3phase_kwh: 6735835,
        active_positive_3phase_kw: 97.83,
        total_reactive_positive_3phase_kwh: 1254529,
        reactive_positive_3phase_kw: 8.254,
        total_active_partial_3phase_kwh: 0,
        active_negative_3phase_kw: 0,
        total_reactive_partial_3phase_kwh: 89,
        reactive_negative_3phase_kw: 0,
      },
    },
    {
      hex: "684B4B6808657209760600A5251D020100000005FDD9FF0100F4174805FDD9FF0200B8084805FDD9FF0300B0014805FDC8FF0100C0104505FDC8FF020040114505FDC8FF03005011451F00000000000716",
      source: `${SRC}, telegram 2; expected values: wmbusmeters' output`,
      expect: {
        current_at_phase_1_a: 155.6,
        current_at_phase_2_a: 140,
        current_at_phase_3_a: 132.8,
        voltage_at_phase_1_v: 231.6,
        voltage_at_phase_2_v: 232.4,
        voltage_at_phase_3_v: 232.5,
      },
    },
    {
      hex: "689E9E6808657209760600A5251D02020000008540ABFF0100360B478540ABFF02002CFA468540ABFF030074ED46858040ABFF0100C0E244858040ABFF0200405A45858040ABFF030060364505FDBAFF0178BE7F3F05FDBAFF0240357E3F05FDBAFF0353B87E3F05FDC8FF0400907A4505FDC8FF0500707B4505FDC8FF0600807B4505FDD9FF0400502A4705FF5A0000FA4302FD3AC80002FD3A0A000F00000000008B16",
      source: `${SRC}, telegram 3; expected values: wmbusmeters' output`,
      expect: {
        active_power_at_phase_1_kw: 35.638,
        active_power_at_phase_2_kw: 32.022,
        active_power_at_phase_3_kw: 30.394,
        reactive_power_at_phase_1_kw: 1.814,
        reactive_power_at_phase_2_kw: 3.492,
        reactive_power_at_phase_3_kw: 2.918,
        voltage_l1_l2_v: 400.9,
        voltage_l2_l3_v: 402.3,
        voltage_l3_l1_v: 402.4,
        current_in_neutral_a: 43.6,
        frequency_hz: 50,
      },
    },
  ],
};
