/**
 * Derives the wireless driver data files (src/drivers/meters/*.ts) from the corpus: for each of
 * wmbusmeters' printed numeric fields, the decoded data record (or the manufacturer payload bytes)
 * that carries that value, as a RecordSelector. The output is data, reviewed and committed; the
 * corpus test then checks every telegram, incl. the meter types with several telegrams, against it.
 * Run: npx tsx packages/wmbus/scripts/derive-drivers.ts
 */
import { writeFileSync } from "node:fs";
import { type DriverField, type MeterDriver, printedName } from "@omdp/mbus";
import { sumOf } from "../src/drivers/apply";
import type { PayloadField } from "../src/drivers/payload";
import {
  decodeWmbusHex,
  FormatCache,
  layoutOf,
  signatureOf,
  type WmbusTelegram,
  wirelessValues,
} from "../src/index";
import corpus from "../test/fixtures/wmbusmeters_wmbus.json" with { type: "json" };
import {
  type Candidate,
  candidateValue,
  near,
  payloadCandidates,
  recordCandidates,
  split,
  valueOk,
} from "./derive-candidates";
import { type DerivedDriver, driverFile, fieldGroups, sharedFields, sharedFile } from "./emit-drivers";

const here = new URL("../src/drivers/meters/", import.meta.url);

interface Test {
  driver: string;
  name: string;
  key: string | null;
  telegrams: string[];
  telegramHex: string;
  expectedJson: Record<string, unknown>;
}

type SumField = NonNullable<MeterDriver["sums"]>[number];

interface Sample {
  tel: WmbusTelegram;
  hex: string;
  key: string | null;
  expected: Record<string, unknown>;
}
interface Acc {
  name: string;
  manufacturer: string;
  versions: Set<number>;
  media: Set<number>;
  samples: Sample[];
  meter: string;
  merged?: string[];
}

const groups = new Map<string, Acc>();
const formats = new Map<number, string>();
for (const t of (corpus as { tests: Test[] }).tests) {
  const key = t.key === null ? undefined : Buffer.from(t.key, "hex");
  const cache = new FormatCache();
  let r: ReturnType<typeof decodeWmbusHex> | null = null;
  for (const h of t.telegrams) {
    r = decodeWmbusHex(h, { key, formats: cache });
    if (r.ok && r.value.tpl !== null && !r.value.tpl.compact) {
      const lay = layoutOf(r.value.bytes, r.value.dataOffset, r.value.bytes.length);
      if (lay !== null && lay.headers.length > 0) {
        formats.set(signatureOf(lay), Buffer.concat(lay.headers).toString("hex").toUpperCase());
      }
    }
  }
  if (r === null || !r.ok) continue;
  const tel = r.value;
  const gk = `${t.driver}/${tel.meter.manufacturer}`;
  const acc = groups.get(gk) ?? {
    name: t.driver,
    manufacturer: tel.meter.manufacturer,
    versions: new Set<number>(),
    media: new Set<number>(),
    samples: [],
    meter: String(t.expectedJson.media ?? ""),
  };
  groups.set(gk, acc);
  acc.versions.add(tel.meter.version);
  acc.media.add(tel.meter.deviceType);
  acc.samples.push({ tel, hex: t.telegramHex, key: t.key, expected: t.expectedJson });
}

/**
 * Meter types that wmbusmeters splits over several drivers but that send the same manufacturer, version
 * and device type cannot be told apart by a match: merged into one driver (the first name, the others
 * listed in `meter`), whose fields are the union.
 */
function merge(list: Acc[]): Acc[] {
  const out: Acc[] = [];
  for (const g of list) {
    const into = out.find(
      (o) =>
        o.manufacturer === g.manufacturer &&
        [...g.versions].some((v) => o.versions.has(v)) &&
        [...g.media].some((m) => o.media.has(m)),
    );
    if (into === undefined) {
      out.push({
        ...g,
        versions: new Set(g.versions),
        media: new Set(g.media),
        samples: [...g.samples],
        merged: [],
      });
      continue;
    }
    for (const v of g.versions) into.versions.add(v);
    for (const m of g.media) into.media.add(m);
    into.samples.push(...g.samples);
    if (!into.merged!.includes(g.name)) into.merged!.push(g.name);
  }
  return out;
}

/** The candidate gives another number than wmbusmeters prints in some telegram of the type. */
function wrongSomewhere(acc: Acc, name: string, c: Candidate): boolean {
  return acc.samples.some((s) => {
    const v = s.expected[name];
    if (typeof v !== "number") return false;
    const got = candidateValue(s.tel, c);
    return typeof got === "number" && !near(got, v);
  });
}

/** The candidate that `ok` admits and that holds the value in most of `missed` (then the best score). */
function bestOf(
  cands: Iterable<Candidate>,
  missed: readonly Sample[],
  name: string,
  ok: (c: Candidate) => boolean,
): { best: Candidate | null; bestHits: Sample[] } {
  let best: Candidate | null = null;
  let bestHits: Sample[] = [];
  for (const c of cands) {
    if (!ok(c)) continue;
    const hits = missed.filter((s) => valueOk(s.tel, c, s.expected[name] as number));
    if (
      hits.length > bestHits.length ||
      (hits.length === bestHits.length && best !== null && c.score > best.score)
    ) {
      best = c;
      bestHits = hits;
    }
  }
  return bestHits.length === 0 ? { best: null, bestHits } : { best, bestHits };
}

function matchOf(acc: Acc) {
  return { manufacturer: acc.manufacturer, version: [...acc.versions], medium: [...acc.media] };
}

function derive(acc: Acc) {
  const names: string[] = [];
  for (const s of acc.samples) {
    for (const [n, v] of Object.entries(s.expected)) {
      if (typeof v === "number" && split(n) !== null && !names.includes(n)) names.push(n);
    }
  }
  const fields: DriverField[] = [];
  const payload: PayloadField[] = [];
  const chosen = new Set<string>();
  for (const name of names) {
    const [base, unit] = split(name)!;
    const cands = new Map<string, Candidate>();
    for (const s of acc.samples) {
      const v = s.expected[name];
      if (typeof v !== "number") continue;
      for (const c of [
        ...recordCandidates(s.tel, base, unit, v),
        ...payloadCandidates(s.tel, base, unit, v),
      ]) {
        if (!cands.has(c.key)) cands.set(c.key, c);
      }
    }
    // greedy cover: the candidate that holds the value in most telegrams, then (a meter type with two
    // layouts) the one that holds it in most of the telegrams still missed, up to three
    let missed = acc.samples.filter((s) => typeof s.expected[name] === "number");
    for (let round = 0; round < 3 && missed.length > 0; round++) {
      // a record or payload position that gives another number in some telegram of the type is not the
      // field; only where no candidate is right everywhere, a record is (a corpus value its bytes contradict)
      // with one telegram left, a single payload byte is chance: wider positions only
      const wide = (c: Candidate) =>
        c.payload === undefined || c.whole === true || c.payload.length >= 2 || missed.length > 1;
      let { best, bestHits } = bestOf(
        cands.values(),
        missed,
        name,
        (c) => wide(c) && !wrongSomewhere(acc, name, c),
      );
      if (best === null)
        ({ best, bestHits } = bestOf(cands.values(), missed, name, (c) => c.field !== undefined));
      if (best === null || bestHits.length === 0) break;
      // a payload position seen in one telegram only is chance unless the value is wide and not zero
      if (
        best.payload !== undefined &&
        best.whole !== true &&
        bestHits.length === 1 &&
        (bestHits[0]!.expected[name] === 0 || best.payload.length < 2)
      )
        break;
      chosen.add(name);
      if (best.field !== undefined) fields.push(best.field);
      else payload.push(best.payload!);
      missed = missed.filter((s) => !bestHits.includes(s));
    }
  }
  const alone = acc.samples.map((s) => {
    // the golden test decodes each telegram alone (no format learnt from an earlier full frame)
    const r = decodeWmbusHex(s.hex, { key: s.key === null ? undefined : Buffer.from(s.key, "hex") });
    return r.ok ? r.value : null;
  });
  const asDriver = (f: DriverField[], p: PayloadField[], sums: SumField[] = []) => ({
    name: acc.name,
    meter: "",
    source: "",
    match: matchOf(acc),
    fields: f,
    payload: p,
    sums,
    golden: [],
  });
  const hits = (f: DriverField[], p: PayloadField[], tels: (WmbusTelegram | null)[]): number =>
    tels.reduce((sum, t, i) => {
      if (t === null) return sum;
      const got = wirelessValues(t, [asDriver(f, p)]).values;
      const want = acc.samples[i]!.expected;
      return (
        sum +
        [...chosen].filter((n) => typeof want[n] === "number" && near(Number(got[n]), want[n] as number))
          .length
      );
    }, 0);
  const score = (f: DriverField[], p: PayloadField[]) =>
    hits(
      f,
      p,
      acc.samples.map((s) => s.tel),
    ) *
      1000 +
    hits(f, p, alone);
  // a field the generic names already give (the same name from the same record) is not data of the meter
  let kept = fields;
  const full = score(fields, payload);
  for (let i = fields.length - 1; i >= 0; i--) {
    const without = kept.filter((f) => f !== fields[i]);
    if (score(without, payload) >= full) kept = without;
  }
  const readings = acc.samples.map((s) => wirelessValues(s.tel, [asDriver(kept, payload)]).values);
  const sums = sumFields(acc, names, readings);
  for (const f of sums) chosen.add(printedName(f.name, f.unit));
  const golden = acc.samples.map((s, i) => {
    const expect: Record<string, number> = {};
    const t = alone[i];
    const got =
      t === null || t === undefined ? {} : wirelessValues(t, [asDriver(kept, payload, sums)]).values;
    for (const [n, v] of Object.entries(s.expected)) {
      if (typeof v === "number" && chosen.has(n) && near(Number(got[n]), v)) expect[n] = v;
    }
    return { hex: s.hex, key: s.key, expect };
  });
  return { fields: kept, payload, sums, golden };
}

/**
 * Values wmbusmeters prints that are the sum of two or three other values it prints for the same
 * telegram (a total of two periods, the power of three phases): where our reading has the parts in
 * every telegram of the type that prints the value, their sum equals it in each, and it is not zero.
 */
function sumFields(
  acc: Acc,
  names: readonly string[],
  readings: Record<string, number | string>[],
): SumField[] {
  const out: SumField[] = [];
  for (const name of names) {
    const [base, unit] = split(name)!;
    const holding = acc.samples.flatMap((s, i) => (typeof s.expected[name] === "number" ? [i] : []));
    if (holding.some((i) => near(Number(readings[i]![name]), acc.samples[i]!.expected[name] as number)))
      continue;
    const first = holding[0];
    if (first === undefined || acc.samples[first]!.expected[name] === 0) continue;
    const parts = Object.keys(acc.samples[first]!.expected).filter(
      (n) => n !== name && split(n)?.[1] === unit && typeof readings[first]![n] === "number",
    );
    const fits = (of: string[]) =>
      holding.every((i) => {
        const v = sumOf(readings[i]!, of);
        return v !== undefined && near(v, acc.samples[i]!.expected[name] as number);
      });
    const found = subsets(parts).find(fits);
    if (found !== undefined) out.push({ name: base, unit, of: found });
  }
  return out;
}

/** The pairs and triples of `names` (at most 40 names are looked at: 10,660 subsets). */
function subsets(names: readonly string[]): string[][] {
  const n = names.slice(0, 40);
  const out: string[][] = [];
  for (let a = 0; a < n.length; a++)
    for (let b = a + 1; b < n.length; b++) {
      out.push([n[a]!, n[b]!]);
      for (let c = b + 1; c < n.length; c++) out.push([n[a]!, n[b]!, n[c]!]);
    }
  return out;
}

function ident(name: string): string {
  return `wm_${name.replace(/[^a-z0-9]/gi, "_")}`;
}

/** Drivers written by hand in src/drivers/meters/ (register-coded payloads the search cannot find). */
const HANDWRITTEN: Readonly<Record<string, string>> = { apator162: "wm_apator162" };

const ids: string[] = [];
const files: string[] = [];
const all = merge(
  [...groups.values()].sort((a, b) =>
    `${a.name}/${a.manufacturer}`.localeCompare(`${b.name}/${b.manufacturer}`),
  ),
);
for (const [file, id] of Object.entries(HANDWRITTEN)) {
  files.push(file);
  ids.push(id);
}
const derived: DerivedDriver[] = [];
for (const acc of all) {
  if (HANDWRITTEN[acc.name] !== undefined) continue;
  const d = derive(acc);
  // a meter type none of whose values a record or payload field gives has no driver
  if (d.golden.every((g) => Object.keys(g.expect).length === 0)) continue;
  const multi = all.filter((g) => g.name === acc.name).length > 1;
  const file = multi ? `${acc.name}-${acc.manufacturer.toLowerCase()}` : acc.name;
  const id = ident(file);
  ids.push(id);
  files.push(file);
  derived.push({
    id,
    file,
    comment: `// wmbusmeters driver "${acc.name}" (${acc.meter}, manufacturer ${acc.manufacturer}): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.`,
    name: acc.name,
    meter: `${acc.manufacturer} ${acc.meter}${acc.merged?.length ? ` (also wmbusmeters' ${acc.merged.join(", ")})` : ""}`,
    match: matchOf(acc),
    fields: d.fields,
    payload: d.payload,
    sums: d.sums,
    // a golden telegram for which the driver gives none of the printed values checks nothing
    golden: d.golden.filter((g) => Object.keys(g.expect).length > 0),
  });
}
const shared = sharedFields(derived);
const fieldsets = fieldGroups(derived);
for (const d of derived)
  writeFileSync(new URL(`${d.file}.ts`, here), driverFile(d, shared, fieldsets.get(d.id)));
writeFileSync(new URL("../fieldsets/shared.ts", here), sharedFile(shared, fieldsets));
writeFileSync(
  new URL("../fieldsets/source.ts", here),
  `/** Where the derived wireless drivers' data comes from (cited once; generated by scripts/derive-drivers.ts). */
export const CORPUS_SOURCE =
  "github:wmbusmeters/wmbusmeters@${(corpus as { commit: string }).commit} (GPL-3.0), as copied in test/fixtures/wmbusmeters_wmbus.json: telegrams and the values wmbusmeters prints (facts only)";
/** The golden telegrams' source. */
export const CORPUS_FILE = "corpus wmbus/wmbusmeters_wmbus.json";
`,
);
const imports = files.map((f, i) => `import { ${ids[i]} } from "./meters/${f}";`).join("\n");
writeFileSync(
  new URL("../registry.ts", here),
  `/** Every wireless driver (one file per meter type in meters/, generated by scripts/derive-drivers.ts). */\n${imports}\nimport type { WirelessDriver } from "./types";\n\nexport const WIRELESS_DRIVERS: readonly WirelessDriver[] = [\n${ids.map((n) => `  ${n},`).join("\n")}\n];\n`,
);
const known = [...formats.entries()]
  .sort((a, b) => a[0] - b[0])
  .map(([k, v]) => `  0x${k.toString(16).padStart(4, "0")}: "${v}",`);
writeFileSync(
  new URL("../formats.ts", here),
  `/**\n * Record layouts by EN 13757-3 Annex G format signature, from the full frames of the corpus, so that\n * compact frames of those meters decode before a full frame was received (wmbusmeters keeps such known\n * layouts too). Signature -> the data record headers (DIF..VIFE of every record), hex.\n * Generated by scripts/derive-drivers.ts.\n */\nexport const KNOWN_FORMATS: Readonly<Record<number, string>> = {\n${known.join("\n")}\n};\n`,
);
process.stdout.write(`${ids.length} drivers, ${formats.size} formats written\n`);
