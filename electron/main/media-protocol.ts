import { Readable } from 'node:stream';
import { notFound, serveMediaFile } from '../services/media-range';
import type { MediaRegistry } from '../services/media-registry';

/**
 * The `zimu-media://media/<id>` handler: the same range logic as the browser host, answered as a
 * web Response. Only ids of opened files resolve, so no URL can reach another path.
 */
export async function mediaProtocolResponse(request: Request, media: MediaRegistry): Promise<Response> {
  const url = new URL(request.url);
  const id = url.hostname === 'media' ? decodeId(url.pathname.replace(/^\//, '')) : '';
  const path = id ? media.pathOf(id) : undefined;
  const answer = path
    ? await serveMediaFile(path, request.headers.get('range'), request.method === 'HEAD')
    : notFound();
  const body = answer.body ? (Readable.toWeb(answer.body) as ReadableStream<Uint8Array>) : null;
  // The page (file://) fetches peaks files with fetch(): allow it; ids are unguessable and the scheme is app-only.
  const headers = { ...answer.headers, 'access-control-allow-origin': '*' };
  return new Response(body, { status: answer.status, headers });
}

/** A malformed percent-encoding names no registered id: answer 404 rather than reject. */
function decodeId(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return '';
  }
}
