/**
 * The electricity meter's measuring element: integrates the household curve second by second into
 * A+, A-, Q+, Q- registers (Wh, varh) and keeps the latest instantaneous values.
 */
import { type HouseholdProfile, type PowerSample, sampleAt } from "./loadCurve";
import { unit } from "./random";
import { IntegratingRegister } from "./registers";

export interface ElectricityRegisters {
  readonly importWh: number;
  readonly exportWh: number;
  readonly reactiveImportVarh: number;
  readonly reactiveExportVarh: number;
}

export class ElectricityElement {
  readonly importWh: IntegratingRegister;
  readonly exportWh: IntegratingRegister;
  readonly reactiveImportVarh: IntegratingRegister;
  readonly reactiveExportVarh: IntegratingRegister;
  /** The next UTC second to integrate. */
  private next: number;

  /** Meter time (ms) up to which the registers are integrated. */
  get position(): number {
    return this.next * 1000;
  }
  private last: PowerSample;

  constructor(
    readonly profile: HouseholdProfile,
    startMs: number,
  ) {
    const s = profile.seed;
    // keyed by seed and name: a RegisterBank (a second `omdp start`) continues them from saved state
    this.importWh = new IntegratingRegister(
      1_000_000 + Math.floor(unit(s, 10) * 19_000_000),
      3600,
      `${s}:importWh`,
    );
    this.exportWh = new IntegratingRegister(
      profile.pvPeakW > 0 ? Math.floor(unit(s, 11) * 5_000_000) : 0,
      3600,
      `${s}:exportWh`,
    );
    this.reactiveImportVarh = new IntegratingRegister(
      Math.floor(unit(s, 12) * 3_000_000),
      3600,
      `${s}:reactiveImportVarh`,
    );
    this.reactiveExportVarh = new IntegratingRegister(
      Math.floor(unit(s, 13) * 300_000),
      3600,
      `${s}:reactiveExportVarh`,
    );
    this.next = Math.floor(startMs / 1000);
    this.last = sampleAt(profile, this.next);
  }

  /** Integrates every whole second before `tMs` (meter time); never goes back. */
  advanceTo(tMs: number): void {
    const end = Math.floor(tMs / 1000);
    for (; this.next < end; this.next++) {
      const p = sampleAt(this.profile, this.next);
      this.importWh.add(p.importW);
      this.exportWh.add(p.exportW);
      this.reactiveImportVarh.add(p.reactiveImportVar);
      this.reactiveExportVarh.add(p.reactiveExportVar);
      this.last = p;
    }
  }

  /** The instantaneous values of the last integrated second. */
  get instantaneous(): PowerSample {
    return this.last;
  }

  get registers(): ElectricityRegisters {
    return {
      importWh: this.importWh.value,
      exportWh: this.exportWh.value,
      reactiveImportVarh: this.reactiveImportVarh.value,
      reactiveExportVarh: this.reactiveExportVarh.value,
    };
  }
}
