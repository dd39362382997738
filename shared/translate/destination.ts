import { type HostMessage, msg } from '../ipc/messages';

/**
 * Exactly where a base URL sends the text: scheme, host and port, and whether that host is this
 * machine. Parsed by hand (shared/ has no URL class) and conservatively: anything this parser is
 * not sure is loopback counts as remote, and URLs with credentials are refused outright (they would
 * carry a secret into settings and logs).
 */

export interface Destination {
  /** `https://api.deepseek.com` — what settings show as "your text goes to". */
  readonly origin: string;
  readonly scheme: 'http' | 'https';
  /** Lower-case host name or address; IPv6 without brackets. */
  readonly host: string;
  readonly port: number;
  /** The base URL without a trailing slash. */
  readonly baseUrl: string;
  /** The host is this machine (localhost, 127.0.0.0/8, ::1). */
  readonly loopback: boolean;
}

/** `reason`: why the URL is not usable, as a message (shared/ipc/messages.ts). */
export type DestinationCheck = { ok: true; destination: Destination } | { ok: false; reason: HostMessage };

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** True only for names and addresses that always mean this machine. */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase();
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  const v4 = IPV4.exec(h);
  if (v4) return v4.slice(1).every((o) => Number(o) <= 255) && Number(v4[1]) === 127;
  return h === '::1' || h === '0:0:0:0:0:0:0:1';
}

/** Parse a base URL into its destination; a reason in plain words when it is not usable. */
export function describeDestination(baseUrl: string): DestinationCheck {
  const url = baseUrl.trim();
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/\\?#]*)(.*)$/.exec(url);
  if (!m) return { ok: false, reason: msg('url-not-url', { url }) };
  const scheme = (m[1] as string).toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') return { ok: false, reason: msg('url-bad-scheme', { scheme }) };
  const authority = m[2] as string;
  if (authority.includes('@')) return { ok: false, reason: msg('url-credentials') };
  let host: string;
  let portText: string;
  if (authority.startsWith('[')) {
    const close = authority.indexOf(']');
    if (close < 0) return { ok: false, reason: msg('url-bad-ipv6', { url }) };
    host = authority.slice(1, close);
    const rest = authority.slice(close + 1);
    if (rest !== '' && !rest.startsWith(':')) return { ok: false, reason: msg('url-bad-host', { url }) };
    portText = rest.slice(1);
  } else {
    const colon = authority.lastIndexOf(':');
    host = colon < 0 ? authority : authority.slice(0, colon);
    portText = colon < 0 ? '' : authority.slice(colon + 1);
  }
  host = host.toLowerCase();
  if (host === '' || /[\s%]/.test(host)) return { ok: false, reason: msg('url-no-host', { url }) };
  const defaultPort = scheme === 'https' ? 443 : 80;
  if (portText !== '' && !/^\d{1,5}$/.test(portText)) return { ok: false, reason: msg('url-bad-port', { url }) };
  const port = portText === '' ? defaultPort : Number(portText);
  if (port < 1 || port > 65535) return { ok: false, reason: msg('url-bad-port', { url }) };
  const shownHost = host.includes(':') ? `[${host}]` : host;
  const origin = `${scheme}://${shownHost}${port === defaultPort ? '' : `:${port}`}`;
  const path = (m[3] as string).replace(/\/+$/, '');
  return {
    ok: true,
    destination: {
      origin,
      scheme,
      host,
      port,
      baseUrl: `${origin}${path}`,
      loopback: isLoopbackHost(host),
    },
  };
}

/** The destination, or why the text may not go there: "local only" refuses every non-loopback host. */
export function checkDestination(baseUrl: string, localOnly: boolean): DestinationCheck {
  const described = describeDestination(baseUrl);
  if (!described.ok) return described;
  if (localOnly && !described.destination.loopback) {
    return {
      ok: false,
      reason: msg('llm-local-only-remote', { host: described.destination.host }),
    };
  }
  return described;
}
