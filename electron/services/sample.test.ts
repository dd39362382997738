import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { findSampleProject, SAMPLE_PROJECT } from './sample';

let dir: string;
const savedEnv = process.env.ZIMU_SAMPLE_DIR;

beforeAll(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'zimu-sample-'));
  delete process.env.ZIMU_SAMPLE_DIR;
});

afterEach(() => {
  delete process.env.ZIMU_SAMPLE_DIR;
});

afterAll(async () => {
  if (savedEnv !== undefined) process.env.ZIMU_SAMPLE_DIR = savedEnv;
  await fs.rm(dir, { recursive: true, force: true });
});

describe('findSampleProject', () => {
  it('walks up from the running code to electron/sample', async () => {
    const sampleDir = join(dir, 'app', 'electron', 'sample');
    await fs.mkdir(sampleDir, { recursive: true });
    await fs.mkdir(join(dir, 'app', 'out', 'main'), { recursive: true });
    await fs.writeFile(join(sampleDir, SAMPLE_PROJECT), '{}');
    expect(findSampleProject(join(dir, 'app', 'out', 'main'))).toBe(join(sampleDir, SAMPLE_PROJECT));
  });

  it('prefers ZIMU_SAMPLE_DIR, then the packaged resources', async () => {
    const fromEnv = join(dir, 'env');
    const resources = join(dir, 'resources');
    await fs.mkdir(fromEnv);
    await fs.mkdir(join(resources, 'sample'), { recursive: true });
    await fs.writeFile(join(fromEnv, SAMPLE_PROJECT), '{}');
    await fs.writeFile(join(resources, 'sample', SAMPLE_PROJECT), '{}');
    const from = join(dir, 'app', 'out', 'main');
    expect(findSampleProject(from, resources)).toBe(join(resources, 'sample', SAMPLE_PROJECT));
    process.env.ZIMU_SAMPLE_DIR = fromEnv;
    expect(findSampleProject(from, resources)).toBe(join(fromEnv, SAMPLE_PROJECT));
  });

  it('answers null when there is no sample anywhere', async () => {
    const empty = join(dir, 'empty', 'deep');
    await fs.mkdir(empty, { recursive: true });
    expect(findSampleProject(empty, join(dir, 'no-resources'))).toBeNull();
  });
});
