/** Every message's handler, one per name in the ProtocolMap; the type checks none is missing. */
import type { MessageName, ProtocolMap } from '../../shared/messages/protocol';
import type { Handler } from './define';
import { draftHandlers } from './drafts';
import { identityHandlers } from './identity';
import { outboxAdminHandlers } from './outbox-admin';
import { pageBookHandlers } from './page-book';
import { settingsHandlers } from './settings';
import { writeHandlers } from './writes';

export const handlers: { [K in MessageName]: Handler<ReturnType<ProtocolMap[K]>> } = {
  ...pageBookHandlers,
  ...writeHandlers,
  ...identityHandlers,
  ...settingsHandlers,
  ...outboxAdminHandlers,
  ...draftHandlers,
};

export const MESSAGE_NAMES = Object.keys(handlers) as MessageName[];
