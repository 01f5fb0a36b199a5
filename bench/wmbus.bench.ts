/**
 * Wireless M-Bus benchmark (issue 13 section 3): decodes per second with decryption (OMS security mode 5,
 * AES-128-CBC) over the corpus's encrypted telegrams (keys from wmbusmeters' tests), single core:
 *  - @omdp/wmbus: block CRCs checked, ELL/TPL, decryption, EN 13757-3 records, driver values;
 *  - the npm package wm-bus (0.1.16, MIT, soef/wm-bus) on the same frames (it needs the CRCs; its own
 *    console output is silenced for both sides alike), in the same run, alternately (A B A B ...);
 *  - 100,000 fuzz cases (random and mutated frames with recomputed CRCs), each a frame or a typed error.
 * Writes bench/results/wmbus.json. Run: `npm run bench -- wmbus` (~20 s).
 */
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { cpus, loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { addCrcsA, decodeWmbus, wirelessValues } from "@omdp/wmbus";
import { CORPUS } from "../packages/wmbus/test/support/corpus";
import { fuzzCases } from "../packages/wmbus/test/support/fuzz";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

interface WmbusPeer {
  addAESKey(id: string, key: string): void;
  parseHex(hex: string): number;
  updateStates: () => void;
  errorcode: number;
  datablocks?: unknown[];
}
const { WMBUS } = require("wm-bus") as { WMBUS: new () => WmbusPeer };

const ROUNDS = 7;
const MS = 400;

// the encrypted (mode 5) telegrams with a short header (wm-bus 0.1.16 throws "uc is not defined" on every
// long header, CI 0x72), that both decoders decrypt
const cases = CORPUS.tests
  .filter((t) => t.key !== null && t.telegramHex.slice(20, 22) === "7A")
  .map((t) => {
    const wire = addCrcsA(Uint8Array.from(Buffer.from(t.telegramHex, "hex")));
    return {
      id: t.id,
      key: t.key!,
      keyBytes: Uint8Array.from(Buffer.from(t.key!, "hex")),
      wire,
      hex: Buffer.from(wire).toString("hex"),
    };
  })
  .filter((c) => {
    const r = decodeWmbus(c.wire, { key: c.keyBytes });
    return r.ok && r.value.encryption.tpl === "decrypted";
  });

const keys = new Map(cases.map((c) => [c.id, c.keyBytes]));
const lookup = (id: string) => keys.get(id);

const peer = new WMBUS();
for (const c of cases) peer.addAESKey(c.id, c.key);
let peerOk = 0;
peer.updateStates = function (this: WmbusPeer) {
  if (this.errorcode === 0 && (this.datablocks?.length ?? 0) > 0) peerOk++;
};

function silenced<T>(f: () => T): T {
  const log = console.log;
  console.log = () => {};
  try {
    return f();
  } finally {
    console.log = log;
  }
}

function rate(step: (i: number) => void): number {
  let n = 0;
  const start = performance.now();
  let now = start;
  while (now - start < MS) {
    for (let k = 0; k < 200; k++) step(n++);
    now = performance.now();
  }
  return (n / (now - start)) * 1000;
}

const ours = (i: number) => {
  const r = decodeWmbus(cases[i % cases.length]!.wire, { key: lookup });
  if (!r.ok) throw r.error;
  wirelessValues(r.value);
};
const theirs = (i: number) => {
  peer.parseHex(cases[i % cases.length]!.hex);
};

silenced(() => {
  for (let i = 0; i < cases.length; i++) theirs(i);
});
const peerDecrypts = peerOk === cases.length;
const oursRates: number[] = [];
const peerRates: number[] = [];
const ratios: number[] = [];
silenced(() => {
  for (let r = 0; r < ROUNDS; r++) {
    const a = rate(ours);
    const b = rate(theirs);
    oursRates.push(a);
    peerRates.push(b);
    ratios.push(a / b);
  }
});
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const load1 = loadavg()[0]!;
const t0 = performance.now();
const fuzz = fuzzCases(100_000, 0x13);
const fuzzMs = performance.now() - t0;

const result = {
  name: "wmbus",
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? "", node: process.version },
  figures: {
    encryptedTelegrams: cases.length,
    wmbusDecryptedDecodesPerSecond: Math.round(median(oursRates)),
    wmBusNpmDecryptedDecodesPerSecond: Math.round(median(peerRates)),
    ratioOmdpToWmBusNpm: Math.round(median(ratios) * 100) / 100,
    wmBusNpmDecryptsAll: peerDecrypts,
    fuzzCases: 100_000,
    fuzzDecoded: fuzz.decoded,
    fuzzTypedErrors: fuzz.errors,
    fuzzThrown: fuzz.thrown.length,
    fuzzSeconds: Math.round(fuzzMs) / 1000,
    loadAverage1m: Math.round(load1 * 100) / 100,
  },
  notes:
    "wm-bus 0.1.16 (npm) decodes the same format A frames with CRCs (short-header telegrams only: it throws on CI 0x72); both sides decrypt mode 5 with the corpus keys; rates are medians of alternating 400 ms rounds",
};
writeFileSync(join(here, "results", "wmbus.json"), `${JSON.stringify(result, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(result.figures, null, 2)}\nwritten: bench/results/wmbus.json\n`);
if (fuzz.thrown.length > 0) process.exit(1);
