import { redact } from "./redact";

export type Level = "debug" | "info" | "warn" | "error";
const RANK: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(component: string): Logger;
}

export interface LoggerOptions {
  level?: Level;
  /** Where lines go; default stderr (stdout stays free for a command's own output). */
  write?: (line: string) => void;
}

/** A logger that writes one JSON object per line: `{ t, level, component, msg, ...fields }`, secrets redacted. */
export function createLogger(component: string, opts: LoggerOptions = {}): Logger {
  const min = RANK[opts.level ?? ((process.env.OMDP_LOG_LEVEL as Level | undefined) || "info")] ?? RANK.info;
  const write = opts.write ?? ((line: string) => process.stderr.write(line));
  const log =
    (level: Level) =>
    (msg: string, fields?: Record<string, unknown>): void => {
      if (RANK[level] < min) return;
      const safe = fields ? (redact(fields) as Record<string, unknown>) : {};
      write(`${JSON.stringify({ t: new Date().toISOString(), level, component, msg, ...safe })}\n`);
    };
  return {
    debug: log("debug"),
    info: log("info"),
    warn: log("warn"),
    error: log("error"),
    child: (sub) => createLogger(`${component}.${sub}`, opts),
  };
}
