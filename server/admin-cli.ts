/**
 * Moderation from a shell, against the same database the server uses (and
 * while it runs): decisions go through the same write transactions, so the
 * running processes hear of them and drop their cached answers.
 */
import { randomUUID } from 'node:crypto';
import type { Config } from './config';
import { openDatabase } from './db/connect';
import { prepareDatabase } from './db/prepare';
import { createWriter } from './db/write';
import {
  acceptNomination,
  declineNomination,
  decideComment,
  moderationQueue,
  type CommentDecision,
} from './moderation/actions';

const USAGE = `usage: npm run server -- admin <command>
  queue                         list waiting and flagged comments and open nominations
  approve|deny|spam <comment>   decide on a comment
  accept <nomination> [book-id] add a nominated book to the canon
  decline <nomination>          decline a nomination`;

export async function runAdmin(config: Config, args: string[]): Promise<number> {
  const [command, id, extra] = args;
  const { db } = openDatabase(config);
  // This process caches nothing; the servers hear of its writes through the change feed.
  const write = createWriter(db, { origin: randomUUID(), onCommitted: () => {} });
  try {
    await prepareDatabase(db, null);
    switch (command) {
      case 'queue': {
        const comments = await moderationQueue(db);
        const nominations = await db
          .selectFrom('nominations')
          .select(['id', 'title', 'isbn13'])
          .where('status', '=', 'open')
          .execute();
        console.log(JSON.stringify({ comments, nominations }, null, 2));
        return 0;
      }
      case 'approve':
      case 'deny':
      case 'spam': {
        if (id === undefined) break;
        const ok = await decideComment(write, id, command as CommentDecision, 'cli', Date.now());
        console.log(ok ? `comment ${id}: ${command}` : `no comment ${id}`);
        return ok ? 0 : 1;
      }
      case 'accept': {
        if (id === undefined) break;
        const outcome = await acceptNomination(write, id, extra, Date.now(), 'cli');
        console.log(outcome.ok ? `accepted as ${outcome.bookId}` : `not accepted: ${outcome.reason}`);
        return outcome.ok ? 0 : 1;
      }
      case 'decline': {
        if (id === undefined) break;
        const ok = await declineNomination(write, id, 'cli', Date.now());
        console.log(ok ? `declined ${id}` : `no open nomination ${id}`);
        return ok ? 0 : 1;
      }
    }
    console.error(USAGE);
    return 2;
  } finally {
    await db.destroy();
  }
}
