// NZR DHZ electricity meters, wired M-Bus, version 0: phases as storage numbers 2, 4, 6.
import type { MeterDriver } from "../types";

const SRC =
  "github:wmbusmeters/wmbusmeters src/driver_nzr.cc test blocks 'MyElectricity1/2 nzr' (GPL-3.0; telegrams and wmbusmeters' printed values, facts only)";
const L = (storage: number, quantity: string) => ({ function: "instantaneous", storage, quantity }) as const;

export const nzrDhz: MeterDriver = {
  name: "nzr-dhz",
  meter: "NZR DHZ electricity meter (version 0)",
  source: `${SRC}; tariff 1 = the total register, storage 2/4/6 = phase L1/L2/L3`,
  match: { manufacturer: "NZR", version: 0, medium: 2 },
  fields: [
    {
      name: "total_energy_consumption",
      unit: "kwh",
      quantity: "energy",
      from: { tariff: 1, quantity: "energy" },
    },
    { name: "current_power_consumption", unit: "kw", quantity: "power", from: L(0, "power") },
    { name: "current_power_consumption_1", unit: "kw", quantity: "power", from: L(2, "power") },
    { name: "current_power_consumption_2", unit: "kw", quantity: "power", from: L(4, "power") },
    { name: "current_power_consumption_3", unit: "kw", quantity: "power", from: L(6, "power") },
    { name: "voltage_at_phase_1", unit: "v", quantity: "voltage", from: L(2, "voltage") },
    { name: "voltage_at_phase_2", unit: "v", quantity: "voltage", from: L(4, "voltage") },
    { name: "voltage_at_phase_3", unit: "v", quantity: "voltage", from: L(6, "voltage") },
    { name: "current_at_phase_1", unit: "a", quantity: "current", from: L(2, "current") },
    { name: "current_at_phase_2", unit: "a", quantity: "current", from: L(4, "current") },
    { name: "current_at_phase_3", unit: "a", quantity: "current", from: L(6, "current") },
  ],
  golden: [
    {
      hex: "68222268080B7259149107523B0002580000008c1005857649008400292f6a010001fd17001fd116",
      source: `${SRC}, MyElectricity1; expected values: wmbusmeters' output`,
      expect: { total_energy_consumption_kwh: 49768.5, current_power_consumption_kw: 0.92719 },
    },
    {
      hex: "684f4f68080B7259149117523B00029200000084002ccB00000084012962fB0000840229e85f010084032905Bf00008201fd49ed008202fd49e9008203fd49ea008201fd5a21018202fd5a8d018203fd5ad700e216",
      source: `${SRC}, MyElectricity2; expected values: wmbusmeters' output`,
      expect: {
        current_power_consumption_kw: 2.03,
        current_power_consumption_1_kw: 0.64354,
        current_power_consumption_2_kw: 0.90088,
        current_power_consumption_3_kw: 0.48901,
        voltage_at_phase_1_v: 237,
        voltage_at_phase_2_v: 233,
        voltage_at_phase_3_v: 234,
        current_at_phase_1_a: 2.89,
        current_at_phase_2_a: 3.97,
        current_at_phase_3_a: 2.15,
      },
    },
  ],
};
