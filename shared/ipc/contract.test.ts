import { describe, expect, it } from 'vitest';
import { callNames, contract, eventNames, isCallName } from './contract';
import { dispatch, type Handlers } from './dispatch';
import { ZimuError } from './errors';
import { msg } from './messages';

describe('contract', () => {
  it('documents every call and has unique dotted names', () => {
    for (const name of callNames) {
      expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
      expect(contract[name].doc.length).toBeGreaterThan(10);
    }
    expect(eventNames).toContain('job.progress');
    expect(isCallName('toString')).toBe(false);
    expect(isCallName('project.open')).toBe(true);
  });
});

describe('dispatch', () => {
  const bugs: unknown[] = [];
  const handlers = new Proxy({} as Handlers, {
    get: (_t, name) => {
      if (name === 'project.open')
        return async ({ path }: { path: string }) => {
          if (path === 'bug') throw new TypeError('oops');
          throw new ZimuError('parse-error', msg('cue-none'), { file: path, line: 7 });
        };
      return async () => ({ name: 'Zimu' });
    },
  });
  const report = (_n: string, e: unknown) => bugs.push(e);

  it('refuses unknown calls without running anything', async () => {
    expect(await dispatch(handlers, 'fs.deleteEverything', {}, report)).toMatchObject({
      ok: false,
      error: { code: 'unknown-call' },
    });
    expect(await dispatch(handlers, '__proto__', {}, report)).toMatchObject({ ok: false });
  });

  it('validates arguments against the table and names the field', async () => {
    const r = await dispatch(handlers, 'project.open', { path: 42 }, report);
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    if (!r.ok) expect(r.error.message).toContain('path');
    expect(await dispatch(handlers, 'app.info', { extra: 1 }, report)).toMatchObject({ ok: false });
  });

  it('passes user-facing errors through with code and detail', async () => {
    const r = await dispatch(handlers, 'project.open', { path: '/x.srt' }, report);
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'parse-error',
        message: 'the file has no cues',
        detail: { file: '/x.srt', line: 7 },
        hostMessage: { code: 'cue-none', params: {} },
      },
    });
  });

  it('turns bugs into internal errors and reports them', async () => {
    const r = await dispatch(handlers, 'project.open', { path: 'bug' }, report);
    expect(r).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(bugs).toHaveLength(1);
  });

  it('returns values in an ok envelope', async () => {
    expect(await dispatch(handlers, 'app.info', {}, report)).toEqual({ ok: true, value: { name: 'Zimu' } });
  });
});
