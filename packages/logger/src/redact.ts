/** Field names whose values are secrets: never printed, whatever the level. */
const SECRET_KEY =
  /(^|[_-])(key|keys|authKey|secret|password|token|sas|signature|connectionString|sharedAccessKey)$/i;
const SECRET_INLINE = [
  /SharedAccessSignature [^\s"']+/g,
  /SharedAccessKey=[^;\s"']+/g,
  /\bsig=[^&\s"']+/g,
  /\bBearer [A-Za-z0-9._~+/=-]+/g,
];

/** Replaces secret-looking values inside a string (SAS tokens, shared access keys, bearer tokens). */
export function redactText(text: string): string {
  let out = text;
  for (const re of SECRET_INLINE)
    out = out.replace(re, (m) => `${m.slice(0, m.search(/[= ]/) + 1)}[redacted]`);
  return out;
}

/** Deep copy with every secret field replaced by "[redacted]". */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 8) return "[deep]";
  if (typeof value === "string") return redactText(value);
  if (value instanceof Error) return { name: value.name, message: redactText(value.message) };
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value))
      out[k] = SECRET_KEY.test(k) ? "[redacted]" : redact(v, depth + 1);
    return out;
  }
  return value;
}
