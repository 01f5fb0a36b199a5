/** Every meter driver (one file per meter type in meters/), in one list for the matcher. */
import { abbDelta } from "./meters/abb-delta";
import { actarisGas } from "./meters/actaris-gas";
import { allmessCf50 } from "./meters/allmess-cf50";
import { aquametroAmtron } from "./meters/aquametro-amtron";
import { edcHeat } from "./meters/edc-heat";
import { elsterF2 } from "./meters/elster-f2";
import { elsterF22 } from "./meters/elster-f22";
import { elsterFalcon } from "./meters/elster-falcon";
import { eltakoDsz15dm } from "./meters/eltako-dsz15dm";
import { elvacoCma10V21 } from "./meters/elvaco-cma10-v21";
import { elvacoCma10V22 } from "./meters/elvaco-cma10-v22";
import { elvacoCma11 } from "./meters/elvaco-cma11";
import { engelmannSensostar } from "./meters/engelmann-sensostar";
import { engelmannSensostar2c } from "./meters/engelmann-sensostar2c";
import { engelmannWaterstar } from "./meters/engelmann-waterstar";
import { gwfEnercal } from "./meters/gwf-enercal";
import { gwfMtkcoder } from "./meters/gwf-mtkcoder";
import { hydrometerOms } from "./meters/hydrometer-oms";
import { imeNemo } from "./meters/ime-nemo";
import { itronBmPlusM } from "./meters/itron-bm-plus-m";
import { itronCf55 } from "./meters/itron-cf55";
import { itronCybleV14 } from "./meters/itron-cyble-v14";
import { kamstrup382 } from "./meters/kamstrup-382";
import { kamstrupMultical } from "./meters/kamstrup-multical";
import { landisGyrT230 } from "./meters/landis-gyr-t230";
import { landisGyrUltraheat } from "./meters/landis-gyr-ultraheat";
import { metronaPollutherm } from "./meters/metrona-pollutherm";
import { minolMinocalC2 } from "./meters/minol-minocal-c2";
import { nzrDhz } from "./meters/nzr-dhz";
import { nzrDhz563 } from "./meters/nzr-dhz-5-63";
import { padPuls } from "./meters/pad-puls";
import { piigth } from "./meters/piigth";
import { relayPadpuls2 } from "./meters/relay-padpuls2";
import { relayPadpuls3 } from "./meters/relay-padpuls3";
import { rossweinerModularis } from "./meters/rossweiner-modularis";
import { saiaBurgessAle3 } from "./meters/saia-burgess-ale3";
import { sensusPollustat } from "./meters/sensus-pollustat";
import { sensusPollutherm } from "./meters/sensus-pollutherm";
import { siemensRvd235 } from "./meters/siemens-rvd235";
import { siemensWfh21 } from "./meters/siemens-wfh21";
import { tecsonOil } from "./meters/tecson-oil";
import { zennerMinomessWired } from "./meters/zenner-minomess-wired";
import type { MeterDriver } from "./types";

export const DRIVERS: readonly MeterDriver[] = [
  abbDelta,
  actarisGas,
  allmessCf50,
  aquametroAmtron,
  edcHeat,
  elsterF2,
  elsterF22,
  elsterFalcon,
  eltakoDsz15dm,
  elvacoCma10V21,
  elvacoCma10V22,
  elvacoCma11,
  engelmannSensostar,
  engelmannSensostar2c,
  engelmannWaterstar,
  gwfEnercal,
  gwfMtkcoder,
  hydrometerOms,
  imeNemo,
  itronBmPlusM,
  itronCf55,
  itronCybleV14,
  kamstrup382,
  kamstrupMultical,
  landisGyrT230,
  landisGyrUltraheat,
  metronaPollutherm,
  minolMinocalC2,
  nzrDhz563,
  nzrDhz,
  padPuls,
  piigth,
  relayPadpuls2,
  relayPadpuls3,
  rossweinerModularis,
  saiaBurgessAle3,
  sensusPollustat,
  sensusPollutherm,
  siemensRvd235,
  siemensWfh21,
  tecsonOil,
  zennerMinomessWired,
];
