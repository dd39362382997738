import type { OpenedDocument } from '../../shared/ipc/contract';
import { createProject } from '../../shared/model/project';

/** A small opened document: three timed segments and one untimed, one translated. */
export function sampleDocument(overrides: Partial<OpenedDocument> = {}): OpenedDocument {
  const project = createProject({
    title: 'talk',
    segments: [
      { start: 0, end: 1000, source: '尊敬的各位领导', translation: 'Distinguished leaders' },
      { start: 1000, end: 2500, source: '各位来宾' },
      { start: 3000, end: 4000, source: '欢迎来到志愿大会' },
      { source: '未定时的一句' },
    ],
  });
  return {
    path: '/work/talk.zimu',
    sourcePath: '/work/talk.zimu',
    format: 'zimu',
    encoding: null,
    encodingConfidence: null,
    project,
    media: null,
    warnings: [],
    ...overrides,
  };
}
