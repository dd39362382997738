import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEDIA_SCHEME } from '../../shared/ipc/bridge';
import { createMediaRegistry } from '../services/media-registry';
import { mediaProtocolResponse } from './media-protocol';

let dir: string;
let id: string;
const media = createMediaRegistry();
const bytes = Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 13) % 256));

beforeAll(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'zimu-protocol-'));
  await fs.writeFile(join(dir, '字幕 clip.opus'), bytes);
  await fs.writeFile(join(dir, 'secret.txt'), 'TOP SECRET');
  id = media.register(join(dir, '字幕 clip.opus'));
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const url = (rest: string) => `${MEDIA_SCHEME}://${rest}`;
const get = (u: string, headers: Record<string, string> = {}, method = 'GET') =>
  mediaProtocolResponse(new Request(u, { headers, method }), media);

describe('mediaProtocolResponse', () => {
  it('answers a Range request with 206 and exactly those bytes', async () => {
    const res = await get(url(`media/${id}`), { range: 'bytes=0-9' });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe('bytes 0-9/300');
    expect(res.headers.get('content-type')).toBe('audio/ogg');
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes.subarray(0, 10))).toBe(true);
  });

  it('serves the whole file without Range, as the mediaUrl encodes it', async () => {
    const res = await get(url(`media/${encodeURIComponent(id)}`));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe('300');
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('answers HEAD without a body and 416 for an unsatisfiable range', async () => {
    const head = await get(url(`media/${id}`), { range: 'bytes=10-19' }, 'HEAD');
    expect(head.status).toBe(206);
    expect(head.body).toBeNull();
    const beyond = await get(url(`media/${id}`), { range: 'bytes=300-' });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get('content-range')).toBe('bytes */300');
  });

  it('answers 404 for unknown ids, paths, other hostnames and malformed ids', async () => {
    for (const u of [
      url(`media/${'0'.repeat(24)}`),
      url('media/'),
      url(`media/${encodeURIComponent(join(dir, 'secret.txt'))}`),
      url(`other/${id}`),
      url(`${id}`),
      url(`media/${id}/extra`),
      url('media/%zz'),
    ]) {
      const res = await get(u);
      expect([u, res.status]).toEqual([u, 404]);
    }
  });

  it('answers 404 once the file is gone', async () => {
    const file = join(dir, 'temp.opus');
    await fs.writeFile(file, 'x');
    const tempId = media.register(file);
    await fs.rm(file);
    expect((await get(url(`media/${tempId}`))).status).toBe(404);
  });
});
