/**
 * Output bytes for `omdp decode --batch`, written straight into a buffer: JSON text without building
 * strings for it (building, flattening and UTF-8 encoding the strings was most of the per-line cost).
 * Every method writes exactly what JSON.stringify writes for its value.
 */
import type { Writable } from "node:stream";

const HEX = new TextEncoder().encode("0123456789abcdef");

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
    this.ascii(Number.isFinite(n) ? `${n}` : "null");
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
    const chunk = this.buf.subarray(0, this.pos);
    // the stream keeps the chunk until written: continue in a new buffer
    this.buf = Buffer.allocUnsafe(this.buf.length);
    this.pos = 0;
    if (!this.out.write(chunk)) await drained(this.out);
  }
}

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
