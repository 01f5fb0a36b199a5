/**
 * The two names of a 6-byte OBIS object name, memoised: `A.B.C.D.E.F` (@omdp/dlms formatObis, the list
 * entry's `obis`) and `A-B:C.D.E[*F]` (@omdp/model obisFromBytes, the reading's property). A meter sends
 * the same few dozen codes in every file, once a second; formatting six numbers twice per entry was a
 * tenth of a decode. Bounded: a table past MAX_NAMES entries (random input) starts over.
 */
import { formatObis } from "@omdp/dlms";
import { obisFromBytes } from "@omdp/model";

const MAX_NAMES = 4096;
const DOTTED = new Map<number, string>();
const PROPERTY = new Map<number, string>();

/** The six bytes as one integer (48 bits, exact in a double). */
function key(b: Uint8Array): number {
  return (b[0]! * 0x10000 + b[1]! * 0x100 + b[2]!) * 0x1000000 + (b[3]! * 0x10000 + b[4]! * 0x100 + b[5]!);
}

function memo(table: Map<number, string>, b: Uint8Array, name: (b: Uint8Array) => string): string {
  const k = key(b);
  const known = table.get(k);
  if (known !== undefined) return known;
  if (table.size >= MAX_NAMES) table.clear();
  const n = name(b);
  table.set(k, n);
  return n;
}

/** formatObis of a 6-byte name. */
export function dottedObis(b: Uint8Array): string {
  return memo(DOTTED, b, formatObis);
}

/** obisFromBytes of a 6-byte name. */
export function propertyObis(b: Uint8Array): string {
  return memo(PROPERTY, b, obisFromBytes);
}
