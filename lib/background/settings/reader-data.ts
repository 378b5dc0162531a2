/**
 * Export and import of the reader's own data: identity name and e-mail,
 * settings, and writes not yet acknowledged. Never the identity secret: an
 * export file is not a credential. Imported writes keep their ids, so a write
 * already delivered from the exporting browser is recognised, not repeated.
 */
import { identityFor } from '../identity/record';
import type { ExportFile } from '../../shared/messages/payloads';
import { ok, type Result } from '../../shared/messages/result';
import {
  anySiteItem,
  currentCanonServer,
  showOnItem,
  sidebarItem,
  siteSwitchesItem,
  themeItem,
} from '../../shared/settings/items';
import { updateSettings } from './update';
import { enqueue, listOutbox } from '../outbox/store';
import type { BackgroundContext } from '../core/context';

export async function exportReaderData(ctx: BackgroundContext): Promise<Result<ExportFile>> {
  const server = await currentCanonServer();
  const identity = await identityFor(ctx.db, server);
  const rows = await listOutbox(ctx.db);
  return ok({
    format: 'bookside-export',
    version: 1,
    exportedAt: new Date(ctx.now()).toISOString(),
    server,
    identity: identity === null ? null : { name: identity.name, email: identity.email },
    settings: {
      sites: await siteSwitchesItem.getValue(),
      anySite: await anySiteItem.getValue(),
      sidebar: await sidebarItem.getValue(),
      showOn: await showOnItem.getValue(),
      theme: await themeItem.getValue(),
    },
    writes: rows.map((row) => ({ id: row.id, createdAt: row.createdAt, intent: row.intent })),
  });
}

export async function importReaderData(ctx: BackgroundContext, file: ExportFile): Promise<Result<{ writes: number }>> {
  // "Any site" is only restored where this browser already granted it.
  const settings = await updateSettings(ctx.permissions, file.settings);
  if (!settings.ok) await updateSettings(ctx.permissions, { ...file.settings, anySite: undefined });
  const known = new Set((await listOutbox(ctx.db)).map((row) => row.id));
  let writes = 0;
  for (const write of file.writes) {
    if (known.has(write.id)) continue;
    await enqueue(ctx.db, { intent: write.intent, id: write.id, createdAt: write.createdAt }, ctx.now());
    writes++;
  }
  if (writes > 0) void ctx.outbox.flush();
  return ok({ writes });
}
