import type { ZimuBridge } from '../../shared/ipc/bridge';
import { type Client, createClient } from './client';
import { createHttpTransport } from './http-transport';

declare global {
  interface Window {
    /** Present only inside Electron, put there by the preload. */
    zimu?: ZimuBridge;
  }
}

const TOKEN_KEY = 'zimu.token';

/**
 * The web host opens the page at `/?token=…`. Keep the token for this tab and take it out of the
 * address bar so it is not copied around with the URL.
 */
function webToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.toString());
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

export function connect(): Client {
  return createClient(window.zimu ?? createHttpTransport(webToken()));
}

export type { Client };
