import { describe, expect, it } from 'vitest';
import { createProject } from '../../shared/model/project';
import { convertChinese, convertProjectScript } from './chinese-script';

describe('简繁 conversion (OpenCC with regional phrases)', () => {
  it('uses Taiwan and Hong Kong words where they differ', () => {
    expect(convertChinese('软件', 'zh-Hant-TW')).toBe('軟體');
    expect(convertChinese('软件', 'zh-Hant-HK')).toBe('軟件');
    expect(convertChinese('视频', 'zh-Hant-TW')).toBe('影片');
    expect(convertChinese('视频', 'zh-Hant-HK')).toBe('視頻');
    expect(convertChinese('我们用软件播放视频', 'zh-Hant-TW')).toBe('我們用軟體播放影片');
  });

  it('converts Traditional text back to Simplified', () => {
    expect(convertChinese('我們用軟體播放影片', 'zh-Hans', 'zh-TW')).toBe('我们用软件播放视频');
    expect(convertChinese('我們用軟件播放視頻', 'zh-Hans', 'zh-HK')).toBe('我们用软件播放视频');
    expect(convertChinese('我們用軟體', 'zh-Hans')).toBe('我们用软体');
    expect(convertChinese('我们用软件', 'zh-Hans')).toBe('我们用软件');
  });

  it('converts only the Chinese side of a project and records its script', () => {
    const p = createProject({
      segments: [{ start: 0, end: 1000, source: '软件和视频', translation: 'software and video' }],
    });
    const tw = convertProjectScript(p, 'zh-Hant-TW');
    expect(tw.segments[0]).toMatchObject({ source: '軟體和影片', translation: 'software and video' });
    expect(tw.languages).toEqual({ source: 'zh-Hant-TW', translation: 'en' });
    expect(convertProjectScript(tw, 'zh-Hans').segments[0]?.source).toBe('软件和视频');
  });
});
