/**
 * One data line (P1 Companion Standard 5.0.2 §6.3, IEC 62056-21 data set): an OBIS reference
 * `A-B:C.D.E` (an optional `.F` is accepted and dropped when 255) followed by value groups `(...)`.
 */
import { DsmrError } from "./errors";
import type { FrameLine } from "./frame";

export interface DataLine {
  readonly obis: string;
  /** The value groups' contents, without the parentheses. */
  readonly groups: readonly string[];
  readonly offset: number;
}

const OBIS = /^(\d{1,3})-(\d{1,3}):(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\.(\d{1,3}))?(?=\()/;

export function parseLine(line: FrameLine): DataLine {
  const m = OBIS.exec(line.text);
  if (m === null) {
    throw new DsmrError(
      "BAD_OBIS",
      `line does not start with an OBIS reference and '(': "${line.text.slice(0, 40)}"`,
      {
        offset: line.offset,
        actual: line.text.slice(0, 40),
      },
    );
  }
  const f = m[6];
  const base = `${m[1]}-${m[2]}:${m[3]}.${m[4]}.${m[5]}`;
  const obis = f === undefined || f === "255" ? base : `${base}*${f}`;
  return { obis, groups: splitGroups(line, m[0].length), offset: line.offset };
}

function splitGroups(line: FrameLine, from: number): string[] {
  const groups: string[] = [];
  const text = line.text;
  let pos = from;
  while (pos < text.length) {
    const close = text.indexOf(")", pos);
    const nextOpen = text.indexOf("(", pos + 1);
    if (text[pos] !== "(" || close < 0 || (nextOpen >= 0 && nextOpen < close)) {
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
