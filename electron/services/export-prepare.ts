import type { Project } from '../../shared/model/types';
import { scriptOf } from '../../shared/text/count';
import { breakLines } from '../../shared/text/line-break';
import { type ChineseScript, convertProjectScript } from './chinese-script';

/** Export options that change the text before a format writes it. */
export interface TextExportOptions {
  /** Chinese text in this script (OpenCC, regional phrases). */
  script?: ChineseScript;
  /** Re-break lines longer than these limits (a QA profile's), per script. */
  wrap?: {
    zh: { maxCharsPerLine: number; maxLines: number };
    en: { maxCharsPerLine: number; maxLines: number };
  };
}

/** The project as the export writes it: Chinese converted first, then long lines re-broken. */
export function prepareForExport(project: Project, options: TextExportOptions): Project {
  let out = options.script ? convertProjectScript(project, options.script) : project;
  const wrap = options.wrap;
  if (wrap) {
    const limits = (language: string) => {
      const script = scriptOf(language);
      const l = script === 'cjk' ? wrap.zh : wrap.en;
      return { maxChars: l.maxCharsPerLine, maxLines: l.maxLines, script };
    };
    const source = limits(out.languages.source);
    const translation = limits(out.languages.translation);
    let changed = false;
    const segments = out.segments.map((s) => {
      const src = breakLines(s.source, source);
      const tr = breakLines(s.translation, translation);
      if (src === s.source && tr === s.translation) return s;
      changed = true;
      return { ...s, source: src, translation: tr };
    });
    if (changed) out = { ...out, segments };
  }
  return out;
}
