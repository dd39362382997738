import type { z } from 'zod';
import { type CallName, type CallResult, contract, isCallName } from './contract';
import { type Envelope, wireError, ZimuError } from './errors';
import { msg } from './messages';

/** One service function per call, taking the validated argument. */
export type Handlers = {
  [K in CallName]: (args: z.output<(typeof contract)[K]['args']>) => Promise<CallResult<K>>;
};

/** Programmer bugs are reported here and reach the caller only as an 'internal' error. */
export type BugReporter = (name: string, error: unknown) => void;

/**
 * The whole server side of a call, shared by both hosts: check the name, validate the argument
 * against the contract, run the handler, and turn any outcome into an envelope (never a throw).
 */
export async function dispatch(
  handlers: Handlers,
  name: unknown,
  rawArgs: unknown,
  reportBug: BugReporter,
): Promise<Envelope<unknown>> {
  if (!isCallName(name)) {
    return { ok: false, error: wireError('unknown-call', msg('ipc-unknown-call', { call: String(name) })) };
  }
  const parsed = contract[name].args.safeParse(rawArgs ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    const reason = `${where}${issue?.message ?? 'invalid argument'}`;
    return { ok: false, error: wireError('invalid-argument', msg('ipc-invalid-argument', { call: name, reason })) };
  }
  try {
    const handler = handlers[name] as (args: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (err) {
    if (err instanceof ZimuError) return { ok: false, error: err.toWire() };
    reportBug(name, err);
    const reason = err instanceof Error ? err.message : String(err);
    return { ok: false, error: wireError('internal', msg('ipc-internal', { call: name, reason })) };
  }
}
