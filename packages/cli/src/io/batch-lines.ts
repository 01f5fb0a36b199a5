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

  private line(raw: string, each: (telegram: string) => void): void {
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

/** Reads `input` as UTF-8 in chunks; for a TTY there is no input. */
export async function* chunks(input: Readable & { isTTY?: boolean }): AsyncGenerator<string> {
  if (input.isTTY) return;
  input.setEncoding("utf8");
  for await (const c of input) yield c as string;
}
