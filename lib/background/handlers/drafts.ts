/** Comment drafts live in the background's IndexedDB, out of reach of content scripts. */
import { ok } from '../../shared/messages/result';
import { defineHandlers } from './define';

export const draftHandlers = defineHandlers({
  getDraft: async (ctx, { bookId }) => {
    const record = await ctx.db.get('drafts', bookId);
    return ok(record ? { body: record.body, spoiler: record.spoiler } : null);
  },
  saveDraft: async (ctx, { bookId, draft }) => {
    if (draft === null || draft.body.trim() === '') await ctx.db.delete('drafts', bookId);
    else await ctx.db.put('drafts', { bookId, body: draft.body, spoiler: draft.spoiler, savedAt: ctx.now() });
    return ok(null);
  },
});
