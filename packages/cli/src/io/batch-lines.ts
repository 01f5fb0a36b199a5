/**
 * Batch input for `omdp decode --batch`, as a stream: stdin is read in large chunks and split into
 * telegrams here (one per line; a line ending in `-` or `\` continues on the next; blank lines are
 * skipped): the same telegrams as reading all of stdin and splitting it on /\r?\n/.
 */
import type { Readable } from "node:stream";

/** Splits text into telegram lines, keeping the partial last line and a pending continuation. */
export class TelegramLines {
  private rest = "";
  private pending = "";

  /** Feeds a chunk; calls `each` for every complete telegram. */
  push(chunk: string, each: (telegram: string) => void): void {
    const text = this.rest + chunk;
    let start = 0;
    for (let nl = text.indexOf("\n", start); nl >= 0; nl = text.indexOf("\n", start)) {
      // /\r?\n/: a CR right before the LF belongs to the separator (trim removes it anyway)
      this.line(text.slice(start, nl), each);
      start = nl + 1;
    }
    this.rest = text.slice(start);
  }

  /** End of input: the last line (without newline) and a dangling continuation. */
  end(each: (telegram: string) => void): void {
    this.line(this.rest, each);
    this.rest = "";
    if (this.pending.trim()) each(this.pending);
    this.pending = "";
  }

  /** True while a `-`/`\` continuation waits for its next line. */
  get continuing(): boolean {
    return this.pending !== "";
  }

  /** One complete line (without its newline). */
  line(raw: string, each: (telegram: string) => void): void {
    const t = raw.trim();
    const last = t.charCodeAt(t.length - 1);
    if (last === 0x2d || last === 0x5c) {
      this.pending += `${t.slice(0, -1)} `;
      return;
    }
    const whole = this.pending + t;
    this.pending = "";
    if (whole.trim()) each(whole);
  }
}

/** Character classes of the byte fast path: hex digit, ASCII separator of parseHex, anything else. */
const DIGIT = 1;
const SEPARATOR = 2;
const CLASS: Uint8Array = (() => {
  const t = new Uint8Array(256);
  for (const c of "0123456789abcdefABCDEF") t[c.charCodeAt(0)] = DIGIT;
  for (const c of [0x20, 0x09, 0x0b, 0x0c, 0x0d, 0x3a, 0x2d, 0x5f, 0x2c]) t[c] = SEPARATOR;
  return t;
})();
const WHITE = new Uint8Array(256);
for (const c of [0x20, 0x09, 0x0b, 0x0c, 0x0d]) WHITE[c] = 1;

/**
 * The same telegrams as TelegramLines over the UTF-8 text of the bytes, without decoding the common
 * lines to text: a line of hex digits and ASCII separators, with an even number of digits, not ending in a
 * continuation and not continuing one, goes to `fast` as its bytes (what quickHex gives for its text);
 * every other line goes through TelegramLines as text, to `slow`. A newline byte never occurs inside a
 * UTF-8 sequence, so decoding line by line gives the text that decoding the whole input gives.
 */
export class ByteLines {
  private rest: Buffer | null = null;
  private readonly text = new TelegramLines();

  push(chunk: Buffer, fast: (bytes: Uint8Array) => void, slow: (telegram: string) => void): void {
    const b = this.rest ? Buffer.concat([this.rest, chunk]) : chunk;
    let start = 0;
    for (let nl = b.indexOf(0x0a, start); nl >= 0; nl = b.indexOf(0x0a, start)) {
      this.line(b, start, nl, fast, slow);
      start = nl + 1;
    }
    this.rest = start < b.length ? b.subarray(start) : null;
  }

  end(fast: (bytes: Uint8Array) => void, slow: (telegram: string) => void): void {
    if (this.rest) this.line(this.rest, 0, this.rest.length, fast, slow);
    this.rest = null;
    this.text.end(slow);
  }

  private line(
    b: Buffer,
    from: number,
    to: number,
    fast: (bytes: Uint8Array) => void,
    slow: (t: string) => void,
  ): void {
    const bytes = this.text.continuing ? null : hexLine(b, from, to);
    if (bytes) fast(bytes);
    else this.text.line(b.toString("utf8", from, to), slow);
  }
}

/** The bytes of a plain hex line, or null when TelegramLines must see it as text. */
function hexLine(b: Buffer, from: number, to: number): Uint8Array | null {
  let last = to - 1;
  while (last >= from && WHITE[b[last]!]) last--;
  if (last < from || b[last] === 0x2d) return null; // blank, or a `-` continuation
  const out = new Uint8Array((to - from) >> 1);
  let n = 0;
  let hi = -1;
  for (let i = from; i <= last; i++) {
    const c = b[i]!;
    const k = CLASS[c]!;
    if (k === SEPARATOR) continue;
    if (k !== DIGIT) return null;
    const v = c <= 0x39 ? c - 0x30 : (c | 0x20) - 0x57;
    if (hi < 0) hi = v;
    else {
      out[n++] = (hi << 4) | v;
      hi = -1;
    }
  }
  if (hi >= 0 || n === 0) return null;
  return n === out.length ? out : out.slice(0, n);
}

/** Reads `input` in chunks (bytes); for a TTY there is no input. */
export async function* chunks(input: Readable & { isTTY?: boolean }): AsyncGenerator<Buffer> {
  if (input.isTTY) return;
  for await (const c of input) yield c as Buffer;
}
