import type { WidenStrings } from '../messages';

/** UI strings of the `correction` namespace (English is the reference; Chinese is typed against it). */
export const correctionEn = {
  title: 'Correction',
} as const;

export const correctionZh: WidenStrings<typeof correctionEn> = {
  title: '校对文本',
};
