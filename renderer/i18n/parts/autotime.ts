import type { WidenStrings } from '../messages';

/** UI strings of the `autotime` namespace (English is the reference; Chinese is typed against it). */
export const autotimeEn = {
  title: 'Automatic timing',
  button: 'Auto-time',
  hint_one: 'Auto-time the untimed segment: place it on the speech in the audio (one undo step)',
  hint_other: 'Auto-time {{count}} untimed segments: place them on the speech in the audio (one undo step)',
  running: 'Auto-timing…',
  reading: 'Reading audio {{percent}}%',
  done_one: 'Auto-timed {{count}} segment: check it on the waveform',
  done_other: 'Auto-timed {{count}} segments: check them on the waveform',
  failed: 'Auto-timing failed: {{detail}}',
  cancel: 'Stop',
} as const;

export const autotimeZh: WidenStrings<typeof autotimeEn> = {
  title: '自动定时',
  button: '自动定时',
  hint_one: '为未定时的字幕自动定时：按音频中的语音放置（可一步撤销）',
  hint_other: '为 {{count}} 条未定时的字幕自动定时：按音频中的语音放置（可一步撤销）',
  running: '正在自动定时…',
  reading: '正在读取音频 {{percent}}%',
  done_one: '已自动定时 {{count}} 条字幕，请在波形上检查',
  done_other: '已自动定时 {{count}} 条字幕，请在波形上检查',
  failed: '自动定时失败：{{detail}}',
  cancel: '停止',
};
