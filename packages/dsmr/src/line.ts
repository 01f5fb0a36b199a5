/**
 * One data line (P1 Companion Standard 5.0.2 §6.3, IEC 62056-21 data set): an OBIS reference
 * `A-B:C.D.E` (an optional `.F` is accepted and dropped when 255) followed by value groups `(...)`.
 * Read by scanning the characters (no regular expression, no copies but the id and the groups).
 */
import { DsmrError } from "./errors";
import type { FrameLine } from "./frame";

export interface DataLine {
  readonly obis: string;
  /** The value groups' contents, without the parentheses. */
  readonly groups: readonly string[];
  readonly offset: number;
}

const OPEN = 0x28;
const CLOSE = 0x29;
/** The separators after A, B, C and D of `A-B:C.D.E`. */
const SEPARATORS = [0x2d, 0x3a, 0x2e, 0x2e] as const;
const DOT = 0x2e;

export function parseLine(line: FrameLine): DataLine {
  const t = line.text;
  const ref = obisReference(t);
  if (ref === undefined) {
    throw new DsmrError(
      "BAD_OBIS",
      `line does not start with an OBIS reference and '(': "${t.slice(0, 40)}"`,
      {
        offset: line.offset,
        actual: t.slice(0, 40),
      },
    );
  }
  const base = t.slice(0, ref.baseEnd);
  const f = ref.end === ref.baseEnd ? undefined : t.slice(ref.baseEnd + 1, ref.end);
  const obis = f === undefined || f === "255" ? base : `${base}*${f}`;
  return { obis, groups: splitGroups(line, ref.end), offset: line.offset };
}

/**
 * `A-B:C.D.E` with one to three digits each, an optional `.F`, and `(` right after: where E ends and
 * where the reference ends (the `(`); undefined when the line does not start so.
 */
function obisReference(t: string): { baseEnd: number; end: number } | undefined {
  let p = 0;
  for (const sep of SEPARATORS) {
    p = digitsEnd(t, p);
    if (p < 0 || t.charCodeAt(p) !== sep) return undefined;
    p++;
  }
  const baseEnd = digitsEnd(t, p);
  if (baseEnd < 0) return undefined;
  if (t.charCodeAt(baseEnd) === OPEN) return { baseEnd, end: baseEnd };
  if (t.charCodeAt(baseEnd) !== DOT) return undefined;
  const end = digitsEnd(t, baseEnd + 1);
  return end >= 0 && t.charCodeAt(end) === OPEN ? { baseEnd, end } : undefined;
}

/** The end of one to three digits at `p` (not followed by a fourth), or -1. */
function digitsEnd(t: string, p: number): number {
  let e = p;
  while (e < p + 3 && isDigit(t.charCodeAt(e))) e++;
  return e === p || isDigit(t.charCodeAt(e)) ? -1 : e;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** `(g1)(g2)...` to the groups; a group opened inside another or not closed is BAD_LINE. */
function splitGroups(line: FrameLine, from: number): string[] {
  const groups: string[] = [];
  const text = line.text;
  const n = text.length;
  let pos = from;
  while (pos < n) {
    let close = pos + 1;
    while (close < n && text.charCodeAt(close) !== CLOSE && text.charCodeAt(close) !== OPEN) close++;
    if (text.charCodeAt(pos) !== OPEN || close >= n || text.charCodeAt(close) !== CLOSE) {
      throw new DsmrError("BAD_LINE", `value group not closed or not opened in "${text.slice(0, 40)}"`, {
        offset: line.offset + pos,
        actual: text.slice(pos, pos + 20),
      });
    }
    groups.push(text.slice(pos + 1, close));
    pos = close + 1;
  }
  return groups;
}
