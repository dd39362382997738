import { webRoutes, type ZimuBridge } from '../../shared/ipc/bridge';
import { type CallName, type EventName, eventNames } from '../../shared/ipc/contract';
import { type Envelope, wireError } from '../../shared/ipc/errors';
import { msg } from '../../shared/ipc/messages';

/** Transport for the web host: JSON POSTs for calls, one EventSource for all events. */
export function createHttpTransport(token: string, base = ''): ZimuBridge {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let source: EventSource | null = null;

  function ensureEventSource(): void {
    if (source) return;
    source = new EventSource(`${base}${webRoutes.events}?${webRoutes.tokenParam}=${encodeURIComponent(token)}`);
    for (const name of eventNames) {
      source.addEventListener(name, (e) => {
        const payload: unknown = JSON.parse((e as MessageEvent<string>).data);
        for (const fn of listeners.get(name) ?? []) fn(payload);
      });
    }
  }

  return {
    async invoke(name: CallName, args: unknown): Promise<Envelope<unknown>> {
      let response: Response;
      try {
        response = await fetch(`${base}${webRoutes.call(name)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [webRoutes.tokenHeader]: token },
          body: JSON.stringify(args ?? {}),
        });
      } catch (err) {
        return { ok: false, error: wireError('io-error', msg('ipc-no-answer', { reason: String(err) })) };
      }
      if (!response.ok && response.headers.get('content-type')?.includes('application/json') !== true) {
        return { ok: false, error: wireError('internal', msg('ipc-http-status', { status: response.status })) };
      }
      return (await response.json()) as Envelope<unknown>;
    },
    on(event, listener) {
      ensureEventSource();
      const set = listeners.get(event) ?? new Set<(payload: unknown) => void>();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  };
}
