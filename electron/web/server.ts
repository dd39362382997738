import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { webRoutes } from '../../shared/ipc/bridge';
import { pruneCache } from '../services/cache-prune';
import { createHandlers } from '../services/handlers';
import { createMediaRegistry } from '../services/media-registry';
import { defaultProfileDir, systemLocale } from '../services/profile';
import { findSampleProject } from '../services/sample';
import { createSettingsStore } from '../services/settings';
import { startupPaths } from '../services/startup-args';
import { APP_VERSION } from '../services/version';
import { startWebHost } from './web-host';

/** `node out/main/web.js [file] [media] [--port N] [--profile DIR]`: the browser host. */
async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { port: { type: 'string', default: '0' }, profile: { type: 'string' } },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: not a port number: ${values.port}`);
  const startup = startupPaths(positionals);
  const startupFile = startup.file ?? (startup.media ? null : findSampleProject(__dirname));
  const profileDir = values.profile ?? defaultProfileDir();
  const media = createMediaRegistry();
  const reportBug = (name: string, err: unknown) => console.error(`zimu: internal error in ${name}:`, err);
  const host = await startWebHost({ rendererDir: resolve(__dirname, '../renderer'), port, media, reportBug });
  const cacheDir = join(profileDir, 'cache');
  // Old remuxes and peaks go in the background; nothing is in use yet.
  void pruneCache(cacheDir).catch(() => {});
  host.setHandlers(
    createHandlers({
      host: 'web',
      version: APP_VERSION,
      locale: systemLocale(),
      startupFile,
      startupMedia: startup.media,
      settings: createSettingsStore(profileDir),
      cacheDir,
      media,
      mediaUrl: (id) => `${webRoutes.media(id)}?${webRoutes.tokenParam}=${host.token}`,
      emit: host.emit,
      dialogs: null,
    }),
  );
  console.log(`Zimu is running at ${host.url}`);
  const stop = () => {
    host.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(`zimu: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
