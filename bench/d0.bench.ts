/**
 * `npm run bench -- d0`: the 100,000-case fuzz run of @omdp/d0 (packages/d0/test/fuzz.test.ts with
 * OMDP_FUZZ_RUNS=100000: mutated corpus readouts with the BCC recomputed, only D0Error escapes; the test
 * itself runs 10,000). Writes bench/results/d0.json.
 */
import { loadavg } from "node:os";
import { fuzzRun, writeResult } from "./p1-sml-common";

const loadAtStart = Math.round(loadavg()[0]! * 100) / 100;
const fuzzed = fuzzRun("packages/d0/test/fuzz.test.ts");
writeResult(
  "d0",
  { fuzzCases: fuzzed.runs, fuzzPassed: fuzzed.passed, fuzzSecondsWholeVitestRun: fuzzed.seconds },
  loadAtStart,
);
process.stdout.write(
  `D0 fuzz: ${fuzzed.runs.toLocaleString("en")} mutated readouts ${fuzzed.passed ? "passed" : "FAILED"} ` +
    `(whole vitest run ${fuzzed.seconds} s)\nwritten: bench/results/d0.json\n`,
);
if (!fuzzed.passed) process.exitCode = 1;
