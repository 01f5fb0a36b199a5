/**
 * Readable logs for `npm start`: every component writes JSON lines (@omdp/logger); the supervisor prints
 * them as `14:03:07 INFO  edge   sharing.api: listening port=8080`, one line each. Lines that are not
 * JSON pass through with the component's prefix. Pure formatting; the supervisor does the writing.
 */
const LEVELS: Record<string, string> = { debug: "DEBUG", info: "INFO ", warn: "WARN ", error: "ERROR" };

function fieldText(v: unknown): string {
  if (typeof v === "string") return /\s/.test(v) ? JSON.stringify(v) : v;
  if (v && typeof v === "object") {
    const s = JSON.stringify(v);
    return s.length > 200 ? `${s.slice(0, 197)}...` : s;
  }
  return String(v);
}

export function prettyLine(source: string, line: string, width = 10): string {
  let trimmed = line.trimEnd();
  // The edge hub prefixes its module processes' lines with `[module] `: show the module as the source.
  const nested = /^\[([A-Za-z0-9_.-]+)\] (.*)$/.exec(trimmed);
  if (nested) {
    source = nested[1]!;
    trimmed = nested[2]!;
  }
  const name = source.padEnd(width);
  if (!trimmed.startsWith("{")) return `               ${name} ${trimmed}`;
  let o: Record<string, unknown>;
  try {
    o = JSON.parse(trimmed) as Record<string, unknown>;
  } catch {
    return `               ${name} ${trimmed}`;
  }
  const { t, level, component, msg, ...rest } = o;
  const time = typeof t === "string" && t.length >= 19 ? t.slice(11, 19) : "        ";
  const lvl = LEVELS[String(level)] ?? String(level ?? "").padEnd(5);
  const fields = Object.entries(rest)
    .map(([k, v]) => `${k}=${fieldText(v)}`)
    .join(" ");
  const comp = typeof component === "string" ? `${component}: ` : "";
  return `${time} ${lvl} ${name} ${comp}${String(msg ?? "")}${fields ? ` ${fields}` : ""}`;
}

/** Splits a stream of chunks into whole lines (a partial last line waits for the next chunk). */
export function lineSplitter(onLine: (line: string) => void): { push(chunk: string): void; flush(): void } {
  let buf = "";
  return {
    push(chunk) {
      buf += chunk;
      let i = buf.indexOf("\n");
      while (i >= 0) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 1);
        if (line.trim()) onLine(line);
        i = buf.indexOf("\n");
      }
      if (buf.length > 1 << 20) {
        onLine(buf);
        buf = "";
      }
    },
    flush() {
      if (buf.trim()) onLine(buf);
      buf = "";
    },
  };
}
