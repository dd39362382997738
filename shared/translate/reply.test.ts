import { describe, expect, it } from 'vitest';
import { englishMessage, msg } from '../ipc/messages';
import { checkFixesReply, checkTranslationReply, extractJson } from './reply';

const ids = ['s1', 's4'];

describe('checkTranslationReply', () => {
  it('accepts exactly the ids asked for, in the target language', () => {
    const r = checkTranslationReply(
      '{"translations": {"s1": "Dear guests,  welcome.", "s4": "I am Wang."}}',
      ids,
      'en',
    );
    expect(r.ok && [...r.texts]).toEqual([
      ['s1', 'Dear guests, welcome.'],
      ['s4', 'I am Wang.'],
    ]);
  });

  it('reads JSON inside a code fence or with words around it, and a bare id map', () => {
    expect(checkTranslationReply('```json\n{"translations": {"s1": "a", "s4": "b"}}\n```', ids, 'en').ok).toBe(true);
    expect(checkTranslationReply('Here you go: {"s1": "a", "s4": "b"} Hope it helps.', ids, 'en').ok).toBe(true);
    expect(extractJson('no json')).toBeUndefined();
  });

  it('names each kind of unusable reply', () => {
    const kind = (reply: string) => {
      const r = checkTranslationReply(reply, ids, 'en');
      return r.ok ? 'ok' : r.problem.kind;
    };
    expect(kind('{"translations": {"s1": "a"')).toBe('invalid-json');
    expect(kind('{"translations": ["a", "b"]}')).toBe('invalid-json');
    expect(kind('{"translations": {"s1": "a"}}')).toBe('missing-ids');
    expect(kind('{"translations": {"s1": "a", "s4": "b", "s9": "c"}}')).toBe('extra-ids');
    expect(kind('{"translations": {"s1": "a", "s4": " "}}')).toBe('empty-text');
    expect(kind('{"translations": {"s1": "尊敬的各位领导", "s4": "I am Wang."}}')).toBe('wrong-language');
    const r = checkTranslationReply('{"translations": {"s1": "a"}}', ids, 'en');
    expect(!r.ok && r.problem).toMatchObject({ ids: ['s4'], message: msg('reply-missing-ids', { ids: 's4' }) });
    expect(!r.ok && englishMessage(r.problem.message)).toBe('no translation for s4');
  });

  it('allows a name in Han characters inside an English line', () => {
    expect(checkTranslationReply('{"s1": "This is Wang Zhongyuan (王仲远).", "s4": "OK"}', ids, 'en').ok).toBe(true);
  });
});

describe('checkFixesReply', () => {
  it('accepts fixes for some of the ids, none, but not unknown ids or another language', () => {
    const r = checkFixesReply('{"fixes": {"s4": "智源大会"}}', ids, 'zh-CN');
    expect(r.ok && [...r.texts]).toEqual([['s4', '智源大会']]);
    expect(checkFixesReply('{"fixes": {}}', ids, 'zh-CN').ok).toBe(true);
    expect(checkFixesReply('{"fixes": {"s2": "x"}}', ids, 'zh-CN')).toMatchObject({
      ok: false,
      problem: { kind: 'extra-ids' },
    });
    expect(checkFixesReply('{"fixes": {"s1": "BAAI Conference"}}', ids, 'zh-CN')).toMatchObject({
      ok: false,
      problem: { kind: 'wrong-language' },
    });
  });
});
