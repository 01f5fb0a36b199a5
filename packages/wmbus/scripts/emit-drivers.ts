/**
 * Writes derived wireless drivers as compact TypeScript (src/drivers/meters/*.ts): fields as calls of
 * the helpers in src/drivers/fieldsets/records.ts, fields that several drivers read once in
 * src/drivers/fieldsets/shared.ts, the corpus citation once in src/drivers/fieldsets/source.ts.
 * Used by derive-drivers.ts; the output is then formatted by biome.
 */
import type { DriverField, PayloadField, RecordSelector } from "@omdp/mbus";

export interface DerivedDriver {
  id: string;
  file: string;
  comment: string;
  name: string;
  meter: string;
  match: { manufacturer: string; version: number[]; medium: number[] };
  fields: DriverField[];
  payload: PayloadField[];
  sums: { name: string; unit: string; of: readonly string[] }[];
  golden: { hex: string; key: string | null; expect: Record<string, number> }[];
}

const hex = (n: number): string => `0x${n.toString(16).padStart(2, "0")}`;
const str = (s: string): string => JSON.stringify(s);

function vifCode(s: RecordSelector): string {
  if (s.vif === undefined) return "null";
  return s.vif.table === "primary" ? hex(s.vif.code) : `[${str(s.vif.table)}, ${hex(s.vif.code)}]`;
}

function atCode(s: RecordSelector): string {
  const parts: string[] = [];
  if (s.function !== undefined && s.function !== "instantaneous") parts.push(`function: ${str(s.function)}`);
  if (s.storage) parts.push(`storage: ${s.storage}`);
  if (s.tariff) parts.push(`tariff: ${s.tariff}`);
  if (s.subunit) parts.push(`subunit: ${s.subunit}`);
  if (s.vife !== undefined && s.vife.length > 0) parts.push(`vife: [${s.vife.map(hex).join(", ")}]`);
  if (s.plainText !== undefined) parts.push(`plainText: ${str(s.plainText)}`);
  if (s.index !== undefined) parts.push(`index: ${s.index}`);
  return parts.length === 0 ? "" : `{ ${parts.join(", ")} }`;
}

function selCode(s: RecordSelector): string {
  const at = atCode(s);
  return `sel(${str(s.quantity ?? "")}, ${vifCode(s)}${at === "" ? "" : `, ${at}`})`;
}

export function fieldCode(f: DriverField): string {
  const at = atCode(f.from);
  const args = [str(f.name), str(f.unit), str(f.quantity), vifCode(f.from)];
  if (at !== "" || f.scale !== undefined) args.push(at === "" ? "{}" : at);
  if (f.scale !== undefined) args.push(String(f.scale));
  return `rec(${args.join(", ")})`;
}

function payloadCode(p: PayloadField, sources: Map<string, string>): string {
  const args = [str(p.name), str(p.unit), String(p.offset), String(p.length), str(p.coding)];
  if (p.scale !== undefined || p.from !== undefined)
    args.push(p.scale === undefined ? "undefined" : String(p.scale));
  if (p.from !== undefined) args.push(sources.get(selCode(p.from)) ?? selCode(p.from));
  return `bytes(${args.join(", ")})`;
}

/** The records several payload fields of a driver read, each as a local constant (`RECORD_1`, ...). */
function payloadSources(payload: readonly PayloadField[]): Map<string, string> {
  const count = new Map<string, number>();
  for (const p of payload) {
    if (p.from === undefined) continue;
    const code = selCode(p.from);
    count.set(code, (count.get(code) ?? 0) + 1);
  }
  const out = new Map<string, string>();
  for (const [code, n] of count) if (n > 1) out.set(code, `RECORD_${out.size + 1}`);
  return out;
}

/** Constant names of the fields that more than one driver reads, by the field's JSON. */
export function sharedFields(
  drivers: readonly DerivedDriver[],
): Map<string, { name: string; field: DriverField }> {
  const count = new Map<string, { n: number; field: DriverField }>();
  for (const d of drivers)
    for (const f of new Set(d.fields.map((x) => JSON.stringify(x)))) {
      const c = count.get(f) ?? { n: 0, field: JSON.parse(f) as DriverField };
      c.n++;
      count.set(f, c);
    }
  const out = new Map<string, { name: string; field: DriverField }>();
  const taken = new Set<string>();
  for (const [k, c] of [...count.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    if (c.n < 2) continue;
    const base = `${c.field.name}_${c.field.unit}`.toUpperCase().replace(/[^A-Z0-9]/g, "_");
    // the same name from records of another VIF, place or further VIFEs: told apart by the VIF code
    const vif = c.field.from.vif;
    let name =
      taken.has(base) && vif !== undefined ? `${base}_VIF_${vif.code.toString(16).toUpperCase()}` : base;
    for (let i = 2; taken.has(name) && i < 100; i++) name = `${base}_${i}`;
    taken.add(name);
    out.set(k, { name, field: c.field });
  }
  return out;
}

/** Fields that several drivers read alike, in the order of the first of them: one fieldset. */
export interface FieldGroup {
  name: string;
  keys: string[];
}

const printed = (key: string): string => {
  const f = JSON.parse(key) as DriverField;
  return `${f.name}_${f.unit}`;
};

/** A driver's fields whose printed name no other field of it has (their order does not matter). */
function uniqueKeys(d: DerivedDriver): string[] {
  const keys = d.fields.map((f) => JSON.stringify(f));
  return keys.filter((k) => keys.filter((o) => printed(o) === printed(k)).length === 1);
}

/**
 * Drivers that share at least four fields get them as one fieldset (each driver in one set at most):
 * the set is the fields of the first driver that the second reads too; later drivers holding them all
 * use it as well. By driver id.
 */
export function fieldGroups(drivers: readonly DerivedDriver[]): Map<string, FieldGroup> {
  const out = new Map<string, FieldGroup>();
  for (const [i, a] of drivers.entries()) {
    if (out.has(a.id)) continue;
    const ka = uniqueKeys(a);
    for (const b of drivers.slice(i + 1)) {
      if (out.has(b.id)) continue;
      const kb = new Set(uniqueKeys(b));
      const common = ka.filter((k) => kb.has(k));
      if (common.length < 4) continue;
      const group = { name: `${a.file.toUpperCase().replace(/[^A-Z0-9]/g, "_")}_FIELDS`, keys: common };
      for (const d of drivers)
        if (!out.has(d.id) && common.every((k) => uniqueKeys(d).includes(k))) out.set(d.id, group);
      break;
    }
  }
  return out;
}

function fieldRef(key: string, shared: Map<string, { name: string; field: DriverField }>): string {
  return shared.get(key)?.name ?? fieldCode(JSON.parse(key) as DriverField);
}

export function sharedFile(
  shared: Map<string, { name: string; field: DriverField }>,
  groups: Map<string, FieldGroup>,
): string {
  const rows = [...shared.values()].map((s) => `export const ${s.name} = ${fieldCode(s.field)};`);
  const sets = [...new Set(groups.values())].map(
    (g) =>
      `/** Fields ${[...groups]
        .filter(([, x]) => x === g)
        .map(([id]) => id)
        .join(
          ", ",
        )} read alike. */\nexport const ${g.name}: readonly DriverField[] = [${g.keys.map((k) => fieldRef(k, shared)).join(", ")}];`,
  );
  return `/**
 * Fields that several wireless drivers read the same way (the same name from the same record), and
 * fieldsets several drivers share, written once. Generated by scripts/derive-drivers.ts.
 */
import type { DriverField } from "@omdp/mbus";
import { rec } from "./records";

${rows.join("\n")}

${sets.join("\n\n")}
`;
}

export function driverFile(
  d: DerivedDriver,
  shared: Map<string, { name: string; field: DriverField }>,
  group?: FieldGroup,
): string {
  const used: string[] = [];
  const fields: string[] = [];
  for (const f of d.fields) {
    const key = JSON.stringify(f);
    if (group?.keys.includes(key)) {
      // the fieldset stands where its first field stood
      if (key === group.keys.find((k) => d.fields.some((x) => JSON.stringify(x) === k))) {
        fields.push(`...${group.name}`);
        used.push(group.name);
      }
      continue;
    }
    const s = shared.get(key);
    if (s === undefined) fields.push(fieldCode(f));
    else {
      used.push(s.name);
      fields.push(s.name);
    }
  }
  const sources = payloadSources(d.payload);
  const payload = d.payload.map((p) => payloadCode(p, sources));
  const locals = [...sources].map(
    ([code, name]) => `/** The record whose data several payload fields read. */\nconst ${name} = ${code};\n`,
  );
  const code = [...fields, ...payload, ...sources.keys()].join(" ");
  const helpers = ["rec", "sel", "bytes"].filter((h) => code.includes(`${h}(`));
  const golden = d.golden.map(
    (g) =>
      `{ hex: ${str(g.hex)},${g.key === null ? "" : ` key: ${str(g.key)},`} source: CORPUS_FILE, expect: ${JSON.stringify(g.expect)} }`,
  );
  const version = d.match.version.join(", ");
  const medium = d.match.medium.map(hex).join(", ");
  return `${d.comment}
${helpers.length > 0 ? `import { ${helpers.join(", ")} } from "../fieldsets/records";\n` : ""}${used.length > 0 ? `import { ${[...new Set(used)].sort().join(", ")} } from "../fieldsets/shared";\n` : ""}import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

${locals.join("\n")}${locals.length > 0 ? "\n" : ""}export const ${d.id}: WirelessDriver = {
  name: ${str(d.name)},
  meter: ${str(d.meter)},
  source: CORPUS_SOURCE,
  match: { manufacturer: ${str(d.match.manufacturer)}, version: [${version}], medium: [${medium}] },
  fields: [${fields.join(", ")}],
  payload: [${payload.join(", ")}],
${d.sums.length > 0 ? `  sums: [${d.sums.map((f) => `{ name: ${str(f.name)}, unit: ${str(f.unit)}, of: ${JSON.stringify(f.of)} }`).join(", ")}],\n` : ""}  golden: [${golden.join(", ")}],
};
`;
}
