/** Every message's handler, one per name in the protocol; the type checks none is missing. */
import type { MessageName } from '../../shared/messages/protocol';
import type { Handlers } from './define';
import { draftHandlers } from './drafts';
import { identityHandlers } from './identity';
import { outboxAdminHandlers } from './outbox-admin';
import { pageBookHandlers } from './page-book';
import { settingsHandlers } from './settings';
import { writeHandlers } from './writes';

export const handlers: Handlers<MessageName> = {
  ...pageBookHandlers,
  ...writeHandlers,
  ...identityHandlers,
  ...settingsHandlers,
  ...outboxAdminHandlers,
  ...draftHandlers,
};

export const MESSAGE_NAMES = Object.keys(handlers) as MessageName[];
