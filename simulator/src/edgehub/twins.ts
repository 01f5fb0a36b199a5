import { type JsonObject, mergePatch } from "@omdp/edge-module";

interface TwinDoc {
  doc: JsonObject;
  version: number;
}

export interface Twin {
  desired: TwinDoc;
  reported: TwinDoc;
}

/**
 * Module and device twins held by the local hub (in memory; seeded from the manifest at start, as
 * the edge agent does when it applies a deployment). Versions start at 1 and grow with each patch.
 */
export class TwinStore {
  private readonly twins = new Map<string, Twin>();

  seed(key: string, desired: JsonObject): void {
    this.twins.set(key, {
      desired: { doc: structuredClone(desired), version: 1 },
      reported: { doc: {}, version: 1 },
    });
  }

  get(key: string): Twin {
    let t = this.twins.get(key);
    if (!t) {
      t = { desired: { doc: {}, version: 1 }, reported: { doc: {}, version: 1 } };
      this.twins.set(key, t);
    }
    return t;
  }

  /** The twin as IoT Hub's MQTT GET returns it: `{ desired: {..., $version}, reported: {..., $version} }`. */
  document(key: string): { desired: JsonObject; reported: JsonObject } {
    const t = this.get(key);
    return {
      desired: { ...t.desired.doc, $version: t.desired.version },
      reported: { ...t.reported.doc, $version: t.reported.version },
    };
  }

  patchDesired(key: string, patch: JsonObject): number {
    const t = this.get(key);
    t.desired.doc = mergePatch(t.desired.doc, patch);
    t.desired.version += 1;
    return t.desired.version;
  }

  patchReported(key: string, patch: JsonObject): number {
    const t = this.get(key);
    t.reported.doc = mergePatch(t.reported.doc, patch);
    t.reported.version += 1;
    return t.reported.version;
  }
}
