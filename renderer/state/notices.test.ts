import { describe, expect, it } from 'vitest';
import { ZimuError } from '../../shared/ipc/errors';
import { createNotices, errorDetail } from './notices';

describe('notices', () => {
  it('describes host errors as file:line: message', () => {
    expect(errorDetail(new ZimuError('parse-error', 'bad timestamp', { file: '/a/b.srt', line: 12 }))).toBe(
      '/a/b.srt:12: bad timestamp',
    );
    expect(errorDetail(new ZimuError('not-found', 'no such file'))).toBe('no such file');
    expect(errorDetail(new Error('boom'))).toBe('boom');
    expect(errorDetail('odd')).toBe('odd');
  });

  it('keeps errors until dismissed, at most four', () => {
    const notices = createNotices();
    for (let i = 0; i < 6; i++) notices.error('save', new Error(`e${i}`));
    const errors = notices.store.get().errors;
    expect(errors.map((e) => e.detail)).toEqual(['e2', 'e3', 'e4', 'e5']);
    notices.dismiss(errors[0]?.id ?? -1);
    expect(notices.store.get().errors).toHaveLength(3);
  });

  it('replaces the info message and clears only the one shown', () => {
    const notices = createNotices();
    notices.info(() => 'one');
    const first = notices.store.get().info?.id ?? -1;
    notices.info(() => 'two');
    notices.clearInfo(first);
    expect(notices.store.get().info).not.toBeNull();
    notices.clearInfo(notices.store.get().info?.id ?? -1);
    expect(notices.store.get().info).toBeNull();
  });
});
