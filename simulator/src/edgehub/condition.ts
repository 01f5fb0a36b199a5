/**
 * The WHERE clause of IoT Edge routes (IoT Hub message routing query language): application
 * properties by name, system properties with `$` (`$connectionModuleId`, `$connectionDeviceId`,
 * `$contentType`, `$contentEncoding`), `$body.path` for JSON bodies; `= != <> < <= > >=`, `AND OR NOT`,
 * parentheses, `IS_DEFINED(x)`; string literals in single quotes, numbers, true, false, null.
 * An undefined operand makes a comparison undefined, and only `true` routes (as IoT Hub does).
 */
export type Expr =
  | { readonly op: "lit"; readonly value: string | number | boolean | null }
  | { readonly op: "ref"; readonly name: string }
  | { readonly op: "defined"; readonly arg: Expr }
  | { readonly op: "not"; readonly arg: Expr }
  | { readonly op: "and" | "or"; readonly left: Expr; readonly right: Expr }
  | { readonly op: "cmp"; readonly cmp: Cmp; readonly left: Expr; readonly right: Expr };

type Cmp = "=" | "!=" | "<" | "<=" | ">" | ">=";

export class ConditionError extends Error {
  override readonly name = "ConditionError";
  constructor(
    message: string,
    readonly offset: number,
    readonly source: string,
  ) {
    super(`${message} at offset ${offset} in '${source}'`);
  }
}

interface Token {
  readonly t: "id" | "str" | "num" | "op" | "(" | ")" | ",";
  readonly v: string;
  readonly at: number;
}

const TOKEN = /\s*(?:(\$?[A-Za-z_][\w.$-]*)|'((?:[^']|'')*)'|(-?\d+(?:\.\d+)?)|(<>|!=|<=|>=|=|<|>)|([(),]))/y;

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < src.length) {
    const ws = /^\s*/.exec(src.slice(TOKEN.lastIndex))![0].length;
    TOKEN.lastIndex += ws;
    if (TOKEN.lastIndex >= src.length) break;
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(src);
    if (!m) throw new ConditionError("unexpected character", at, src);
    if (m[1] !== undefined) out.push({ t: "id", v: m[1], at });
    else if (m[2] !== undefined) out.push({ t: "str", v: m[2].replace(/''/g, "'"), at });
    else if (m[3] !== undefined) out.push({ t: "num", v: m[3], at });
    else if (m[4] !== undefined) out.push({ t: "op", v: m[4] === "<>" ? "!=" : m[4], at });
    else out.push({ t: m[5] as "(" | ")" | ",", v: m[5]!, at });
  }
  return out;
}

/** Parses a WHERE condition into an expression tree. */
export function parseCondition(src: string): Expr {
  const toks = tokenize(src);
  let i = 0;
  const peek = () => toks[i];
  const kw = (word: string) => peek()?.t === "id" && peek()!.v.toUpperCase() === word;
  const fail = (msg: string): never => {
    throw new ConditionError(msg, peek()?.at ?? src.length, src);
  };
  const expect = (t: Token["t"]) => {
    if (peek()?.t !== t) fail(`expected '${t}'`);
    return toks[i++]!;
  };

  const or = (): Expr => {
    let left = and();
    while (kw("OR")) {
      i++;
      left = { op: "or", left, right: and() };
    }
    return left;
  };
  const and = (): Expr => {
    let left = not();
    while (kw("AND")) {
      i++;
      left = { op: "and", left, right: not() };
    }
    return left;
  };
  const not = (): Expr => {
    if (kw("NOT")) {
      i++;
      return { op: "not", arg: not() };
    }
    return cmp();
  };
  const cmp = (): Expr => {
    const left = primary();
    const t = peek();
    if (t?.t === "op") {
      i++;
      return { op: "cmp", cmp: t.v as Cmp, left, right: primary() };
    }
    return left;
  };
  const primary = (): Expr => {
    const t = peek() ?? fail("unexpected end");
    if (t.t === "(") {
      i++;
      const e = or();
      expect(")");
      return e;
    }
    if (t.t === "str") {
      i++;
      return { op: "lit", value: t.v };
    }
    if (t.t === "num") {
      i++;
      return { op: "lit", value: Number(t.v) };
    }
    if (t.t === "id") {
      i++;
      const upper = t.v.toUpperCase();
      if (upper === "TRUE" || upper === "FALSE") return { op: "lit", value: upper === "TRUE" };
      if (upper === "NULL") return { op: "lit", value: null };
      if (upper === "IS_DEFINED") {
        expect("(");
        const arg = or();
        expect(")");
        return { op: "defined", arg };
      }
      return { op: "ref", name: t.v };
    }
    return fail(`unexpected '${t.v}'`);
  };

  const e = or();
  if (i < toks.length) fail(`unexpected '${peek()!.v}'`);
  return e;
}

/** What a condition can see of a message. */
export interface ConditionContext {
  readonly properties: Readonly<Record<string, string>>;
  readonly system: Readonly<Record<string, string | undefined>>;
  readonly body?: unknown;
}

type Value = string | number | boolean | null | undefined;

function lookup(name: string, ctx: ConditionContext): Value {
  if (name.startsWith("$body.")) {
    let cur: unknown = ctx.body;
    for (const part of name.slice(6).split(".")) {
      if (cur === null || typeof cur !== "object") return undefined;
      cur = (cur as Record<string, unknown>)[part];
    }
    return cur === undefined || typeof cur === "object" ? (cur === null ? null : undefined) : (cur as Value);
  }
  if (name.startsWith("$")) return ctx.system[name.slice(1)];
  return ctx.properties[name];
}

function compare(cmp: Cmp, a: Value, b: Value): boolean | undefined {
  if (a === undefined || b === undefined) return undefined;
  // Application properties are strings; compare numerically when the other side is a number.
  if (typeof a === "number" && typeof b === "string" && b.trim() !== "") b = Number(b);
  if (typeof b === "number" && typeof a === "string" && a.trim() !== "") a = Number(a);
  switch (cmp) {
    case "=":
      return a === b;
    case "!=":
      return a !== b;
    case "<":
      return a !== null && b !== null ? a < b : undefined;
    case "<=":
      return a !== null && b !== null ? a <= b : undefined;
    case ">":
      return a !== null && b !== null ? a > b : undefined;
    case ">=":
      return a !== null && b !== null ? a >= b : undefined;
  }
}

function evaluate(e: Expr, ctx: ConditionContext): Value {
  switch (e.op) {
    case "lit":
      return e.value;
    case "ref":
      return lookup(e.name, ctx);
    case "defined":
      return evaluate(e.arg, ctx) !== undefined;
    case "not": {
      const v = evaluate(e.arg, ctx);
      return typeof v === "boolean" ? !v : undefined;
    }
    case "and": {
      const l = evaluate(e.left, ctx);
      if (l === false) return false;
      const r = evaluate(e.right, ctx);
      if (r === false) return false;
      return l === true && r === true ? true : undefined;
    }
    case "or": {
      const l = evaluate(e.left, ctx);
      if (l === true) return true;
      const r = evaluate(e.right, ctx);
      if (r === true) return true;
      return l === false && r === false ? false : undefined;
    }
    case "cmp":
      return compare(e.cmp, evaluate(e.left, ctx), evaluate(e.right, ctx));
  }
}

/** True only if the condition evaluates to `true` (undefined and false do not route). */
export function matches(e: Expr, ctx: ConditionContext): boolean {
  return evaluate(e, ctx) === true;
}
