import { describe, expect, it } from 'vitest';
import { splitBilingual } from './script';

describe('splitBilingual', () => {
  it('splits Chinese then English', () => {
    expect(splitBilingual('智源大会\nThe BAAI Conference')).toEqual({
      source: '智源大会',
      translation: 'The BAAI Conference',
    });
  });
  it('splits English then Chinese', () => {
    expect(splitBilingual('Scaling law\n规模定律')).toEqual({ source: '规模定律', translation: 'Scaling law' });
  });
  it('keeps Chinese with embedded Latin words as source', () => {
    expect(splitBilingual('我们的skin low研究')).toEqual({ source: '我们的skin low研究', translation: '' });
  });
  it('keeps interleaved lines together rather than guessing', () => {
    const text = '第一行\nfirst\n第二行';
    expect(splitBilingual(text)).toEqual({ source: text, translation: '' });
  });
  it('keeps monolingual cues as source', () => {
    expect(splitBilingual('Hello\nworld')).toEqual({ source: 'Hello\nworld', translation: '' });
  });
});
