import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        // One Node build: the Electron main process, the browser host and the CLI share services.
        input: {
          index: resolve(root, 'electron/main/index.ts'),
          web: resolve(root, 'electron/web/server.ts'),
          cli: resolve(root, 'electron/cli/index.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot require npm packages: bundle everything it uses.
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve(root, 'electron/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      rollupOptions: { input: resolve(root, 'renderer/index.html') },
    },
  },
});
