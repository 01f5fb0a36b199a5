import { describe, expect, it } from "vitest";
import { ElectricityElement } from "../../src/meters/electricity";
import { householdProfile, sampleAt } from "../../src/meters/loadCurve";
import { flowAt, MediumElement } from "../../src/meters/media";

const DAY = 86_400;
const T0 = Date.UTC(2026, 5, 21, 0, 0, 0) / 1000; // a summer day, UTC midnight

describe("household load curve", () => {
  it("is deterministic per seed and differs between seeds", () => {
    const a = householdProfile(7, { pv: true });
    const b = householdProfile(7, { pv: true });
    const c = householdProfile(8, { pv: true });
    const pick = (p: typeof a) =>
      [0, 3600, 7 * 3600, 12 * 3600, 19 * 3600].map((s) => sampleAt(p, T0 + s).loadW);
    expect(pick(a)).toEqual(pick(b));
    expect(pick(a)).not.toEqual(pick(c));
  });

  it("has morning and evening peaks above the night base load (averaged over a week)", () => {
    const p = householdProfile(3);
    const hourAvg = (h: number) => {
      let sum = 0;
      let n = 0;
      for (let d = 0; d < 7; d++)
        for (let s = 0; s < 3600; s += 30) {
          sum += sampleAt(p, T0 + d * DAY + (h - 1) * 3600 + s).loadW; // local = UTC + 1 h
          n++;
        }
      return sum / n;
    };
    const night = hourAvg(3);
    expect(hourAvg(7)).toBeGreaterThan(night * 1.5);
    expect(hourAvg(19)).toBeGreaterThan(night * 1.5);
  });

  it("switches appliances on and off (kW steps) and stays in integer watts", () => {
    const p = householdProfile(11);
    const loads = new Set<number>();
    let maxStep = 0;
    let prev = sampleAt(p, T0).loadW;
    for (let s = 1; s < DAY; s += 1) {
      const w = sampleAt(p, T0 + s).loadW;
      expect(Number.isInteger(w)).toBe(true);
      maxStep = Math.max(maxStep, Math.abs(w - prev));
      prev = w;
      loads.add(Math.round(w / 500));
    }
    expect(maxStep).toBeGreaterThanOrEqual(1000);
    expect(loads.size).toBeGreaterThan(3);
  });

  it("injects PV only by daylight, and only when the household has PV", () => {
    const pv = householdProfile(5, { pv: true });
    const noPv = householdProfile(5, { pv: false });
    let noon = 0;
    for (let s = 10 * 3600; s < 12 * 3600; s += 60) noon += sampleAt(pv, T0 + s).pvW;
    expect(noon).toBeGreaterThan(0);
    for (let s = 0; s < DAY; s += 300) expect(sampleAt(noPv, T0 + s).pvW).toBe(0);
    // 23:00 to 03:00 local is dark
    for (let s = 22 * 3600; s < 26 * 3600; s += 300) expect(sampleAt(pv, T0 + s).pvW).toBe(0);
    // export happens only when PV exceeds the load
    for (let s = 0; s < DAY; s += 97) {
      const x = sampleAt(pv, T0 + s);
      expect(x.importW * x.exportW).toBe(0);
      expect(x.importW - x.exportW).toBe(x.loadW - x.pvW);
    }
  });
});

describe("registers integrate the power exactly", () => {
  it("A+ and A- grow by the summed power of every second, to the Wh", () => {
    const p = householdProfile(21, { pv: true });
    const startMs = (T0 + 9 * 3600) * 1000;
    const el = new ElectricityElement(p, startMs);
    const imp0 = el.importWh.accumulator;
    const exp0 = el.exportWh.accumulator;
    const before = el.registers;
    const seconds = 6 * 3600;
    el.advanceTo(startMs + seconds * 1000);
    let sumImp = 0;
    let sumExp = 0;
    for (let s = 0; s < seconds; s++) {
      const x = sampleAt(p, T0 + 9 * 3600 + s);
      sumImp += x.importW;
      sumExp += x.exportW;
    }
    const after = el.registers;
    expect(after.importWh - before.importWh).toBe(
      Math.floor((imp0 + sumImp) / 3600) - Math.floor(imp0 / 3600),
    );
    expect(after.exportWh - before.exportWh).toBe(
      Math.floor((exp0 + sumExp) / 3600) - Math.floor(exp0 / 3600),
    );
    expect(after.exportWh).toBeGreaterThan(before.exportWh);
  });

  it("registers never decrease, whatever the step sizes", () => {
    const el = new ElectricityElement(householdProfile(4, { pv: true }), T0 * 1000);
    let prev = el.registers;
    for (let i = 1; i <= 500; i++) {
      el.advanceTo(T0 * 1000 + i * 173_000 + (i % 7) * 13);
      const r = el.registers;
      expect(r.importWh).toBeGreaterThanOrEqual(prev.importWh);
      expect(r.exportWh).toBeGreaterThanOrEqual(prev.exportWh);
      expect(r.reactiveImportVarh).toBeGreaterThanOrEqual(prev.reactiveImportVarh);
      prev = r;
    }
  });

  it("water, gas and heat volumes integrate the flow in whole millilitres", () => {
    for (const kind of ["water", "gas", "heat"] as const) {
      const el = new MediumElement(kind, 9, T0 * 1000);
      const acc0 = el.volumeL.accumulator;
      el.advanceTo((T0 + DAY) * 1000);
      let sum = 0;
      for (let s = 0; s < DAY; s++) sum += flowAt(kind, 9, T0 + s);
      expect(sum).toBeGreaterThan(0);
      expect(el.volumeL.value).toBe(Math.floor((acc0 + sum) / 1000));
    }
  });
});
