// Eltako DSZ15DM three-phase electricity meter (wired M-Bus): phases in manufacturer VIFEs.
import { PHASES, phaseField } from "../fieldsets/electricity";
import type { MeterDriver } from "../types";

const SRC =
  "github:wmbusmeters/wmbusmeters src/driver_eltako.cc test block 'Electricity eltako 24450291' (GPL-3.0; telegram and wmbusmeters' printed values, facts only)";
const ACTIVE = { quantity: "power", subunit: 0 };
const REACTIVE = { quantity: "power", subunit: 1 };

export const eltakoDsz15dm: MeterDriver = {
  name: "eltako-dsz15dm",
  meter: "Eltako DSZ15DM electricity meter",
  source: `${SRC}; VIFE 0xFF then 0 (total) or 1..3 (phase L1..L3); subunit 0 active, 1 reactive power; storage 2 = reactive energy; 0xFF 0x13 active tariff, 0xFF 0x68 CT numerator`,
  match: { manufacturer: "ELT", version: 1, medium: 2 },
  fields: [
    {
      name: "total_energy_consumption_tariff_1",
      unit: "kwh",
      quantity: "energy",
      from: { storage: 0, tariff: 1, quantity: "energy" },
    },
    {
      name: "total_energy_consumption_tariff_2",
      unit: "kwh",
      quantity: "energy",
      from: { storage: 0, tariff: 2, quantity: "energy" },
    },
    {
      name: "reactive_energy_consumption_tariff_1",
      unit: "kwh",
      quantity: "reactiveEnergy",
      from: { storage: 2, tariff: 1, quantity: "energy" },
    },
    {
      name: "reactive_energy_consumption_tariff_2",
      unit: "kwh",
      quantity: "reactiveEnergy",
      from: { storage: 2, tariff: 2, quantity: "energy" },
    },
    ...PHASES.map((n) => phaseField(`voltage_l${n}_n`, "v", n, { quantity: "voltage" })),
    ...PHASES.map((n) => phaseField(`current_l${n}`, "a", n, { quantity: "current" })),
    // phase 0 is the total; subunit 0 active, 1 reactive power
    ...PHASES.map((n) => phaseField(`active_consumption_l${n}`, "kw", n, ACTIVE)),
    phaseField("active_consumption_total", "kw", 0, ACTIVE),
    ...PHASES.map((n) => phaseField(`reactive_consumption_l${n}`, "kw", n, REACTIVE, "reactivePower")),
    phaseField("reactive_consumption_total", "kw", 0, REACTIVE, "reactivePower"),
    {
      name: "active_tariff",
      unit: "counter",
      quantity: "tariff",
      from: { vif: { table: "manufacturer", code: 0x13 } },
    },
    {
      name: "ct_numerator",
      unit: "counter",
      quantity: "ctRatio",
      from: { vif: { table: "manufacturer", code: 0x68 } },
    },
  ],
  golden: [
    {
      hex: "689292680801729102452494150102270000008C1004997500008C1104997500008C2004000000008C21040000000002FDC9FF01E80002FDDBFF01000002ACFF0101008240ACFF01010002FDC9FF02E80002FDDBFF02000002ACFF0200008240ACFF02000002FDC9FF03E70002FDDBFF03070002ACFF030E008240ACFF03080002FF68010002ACFF000F008240ACFF000A0001FF1300D416",
      source: `${SRC}; expected values: wmbusmeters' output (its _nr fields print here as _counter)`,
      expect: {
        active_consumption_l1_kw: 0.01,
        active_consumption_l2_kw: 0,
        active_consumption_l3_kw: 0.14,
        active_consumption_total_kw: 0.15,
        current_l1_a: 0,
        current_l2_a: 0,
        current_l3_a: 0.7,
        reactive_consumption_l1_kw: 0.01,
        reactive_consumption_l2_kw: 0,
        reactive_consumption_l3_kw: 0.08,
        reactive_consumption_total_kw: 0.1,
        reactive_energy_consumption_tariff_1_kwh: 75.99,
        reactive_energy_consumption_tariff_2_kwh: 0,
        total_energy_consumption_tariff_1_kwh: 75.99,
        total_energy_consumption_tariff_2_kwh: 0,
        voltage_l1_n_v: 232,
        voltage_l2_n_v: 232,
        voltage_l3_n_v: 231,
        active_tariff_counter: 0,
        ct_numerator_counter: 1,
      },
    },
  ],
};
