import { randomUUID } from "node:crypto";
import type Database from "better-sqlite3";
import type { Consent, ConsentProperty, ConsentRequest, ConsentResolution } from "../consent";

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  action: "grant" | "revoke";
  consentId: string;
  recipient: string;
  properties: ConsentProperty[];
  resolution: ConsentResolution;
  until: string | null;
}

type ConsentRow = {
  id: string;
  recipient: string;
  properties: string;
  resolution: ConsentResolution;
  granted_at: string;
  granted_by: string;
  until: string | null;
  revoked_at: string | null;
  revoked_by: string | null;
};

const toConsent = (r: ConsentRow): Consent => ({
  id: r.id,
  recipient: r.recipient,
  properties: JSON.parse(r.properties),
  resolution: r.resolution,
  grantedAt: r.granted_at,
  grantedBy: r.granted_by,
  until: r.until,
  revokedAt: r.revoked_at,
  revokedBy: r.revoked_by,
});

/** Consents and their audit log; every grant and revocation writes one audit entry in the same transaction. */
export class ConsentsRepo {
  constructor(private readonly db: Database.Database) {}

  all(): Consent[] {
    return (this.db.prepare("SELECT * FROM consents ORDER BY granted_at, id").all() as ConsentRow[]).map(
      toConsent,
    );
  }

  get(id: string): Consent | undefined {
    const row = this.db.prepare("SELECT * FROM consents WHERE id = ?").get(id) as ConsentRow | undefined;
    return row ? toConsent(row) : undefined;
  }

  grant(req: ConsentRequest, actor: string, now: number): Consent {
    const c: Consent = {
      id: randomUUID(),
      recipient: req.recipient,
      properties: [...new Set(req.properties)],
      resolution: req.resolution,
      grantedAt: new Date(now).toISOString(),
      grantedBy: actor,
      until: req.until ?? null,
      revokedAt: null,
      revokedBy: null,
    };
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO consents (id, recipient, properties, resolution, granted_at, granted_by, until)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(c.id, c.recipient, JSON.stringify(c.properties), c.resolution, c.grantedAt, actor, c.until);
      this.audit(c, "grant", actor, c.grantedAt);
    })();
    return c;
  }

  /** Revokes a consent; undefined when unknown, the unchanged consent when already revoked. */
  revoke(id: string, actor: string, now: number): Consent | undefined {
    const c = this.get(id);
    if (!c || c.revokedAt !== null) return c;
    const at = new Date(now).toISOString();
    this.db.transaction(() => {
      this.db.prepare("UPDATE consents SET revoked_at = ?, revoked_by = ? WHERE id = ?").run(at, actor, id);
      this.audit(c, "revoke", actor, at);
    })();
    return { ...c, revokedAt: at, revokedBy: actor };
  }

  auditLog(): AuditEntry[] {
    return (
      this.db.prepare("SELECT * FROM consent_audit ORDER BY seq").all() as {
        seq: number;
        at: string;
        actor: string;
        action: "grant" | "revoke";
        consent_id: string;
        recipient: string;
        properties: string;
        resolution: ConsentResolution;
        until: string | null;
      }[]
    ).map((r) => ({
      seq: r.seq,
      at: r.at,
      actor: r.actor,
      action: r.action,
      consentId: r.consent_id,
      recipient: r.recipient,
      properties: JSON.parse(r.properties),
      resolution: r.resolution,
      until: r.until,
    }));
  }

  private audit(c: Consent, action: "grant" | "revoke", actor: string, at: string): void {
    this.db
      .prepare(
        `INSERT INTO consent_audit (at, actor, action, consent_id, recipient, properties, resolution, until)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(at, actor, action, c.id, c.recipient, JSON.stringify(c.properties), c.resolution, c.until);
  }
}
