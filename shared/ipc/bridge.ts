import type { CallName, EventName } from './contract';
import type { Envelope } from './errors';

/** What the Electron preload puts on `window.zimu`: the contract's calls and events, nothing else. */
export interface ZimuBridge {
  invoke(name: CallName, args: unknown): Promise<Envelope<unknown>>;
  /** Returns a function that removes the listener. */
  on(event: EventName, listener: (payload: unknown) => void): () => void;
  /** Electron only: the path of a File dropped on the page (webUtils.getPathForFile); '' if it has none. */
  pathForFile?(file: unknown): string;
}

/** IPC channel names, so main and preload agree on them. */
export const ipcCallChannel = (name: CallName): string => `zimu:${name}`;
export const ipcEventChannel = (name: EventName): string => `zimu-event:${name}`;

/** Web host routes, so the server and the renderer's HTTP transport agree on them. */
export const webRoutes = {
  /** POST with the JSON argument as body; answers a JSON envelope. */
  call: (name: CallName): string => `/api/${name}`,
  /** Server-Sent Events, `event: <name>` with a JSON `data:` line. */
  events: '/events',
  /** GET with HTTP Range; only ids handed out by media.open resolve. */
  media: (id: string): string => `/media/${encodeURIComponent(id)}`,
  /** Header carrying the per-start token on calls; `token` query parameter on events and media. */
  tokenHeader: 'x-zimu-token',
  tokenParam: 'token',
} as const;

/** Electron's privileged scheme for media, e.g. zimu-media://media/<id>. */
export const MEDIA_SCHEME = 'zimu-media';
