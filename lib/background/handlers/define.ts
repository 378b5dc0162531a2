/** The shape of a message handler: who may send it, what its payload must be, and what it does. */
import type * as v from 'valibot';
import type { Caller } from '../core/sender';
import type { Result } from '../../shared/messages/result';
import type { BackgroundContext } from '../core/context';

export type CallerKind = 'content-script' | 'extension-page';

export interface Handler<R> {
  from: CallerKind;
  payload: v.GenericSchema;
  run(ctx: BackgroundContext, data: never, caller: Caller & { kind: CallerKind }): Promise<R>;
}

export function handler<S extends v.GenericSchema, R extends Result<unknown>>(
  from: CallerKind,
  payload: S,
  run: (ctx: BackgroundContext, data: v.InferOutput<S>, caller: Caller & { kind: CallerKind }) => Promise<R>,
): Handler<R> {
  return { from, payload, run: run as Handler<R>['run'] };
}
