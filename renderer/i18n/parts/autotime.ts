import type { WidenStrings } from '../messages';

/** UI strings of the `autotime` namespace (English is the reference; Chinese is typed against it). */
export const autotimeEn = {
  title: 'Automatic timing',
} as const;

export const autotimeZh: WidenStrings<typeof autotimeEn> = {
  title: '自动定时',
};
