/** A JSON object as found in twin documents. */
export type JsonObject = { [key: string]: unknown };

function isObject(v: unknown): v is JsonObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * Applies a JSON merge patch (RFC 7396, the semantics of IoT Hub twin PATCH): objects merge
 * recursively, `null` deletes the key, every other value replaces. Returns a new object.
 */
export function mergePatch(target: JsonObject, patch: JsonObject): JsonObject {
  const out: JsonObject = { ...target };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else if (isObject(value))
      out[key] = mergePatch(isObject(out[key]) ? (out[key] as JsonObject) : {}, value);
    else out[key] = value;
  }
  return out;
}

/** Removes twin metadata keys (`$version`, `$metadata`, ...) at every level. */
export function stripTwinMetadata(doc: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(doc)) {
    if (key.startsWith("$")) continue;
    out[key] = isObject(value) ? stripTwinMetadata(value) : value;
  }
  return out;
}
