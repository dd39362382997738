import type { en } from './en';

/** Type `t()` against the English resource: an unknown key or a missing variable fails to compile. */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
