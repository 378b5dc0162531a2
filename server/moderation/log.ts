/**
 * The moderation log: every decision, by whom and when, written in the same
 * transaction as the decision itself so neither exists without the other.
 */
import { randomUUID } from 'node:crypto';
import type { CanonDb } from '../db/connect';

/** Who decided: a moderator's address, or the script interfaces (`admin-token`, `cli`). */
export type Moderator = string;

export type LogEntry = { action: string; subject: string; detail: string };

/** The opening of a text, for the log's detail column. */
export function opening(text: string, max = 80): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length <= max ? oneLine : `${oneLine.slice(0, max - 1)}…`;
}

export async function logDecision(trx: CanonDb, by: Moderator, at: number, entry: LogEntry): Promise<void> {
  await trx
    .insertInto('moderation_log')
    .values({ id: randomUUID(), at, moderator: by, ...entry })
    .execute();
}

export type LoggedDecision = LogEntry & { id: string; at: number; moderator: string };

/** The latest decisions, newest first. */
export async function recentDecisions(db: CanonDb, limit: number): Promise<LoggedDecision[]> {
  const rows = await db
    .selectFrom('moderation_log')
    .selectAll()
    .orderBy('at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, at: Number(r.at) }));
}
