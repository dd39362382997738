import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, posix, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SAMPLE_PROJECT } from '../electron/services/sample';

// Checks build/electron-builder.json the way `electron-builder --config build/electron-builder.json` would,
// without launching a build: electron-builder's own schema validator, its own file matcher, and the files
// the configuration points at.

const buildDir = dirname(fileURLToPath(import.meta.url));
const root = resolve(buildDir, '..');
const configPath = join(buildDir, 'electron-builder.json');

// app-builder-lib is electron-builder's engine (a dependency of electron-builder, not of this project):
// resolve it, and what it uses, from electron-builder's own location.
const fromBuilder = createRequire(createRequire(join(root, 'package.json')).resolve('electron-builder/package.json'));
const fromLib = createRequire(fromBuilder.resolve('app-builder-lib/package.json'));

interface DebugLoggerLike {
  readonly isEnabled: boolean;
  add(key: string, value: unknown): void;
}
interface ConfigModule {
  /** What electron-builder's Packager calls on the merged configuration before every build. */
  validateConfiguration(config: unknown, debugLogger: DebugLoggerLike): Promise<void>;
}
interface DebugLoggerModule {
  DebugLogger: new (isEnabled?: boolean) => DebugLoggerLike;
}
interface FileFilter {
  createFilter(): (file: string, stat: { isDirectory(): boolean; moduleFullFilePath?: string }) => boolean;
}
interface PackagerInfoLike {
  projectDir: string;
  buildResourcesDir: string;
  isPrepackedAppAsar: boolean;
  config: unknown;
  debugLogger: DebugLoggerLike;
}
interface FileMatcherModule {
  /** The app files matcher: the `files` patterns plus electron-builder's default exclusions. */
  getMainFileMatchers(
    appDir: string,
    destination: string,
    macroExpander: (pattern: string) => string,
    platformSpecificBuildOptions: object,
    platformPackager: { info: PackagerInfoLike },
    outDir: string,
    isElectronCompile: boolean,
  ): FileFilter[];
  /** The node_modules matcher: only the exclusions from `files` apply to production dependencies. */
  getNodeModuleFileMatcher(
    appDir: string,
    destination: string,
    macroExpander: (pattern: string) => string,
    platformSpecificBuildOptions: object,
    packager: PackagerInfoLike,
  ): FileFilter;
}
type Minimatch = (path: string, pattern: string, options?: { dot?: boolean }) => boolean;

const { validateConfiguration } = fromLib('./out/util/config/config') as ConfigModule;
const { DebugLogger } = fromLib('builder-util') as DebugLoggerModule;
const { getMainFileMatchers, getNodeModuleFileMatcher } = fromLib('./out/fileMatcher') as FileMatcherModule;
const { minimatch } = fromLib('minimatch') as { minimatch: Minimatch };

interface FileSet {
  from?: string;
  to?: string;
  filter?: string | string[];
}
interface FileAssociation {
  ext?: string | string[];
  name?: string | null;
  role?: string;
  rank?: string;
  mimeType?: string | null;
}
interface BuilderConfig {
  appId?: string;
  productName?: string;
  electronVersion?: string;
  icon?: string;
  directories?: { output?: string; buildResources?: string };
  files?: unknown;
  extraResources?: Array<string | FileSet>;
  fileAssociations?: FileAssociation[];
  nsis?: { oneClick?: boolean; allowToChangeInstallationDirectory?: boolean };
  [key: string]: unknown;
}

const loadConfig = (): BuilderConfig => JSON.parse(readFileSync(configPath, 'utf8')) as BuilderConfig;
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  main: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
};

/** Runs electron-builder's validator on a copy: its ajv instance coerces types in place. */
const validate = (config: unknown): Promise<void> =>
  validateConfiguration(structuredClone(config), new DebugLogger(false));

/** electron-builder's filters for app files and for production node_modules, asked about project-relative paths. */
function fileFilters(config: BuilderConfig) {
  const info: PackagerInfoLike = {
    projectDir: root,
    buildResourcesDir: join(root, config.directories?.buildResources ?? 'build'),
    isPrepackedAppAsar: false,
    config,
    debugLogger: new DebugLogger(false),
  };
  const app = join(root, 'app');
  const expand = (pattern: string) => pattern;
  const outDir = join(root, config.directories?.output ?? 'dist');
  const main = getMainFileMatchers(root, app, expand, {}, { info }, outDir, false);
  expect(main).toHaveLength(1);
  const appFilter = (main[0] as FileFilter).createFilter();
  const moduleFilter = getNodeModuleFileMatcher(root, app, expand, {}, info).createFilter();
  const file = { isDirectory: () => false };
  return {
    appFile: (relative: string) => appFilter(join(root, relative), file),
    // The node_modules copier matches a module's files by their path inside the app.
    moduleFile: (relative: string) =>
      moduleFilter(join(root, relative), { isDirectory: () => false, moduleFullFilePath: relative }),
  };
}

/** Width and height from a PNG's IHDR chunk, or null when the bytes are not a PNG. */
function pngSize(bytes: Buffer): { width: number; height: number } | null {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(signature)) return null;
  if (bytes.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('build/electron-builder.json', () => {
  const config = loadConfig();

  it('passes electron-builder’s own configuration validator (app-builder-lib scheme.json)', async () => {
    await expect(validate(config)).resolves.toBeUndefined();
  });

  it.each([
    ['an unknown top-level key', { bogusKey: true }, /unknown property 'bogusKey'/],
    ['a non-boolean asar', { asar: 'yes' }, /configuration\.asar/],
    ['an unknown nsis option', { nsis: { oneClick: false, installEverywhere: true } }, /configuration\.nsis/],
    ['an unknown mac target', { mac: { target: 'exe' } }, /configuration\.mac/],
    ['a file association without ext', { fileAssociations: [{ name: 'Zimu project' }] }, /ext/],
  ])('rejects a copy with %s, so the validator is really checking', async (_what, change, message) => {
    await expect(validate({ ...config, ...change })).rejects.toThrow(message);
  });

  it('is the Zimu app', () => {
    expect(config.appId).toBe('org.zimu.editor');
    expect(config.productName).toBe('Zimu');
    expect(config.directories).toEqual({ output: 'dist', buildResources: 'build' });
  });

  it('pins the Electron version package.json installs', () => {
    const declared =
      packageJson.devDependencies?.electron ??
      packageJson.optionalDependencies?.electron ??
      packageJson.dependencies?.electron;
    expect(declared, 'package.json declares electron').toBeDefined();
    expect(config.electronVersion).toBe(declared);
  });

  it('packages the build output and package.json only, without source maps or the Electron npm package', () => {
    // electron-builder coerces a scalar `files` into a pattern, so the schema alone would let `files: 42` through.
    expect(Array.isArray(config.files)).toBe(true);
    expect((config.files as unknown[]).every((p) => typeof p === 'string')).toBe(true);
    const { appFile, moduleFile } = fileFilters(structuredClone(config));

    expect(packageJson.main.startsWith('out/')).toBe(true);
    expect(appFile(packageJson.main), `package.json main (${packageJson.main})`).toBe(true);
    for (const file of [
      'package.json',
      'out/main/web.js',
      'out/main/cli.js',
      'out/main/chunks/version-abc123.js',
      'out/preload/index.js',
      'out/renderer/index.html',
      'out/renderer/assets/index-abc123.js',
    ]) {
      expect(appFile(file), file).toBe(true);
    }
    for (const file of [
      'out/main/index.js.map',
      'out/renderer/assets/index-abc123.js.map',
      'electron/main/index.ts',
      'renderer/index.html',
      'shared/model/project.ts',
      'build/icon.png',
      'build/electron-builder.json',
      'electron/sample/timings.json',
      'README.md',
    ]) {
      expect(appFile(file), file).toBe(false);
    }

    // Production dependencies the main process requires at run time still ship...
    expect(moduleFile('node_modules/zod/package.json')).toBe(true);
    expect(moduleFile('node_modules/subtitle/dist/index.js')).toBe(true);
    // ...but not the optional `electron` npm package (its dist/ is a whole second Electron runtime).
    expect(moduleFile('node_modules/electron/package.json')).toBe(false);
    expect(moduleFile('node_modules/electron/dist/electron')).toBe(false);
    expect(moduleFile('node_modules/zod/index.js.map')).toBe(false);
  });

  it('points at files that exist', () => {
    expect(config.icon).toBe('build/icon.png');
    const icon = join(root, config.icon as string);
    expect(existsSync(icon), icon).toBe(true);
    expect(existsSync(join(buildDir, 'icon.svg'))).toBe(true);
    expect(statSync(join(root, config.directories?.buildResources ?? '')).isDirectory()).toBe(true);

    for (const entry of config.extraResources ?? []) {
      const from = typeof entry === 'string' ? entry : entry.from;
      expect(from, 'extraResources entry has a from').toBeDefined();
      expect(existsSync(join(root, from as string)), `extraResources from ${from}`).toBe(true);
    }
  });

  it('has a real PNG icon of at least 512×512 (electron-builder derives .icns and .ico from it)', () => {
    const size = pngSize(readFileSync(join(root, config.icon as string)));
    expect(size, 'icon.png starts with a PNG signature and IHDR').not.toBeNull();
    expect(size?.width).toBeGreaterThanOrEqual(512);
    expect(size?.height).toBe(size?.width);
  });

  it('ships the built-in sample as resources/sample', () => {
    const sample = (config.extraResources ?? []).find(
      (entry): entry is FileSet => typeof entry !== 'string' && entry.from === 'electron/sample',
    );
    expect(sample, 'an extraResources entry from electron/sample').toBeDefined();
    expect(sample?.to).toBe('sample');
    expect(statSync(join(root, 'electron/sample')).isDirectory()).toBe(true);

    const filter = [sample?.filter ?? '**/*'].flat();
    const shipped = (name: string) => filter.some((pattern) => minimatch(name, pattern, { dot: true }));
    // The project file the app opens from process.resourcesPath/sample, and its audio.
    expect(posix.extname(SAMPLE_PROJECT)).toBe('.zimu');
    expect(shipped(SAMPLE_PROJECT), SAMPLE_PROJECT).toBe(true);
    expect(shipped('sample.opus')).toBe(true);
    // Whatever project and audio files the folder holds right now ship too.
    for (const name of readdirSync(join(root, 'electron/sample'))) {
      if (/\.(zimu|opus)$/i.test(name)) expect(shipped(name), name).toBe(true);
    }
  });

  it('declares file associations for projects and subtitle files', () => {
    const associations = config.fileAssociations ?? [];
    for (const association of associations) {
      expect(association.ext, JSON.stringify(association)).toEqual(expect.any(String));
      expect(association.ext?.toString().startsWith('.'), 'ext without the leading dot').toBe(false);
      expect(association.name, JSON.stringify(association)).toEqual(expect.any(String));
      expect(association.mimeType, 'Linux only registers associations with a mimeType').toEqual(expect.any(String));
    }
    const byExt = new Map(associations.map((a) => [a.ext, a]));
    expect([...byExt.keys()].sort()).toEqual(['ass', 'srt', 'vtt', 'zimu']);
    expect(byExt.get('zimu')?.name).toBe('Zimu project');
    for (const ext of ['srt', 'vtt', 'ass']) {
      expect(byExt.get(ext), ext).toMatchObject({ role: 'Editor', rank: 'Alternate' });
    }
  });

  it('builds an assisted NSIS installer', () => {
    expect(config.asar).toBe(true);
    expect(config.nsis).toMatchObject({ oneClick: false, allowToChangeInstallationDirectory: true });
  });
});
