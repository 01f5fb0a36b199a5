import { createHash, randomBytes, randomUUID } from "node:crypto";
import type Database from "better-sqlite3";

export interface TokenInfo {
  id: string;
  name: string;
  /** null: the household's own token (every route); otherwise a third-party recipient (export only). */
  recipient: string | null;
  createdAt: string;
  revokedAt: string | null;
}

/** SHA-256 of a token: the only form the store keeps. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** API bearer tokens: 256 random bits, shown once at creation, stored hashed. */
export class TokensRepo {
  constructor(private readonly db: Database.Database) {}

  create(name: string, recipient: string | null, now: number): { id: string; token: string } {
    const id = randomUUID();
    const token = `omdp_${randomBytes(32).toString("base64url")}`;
    this.db
      .prepare("INSERT INTO tokens (id, name, hash, created_at, recipient) VALUES (?, ?, ?, ?, ?)")
      .run(id, name, hashToken(token), new Date(now).toISOString(), recipient);
    return { id, token };
  }

  /** Revokes a token; false when the id is unknown. */
  revoke(id: string, now: number): boolean {
    return (
      this.db
        .prepare("UPDATE tokens SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?")
        .run(new Date(now).toISOString(), id).changes === 1
    );
  }

  /** The token's record when it exists and is not revoked. */
  verify(token: string): TokenInfo | undefined {
    const row = this.db
      .prepare("SELECT id, name, recipient, created_at, revoked_at FROM tokens WHERE hash = ?")
      .get(hashToken(token)) as
      | { id: string; name: string; recipient: string | null; created_at: string; revoked_at: string | null }
      | undefined;
    if (!row || row.revoked_at !== null) return undefined;
    return {
      id: row.id,
      name: row.name,
      recipient: row.recipient,
      createdAt: row.created_at,
      revokedAt: null,
    };
  }

  list(): TokenInfo[] {
    return (
      this.db
        .prepare("SELECT id, name, recipient, created_at, revoked_at FROM tokens ORDER BY created_at")
        .all() as {
        id: string;
        name: string;
        recipient: string | null;
        created_at: string;
        revoked_at: string | null;
      }[]
    ).map((r) => ({
      id: r.id,
      name: r.name,
      recipient: r.recipient,
      createdAt: r.created_at,
      revokedAt: r.revoked_at,
    }));
  }
}
