/**
 * Output bytes for `omdp decode --batch`, written straight into a buffer: JSON text without building
 * strings for it (building, flattening and UTF-8 encoding the strings was most of the per-line cost).
 * Every method writes exactly what JSON.stringify writes for its value.
 */
import type { Writable } from "node:stream";

const HEX = new TextEncoder().encode("0123456789abcdef");
/** Exact powers of ten 10^0 .. 10^9. */
const POW10: readonly number[] = Array.from({ length: 10 }, (_, i) => 10 ** i);

/** JSON of a string is its characters in quotes when none is a control character, `"` or `\`, or non-ASCII. */
function plainAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c > 0x7e || c === 0x22 || c === 0x5c) return false;
  }
  return true;
}

export class ByteSink {
  private buf: Buffer;
  private pos = 0;
  private readonly strings = new Map<string, Uint8Array>();
  private readonly fragments = new Map<string, Map<number, Uint8Array>>();
  private readonly spare: Buffer[] = [];

  constructor(
    private readonly chunkBytes = 1 << 18,
    private readonly out?: Writable,
  ) {
    this.buf = Buffer.allocUnsafe(chunkBytes * 2);
  }

  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + n));
    this.buf.copy(bigger, 0, 0, this.pos);
    this.buf = bigger;
  }

  /**
   * A fragment that repeats (e.g. a record's keys with its table names and small numbers), identified by
   * a string and a number and made once by `make` (which returns its text).
   */
  fragment(a: string, b: number, make: () => string): void {
    let m = this.fragments.get(a);
    if (m === undefined) {
      m = new Map();
      this.fragments.set(a, m);
    }
    let u = m.get(b);
    if (u === undefined) {
      u = Buffer.from(make(), "utf8");
      if (this.fragments.size < 4096 && m.size < 4096) m.set(b, u);
    }
    this.bytes(u);
  }

  /** Characters known to be ASCII without anything to escape (keys, punctuation). */
  ascii(s: string): void {
    this.room(s.length);
    const b = this.buf;
    let p = this.pos;
    for (let i = 0; i < s.length; i++) b[p++] = s.charCodeAt(i);
    this.pos = p;
  }

  private bytes(u: Uint8Array): void {
    this.room(u.length);
    if (u.length > 24) {
      // a native copy beats the loop beyond a few dozen bytes
      this.buf.set(u, this.pos);
      this.pos += u.length;
      return;
    }
    const b = this.buf;
    let p = this.pos;
    for (let i = 0; i < u.length; i++) b[p++] = u[i]!;
    this.pos = p;
  }

  /** Any text, as UTF-8. */
  utf8(s: string): void {
    this.room(s.length * 3);
    this.pos += this.buf.write(s, this.pos, "utf8");
  }

  /** A JSON string. Strings that repeat (table names, units) are encoded once and cached. */
  str(s: string): void {
    let u = this.strings.get(s);
    if (u === undefined) {
      if (s.length > 64 || this.strings.size > 4096) {
        this.utf8(JSON.stringify(s));
        return;
      }
      u = Buffer.from(JSON.stringify(s), "utf8");
      this.strings.set(s, u);
    }
    this.bytes(u);
  }

  /** A JSON string that rarely repeats (values): not cached. */
  text(s: string): void {
    if (plainAscii(s)) {
      this.room(s.length + 2);
      const b = this.buf;
      let p = this.pos;
      b[p++] = 0x22;
      for (let i = 0; i < s.length; i++) b[p++] = s.charCodeAt(i);
      b[p++] = 0x22;
      this.pos = p;
    } else this.utf8(JSON.stringify(s));
  }

  /** A JSON number: finite numbers as String(n), the others as null. */
  num(n: number): void {
    if (n >= 0 && n < 1e9 && (n | 0) === n) {
      this.room(10);
      if (n < 10) {
        this.buf[this.pos++] = 0x30 + n;
        return;
      }
      const b = this.buf;
      const start = this.pos;
      let p = start;
      for (let v = n; v > 0; v = (v / 10) | 0) b[p++] = 0x30 + (v % 10);
      this.pos = p;
      for (let i = start, j = p - 1; i < j; i++, j--) {
        const t = b[i]!;
        b[i] = b[j]!;
        b[j] = t;
      }
      return;
    }
    if (!Number.isFinite(n)) this.ascii("null");
    else if (!this.decimal(n)) this.ascii(`${n}`);
  }

  /**
   * A number that is m / 10^k for an integer m below 10^15 (what scaled meter values are), written as
   * String(n) writes it without making the string; false (nothing written) for any other number.
   * Why it is String(n): m / 10^k is one correctly rounded division, so the decimal D = m x 10^-k
   * reads back as n; two different decimals of at most 15 digits are more than an ulp apart, so D is
   * the shortest decimal that reads back as n, which String(n) prints (ECMA-262 Number::toString), in
   * plain notation for 1e-6 <= |n| < 1e21.
   */
  private decimal(n: number): boolean {
    const a = n < 0 ? -n : n;
    if (!(a >= 1e-6 && a < 1e15)) return false;
    for (let k = 0; k <= 9; k++) {
      const m = a * POW10[k]!;
      if (m !== Math.floor(m)) continue;
      // a trailing zero: the power below did not give an integer (rounding); let String(n) decide
      if (m >= 1e15 || m / POW10[k]! !== a || (k > 0 && m % 10 === 0)) return false;
      this.room(26);
      const b = this.buf;
      const start = this.pos;
      let p = start;
      let v = m;
      for (let i = 0; i < k; i++) {
        b[p++] = 0x30 + (v % 10);
        v = Math.floor(v / 10);
      }
      if (k > 0) b[p++] = 0x2e; // '.'
      do {
        b[p++] = 0x30 + (v % 10);
        v = Math.floor(v / 10);
      } while (v > 0);
      if (n < 0) b[p++] = 0x2d; // '-'
      this.pos = p;
      // digits were written last first
      for (let i = start, j = p - 1; i < j; i++, j--) {
        const t = b[i]!;
        b[i] = b[j]!;
        b[j] = t;
      }
      return true;
    }
    return false;
  }

  bool(v: boolean): void {
    this.ascii(v ? "true" : "false");
  }

  /** Bytes as a JSON string of lower-case hex digits. */
  hex(src: Uint8Array, from: number, to: number): void {
    this.room(2 * (to - from) + 2);
    const b = this.buf;
    let p = this.pos;
    b[p++] = 0x22;
    for (let i = from; i < to; i++) {
      const x = src[i]!;
      b[p++] = HEX[x >> 4]!;
      b[p++] = HEX[x & 15]!;
    }
    b[p++] = 0x22;
    this.pos = p;
  }

  /** Bytes written so far. */
  get length(): number {
    return this.pos;
  }

  /** True when a chunk is ready to be flushed. */
  get full(): boolean {
    return this.pos >= this.chunkBytes;
  }

  /** Takes what is written (as a string, for tests and single documents) and starts over. */
  takeText(): string {
    const s = this.buf.toString("utf8", 0, this.pos);
    this.pos = 0;
    return s;
  }

  /** Writes what is collected to the stream; resolves when it can take more. */
  async flush(): Promise<void> {
    if (this.pos === 0 || !this.out) return;
    const full = this.buf;
    const chunk = full.subarray(0, this.pos);
    // the stream keeps the chunk until written: continue in a buffer it has given back, else a new one
    // (fresh buffers cost a page fault per 4 KiB the first time they are written)
    this.buf = this.spare.pop() ?? Buffer.allocUnsafe(full.length);
    this.pos = 0;
    const done = (): void => {
      if (this.spare.length < SPARE_BUFFERS) this.spare.push(full);
    };
    if (!this.out.write(chunk, done)) await drained(this.out);
  }
}

/** Buffers kept for reuse once the stream has written them. */
const SPARE_BUFFERS = 4;

function drained(out: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (e?: Error) => {
      out.off("drain", ok);
      out.off("error", done);
      out.off("close", ok);
      if (e) reject(e);
      else resolve();
    };
    const ok = () => done();
    out.once("drain", ok);
    out.once("error", done);
    out.once("close", ok);
  });
}
