import { existsSync } from "node:fs";
import Database from "better-sqlite3";

/** The message ids in a module's outbox file, read beside the writer (WAL allows a second reader). */
export function idsInOutbox(file: string): string[] {
  if (!existsSync(file)) return [];
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare("SELECT body FROM outbox ORDER BY seq").all() as { body: string }[];
    return rows.map((r) => (JSON.parse(r.body) as { id: string }).id);
  } catch {
    return []; // not created yet
  } finally {
    db.close();
  }
}
