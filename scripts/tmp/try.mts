import { readFileSync } from 'node:fs';
import { parseProjectFile } from '../../shared/model/project-file';
import { exportCorrectionText } from '../../shared/correction/export-text';
import { proposeReimport } from '../../shared/reimport/reimport';
const r = parseProjectFile(readFileSync('electron/sample/bv1uh4y1w77v-p1.zimu','utf8')); if (!r.ok) throw new Error("x"); const project = r.project;
for (const style of ['paragraphs','lines','tsv'] as const) {
  const text = exportCorrectionText(project, style, 'text');
  if (style==='paragraphs') console.log(text);
  const p = proposeReimport(project, text, 'text', 'x');
  console.log(style, p.kind, p.mode, p.changes.length);
  const fixed = text.replaceAll('志愿','智源').replaceAll('资源','智源').replaceAll('支援','智源').replaceAll('啊','').replaceAll('呃','');
  const q = proposeReimport(project, fixed, 'text', 'x');
  console.log(style, q.mode, q.changes.map(c=>`${c.id} ${c.oldText} -> ${c.newText} ${c.confidence.toFixed(2)}`));
}
