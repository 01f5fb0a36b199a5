import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { generateKey } from "./sas";
import { type Identity, identityKey } from "./topics";

interface Entry {
  readonly deviceId: string;
  readonly moduleId?: string;
  readonly primaryKey: string;
}

/**
 * The identity registry of the local hub: one symmetric key per module of the edge device and per
 * leaf device, generated on first use and kept in `file` (mode 0600) so restarts keep them.
 */
export class IdentityRegistry {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly file?: string) {
    if (file && existsSync(file)) {
      const saved = JSON.parse(readFileSync(file, "utf8")) as Entry[];
      for (const e of saved) this.entries.set(identityKey(e), e);
    }
  }

  ensure(id: Identity): Entry {
    const key = identityKey(id);
    let e = this.entries.get(key);
    if (!e) {
      e = {
        deviceId: id.deviceId,
        ...(id.moduleId ? { moduleId: id.moduleId } : {}),
        primaryKey: generateKey(),
      };
      this.entries.set(key, e);
      this.save();
    }
    return e;
  }

  find(id: Identity): Entry | undefined {
    return this.entries.get(identityKey(id));
  }

  list(): Identity[] {
    return [...this.entries.values()].map((e) => ({
      deviceId: e.deviceId,
      ...(e.moduleId ? { moduleId: e.moduleId } : {}),
    }));
  }

  /** Removes an identity (its tokens stop working at the next connect). */
  remove(id: Identity): boolean {
    const ok = this.entries.delete(identityKey(id));
    if (ok) this.save();
    return ok;
  }

  private save(): void {
    if (!this.file) return;
    mkdirSync(dirname(this.file), { recursive: true });
    writeFileSync(this.file, JSON.stringify([...this.entries.values()], null, 2), { mode: 0o600 });
  }
}

/** The resource URI a token must name: `{host}/devices/{d}[/modules/{m}]`. */
export function resourceUri(hubHost: string, id: Identity): string {
  return `${hubHost}/devices/${id.deviceId}${id.moduleId ? `/modules/${id.moduleId}` : ""}`;
}

/** A connection string the SDK accepts, pointing at the gateway. */
export function connectionString(hubHost: string, gateway: string, e: Entry): string {
  return [
    `HostName=${hubHost}`,
    `DeviceId=${e.deviceId}`,
    ...(e.moduleId ? [`ModuleId=${e.moduleId}`] : []),
    `SharedAccessKey=${e.primaryKey}`,
    `GatewayHostName=${gateway}`,
  ].join(";");
}
