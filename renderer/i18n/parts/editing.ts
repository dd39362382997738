import type { WidenStrings } from '../messages';

/** UI strings of the `edit` namespace (English is the reference; Chinese is typed against it). */
export const editingEn = {
  title: 'Editing',
} as const;

export const editingZh: WidenStrings<typeof editingEn> = {
  title: '编辑',
};
