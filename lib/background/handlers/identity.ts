/** Identity messages: extension pages only, since the view carries the e-mail address. */
import { RegisterRequest, IdentityRequest, NoPayload } from '../../shared/messages/payloads';
import { currentIdentity, forget, registerIdentity, resendConfirmation } from '../identity/service';
import { handler } from './define';

export const identityHandlers = {
  registerIdentity: handler('extension-page', RegisterRequest, (ctx, body) => registerIdentity(ctx, body)),
  getIdentity: handler('extension-page', IdentityRequest, (ctx, request) =>
    currentIdentity(ctx, request?.recheck ?? false),
  ),
  resendConfirmation: handler('extension-page', NoPayload, (ctx) => resendConfirmation(ctx)),
  forgetIdentity: handler('extension-page', NoPayload, (ctx) => forget(ctx)),
};
