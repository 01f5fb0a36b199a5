/**
 * Prints the coverage of wmbusmeters' expected values over its wired test telegrams, this codec
 * (with and without its drivers) against libmbus run for real: `npx tsx packages/mbus/bench/coverage.ts`.
 */
import { coverage, loadWiredTests, runLibmbus } from "../test/drivers/coverage";

const tests = loadWiredTests();
const c = coverage(tests, runLibmbus(tests));
const pct = (n: number) => `${((100 * n) / c.expected).toFixed(1)}%`;
process.stdout.write(
  `${JSON.stringify(
    {
      telegrams: c.telegrams,
      expectedValues: c.expected,
      libmbus: `${c.libmbus} (${pct(c.libmbus)})`,
      oursWithoutDrivers: `${c.oursByValue} (${pct(c.oursByValue)})`,
      oursWithDrivers: `${c.oursWithDrivers} (${pct(c.oursWithDrivers)})`,
      namedByDriver: `${c.namedByDriver} (${pct(c.namedByDriver)})`,
      detail: c.detail,
    },
    null,
    2,
  )}\n`,
);
