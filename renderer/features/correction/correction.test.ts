import { describe, expect, it } from 'vitest';
import { proposeReimport } from '../../../shared/reimport/reimport';
import { createEditor } from '../../state/editor';
import { sampleDocument } from '../../test/fixtures';
import { applyProposal } from './apply';
import { correctionPathFor } from './ExportTextDialog';
import { initialSelection, reviewOrder } from './review-order';
import type { ReimportChange } from './state';

const change = (id: string, index: number, confidence: number, needsReview: boolean): ReimportChange => ({
  id,
  index,
  oldText: 'a',
  newText: 'b',
  confidence,
  needsReview,
  missing: false,
});

describe('reviewOrder', () => {
  it('lists what needs review first, least sure first, then the rest in document order', () => {
    const ordered = reviewOrder([
      change('s1', 0, 0.9, false),
      change('s4', 3, 0.5, true),
      change('s2', 1, 0.95, false),
      change('s3', 2, 0, true),
    ]);
    expect(ordered.map((c) => c.id)).toEqual(['s3', 's4', 's1', 's2']);
    expect([...initialSelection(ordered)].sort()).toEqual(['s1', 's2', 's3', 's4']);
  });
});

describe('applyProposal', () => {
  it('applies the accepted changes as one labelled edit', () => {
    const editor = createEditor();
    const doc = sampleDocument();
    editor.openDocument(doc);
    const proposal = proposeReimport(
      doc.project,
      '尊敬的各位领导\n各位嘉宾\n欢迎来到智源大会\n未定时的一句\n',
      'text',
      'c.txt',
    );
    expect(proposal.changes.map((c) => c.id)).toEqual(['s2', 's3']);
    expect(applyProposal(editor, proposal, new Set(['s3']))).toBe(true);
    const state = editor.get();
    expect(state.revision).toBe(1);
    expect(state.lastEdit).toBe('reimport');
    expect(state.dirty).toBe(true);
    expect(state.doc?.project.segments.map((s) => s.source)).toEqual([
      '尊敬的各位领导',
      '各位来宾',
      '欢迎来到智源大会',
      '未定时的一句',
    ]);
    expect(applyProposal(editor, proposal, new Set())).toBe(false);
    expect(editor.get().revision).toBe(1);
  });
});

describe('correctionPathFor', () => {
  it('suggests a file next to the document', () => {
    expect(correctionPathFor('/work/talk.zimu', 'paragraphs')).toBe('/work/talk.correction.txt');
    expect(correctionPathFor('C:\\a\\talk.srt', 'tsv')).toBe('C:\\a\\talk.correction.tsv');
  });
});
