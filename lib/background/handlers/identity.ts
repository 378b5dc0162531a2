/** Identity messages: extension pages only, since the view carries the e-mail address. */
import { currentIdentity, forget, registerIdentity, resendConfirmation } from '../identity/service';
import { defineHandlers } from './define';

export const identityHandlers = defineHandlers({
  registerIdentity: (ctx, body) => registerIdentity(ctx, body),
  getIdentity: (ctx, request) => currentIdentity(ctx, request?.recheck ?? false),
  resendConfirmation: (ctx) => resendConfirmation(ctx),
  forgetIdentity: (ctx) => forget(ctx),
});
