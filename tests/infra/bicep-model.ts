/**
 * A small static reader for Bicep files: enough structure (params, resources, modules, outputs and
 * their expressions) to check the templates here, where no Bicep CLI runs. It reads declarations
 * line by line and collects each declaration's body by brace/bracket depth; it does not evaluate.
 */
import { readFileSync } from "node:fs";

export interface BicepParam {
  name: string;
  type: string;
  hasDefault: boolean;
}
export interface BicepResource {
  symbol: string;
  type: string;
  apiVersion: string;
  existing: boolean;
  body: string;
}
export interface BicepModule {
  symbol: string;
  path: string;
  body: string;
}
export interface BicepOutput {
  name: string;
  type: string;
  expression: string;
}
export interface BicepFile {
  params: BicepParam[];
  resources: BicepResource[];
  modules: BicepModule[];
  outputs: BicepOutput[];
  text: string;
}

/** Drops `//` comments outside strings (Bicep strings are single-quoted, `\'` escapes a quote). */
function stripComments(text: string): string {
  return text
    .split("\n")
    .map((line) => {
      let inString = false;
      for (let i = 0; i < line.length; i++) {
        const ch = line[i];
        if (ch === "\\" && inString) i++;
        else if (ch === "'") inString = !inString;
        else if (!inString && ch === "/" && line[i + 1] === "/") return line.slice(0, i);
      }
      return line;
    })
    .join("\n");
}

/** The text from `start` to the end of the declaration: until brackets balance at a line end. */
function declarationBody(lines: string[], start: number): string {
  let depth = 0;
  const out: string[] = [];
  for (let i = start; i < lines.length; i++) {
    const line = lines[i]!;
    out.push(line);
    for (const ch of line.replace(/'(?:\\.|[^'\\])*'/g, "''")) {
      if (ch === "{" || ch === "[" || ch === "(") depth++;
      else if (ch === "}" || ch === "]" || ch === ")") depth--;
    }
    if (depth <= 0) break;
  }
  return out.join("\n");
}

export function parseBicep(text: string): BicepFile {
  const clean = stripComments(text);
  const lines = clean.split("\n");
  const file: BicepFile = { params: [], resources: [], modules: [], outputs: [], text: clean };
  lines.forEach((line, i) => {
    let m = /^param\s+(\w+)\s+(\w+)(\s*=)?/.exec(line);
    if (m) file.params.push({ name: m[1]!, type: m[2]!, hasDefault: Boolean(m[3]) });
    m = /^resource\s+(\w+)\s+'([^'@]+)@([^']+)'\s+(existing\s+)?=/.exec(line);
    if (m)
      file.resources.push({
        symbol: m[1]!,
        type: m[2]!,
        apiVersion: m[3]!,
        existing: Boolean(m[4]),
        body: declarationBody(lines, i),
      });
    m = /^module\s+(\w+)\s+'([^']+)'\s*=/.exec(line);
    if (m) file.modules.push({ symbol: m[1]!, path: m[2]!, body: declarationBody(lines, i) });
    m = /^output\s+(\w+)\s+(\w+)\s*=\s*(.*)$/.exec(line);
    if (m)
      file.outputs.push({
        name: m[1]!,
        type: m[2]!,
        expression: declarationBody([m[3]!, ...lines.slice(i + 1)], 0),
      });
  });
  return file;
}

export function readBicep(path: string): BicepFile {
  return parseBicep(readFileSync(path, "utf8"));
}

/** Names given in a module's `params: { ... }` block (top-level keys only). */
export function moduleParamNames(mod: BicepModule): string[] {
  const start = mod.body.indexOf("params:");
  if (start < 0) return [];
  const block = declarationBody(mod.body.slice(start).split("\n"), 0).replace(/'(?:\\.|[^'\\])*'/g, "''");
  const names: string[] = [];
  let depth = 0;
  let token = "";
  let ended = false; // the identifier was followed by whitespace
  for (const ch of block.slice(block.indexOf("{"))) {
    if ("{[(".includes(ch)) depth++;
    else if ("}])".includes(ch)) depth--;
    if (depth !== 1) {
      token = "";
      continue;
    }
    if (/\w/.test(ch)) {
      if (ended) token = "";
      token += ch;
      ended = false;
    } else if (/\s/.test(ch)) ended = token !== "";
    else {
      if (ch === ":" && token) names.push(token);
      token = "";
      ended = false;
    }
  }
  return names;
}

/** `param x = ...` assignments of a .bicepparam file. */
export function bicepparamAssignments(text: string): string[] {
  return [...stripComments(text).matchAll(/^param\s+(\w+)\s*=/gm)].map((m) => m[1]!);
}
