import type { ZimuBridge } from '../../shared/ipc/bridge';
import type { CallArgs, CallName, CallResult, EventName, EventPayload } from '../../shared/ipc/contract';
import { ZimuError } from '../../shared/ipc/errors';

/** The one typed client of the contract. The renderer never knows which host answers it. */
export interface Client {
  call<K extends CallName>(name: K, args: CallArgs<K>): Promise<CallResult<K>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** Wrap a transport (Electron bridge or HTTP) so failures become thrown ZimuErrors. */
export function createClient(transport: ZimuBridge): Client {
  return {
    async call(name, args) {
      const envelope = await transport.invoke(name, args);
      if (!envelope.ok) throw ZimuError.fromWire(envelope.error);
      // The host validated the argument and produced this value from the same contract.
      return envelope.value as CallResult<typeof name>;
    },
    on(event, listener) {
      return transport.on(event, listener as (payload: unknown) => void);
    },
  };
}
