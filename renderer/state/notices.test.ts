import { describe, expect, it } from 'vitest';
import { ZimuError } from '../../shared/ipc/errors';
import { msg } from '../../shared/ipc/messages';
import { createNotices, errorDetail } from './notices';

describe('notices', () => {
  it('describes host errors as file:line: message', () => {
    const cue = msg('cue-unreadable-timing', { text: '00:00:0x' });
    expect(errorDetail(new ZimuError('parse-error', cue, { file: '/a/b.srt', line: 12 }))).toBe(
      '/a/b.srt:12: unreadable timing line "00:00:0x"; cue skipped',
    );
    expect(errorDetail(new ZimuError('not-found', msg('media-not-opened')))).toBe('this media was not opened');
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
