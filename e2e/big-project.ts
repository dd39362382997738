import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createProject, type SegmentInit } from '../shared/model/project';
import { serializeProjectFile } from '../shared/model/project-file';

/**
 * A long bilingual talk for the grid's tests and bench: `count` timed segments of Chinese with
 * English translations (lines of a conference talk, varied by number), some two-line, every
 * seventh untranslated. Deterministic, so a failure can be reproduced.
 */
const LINES: readonly (readonly [string, string])[] = [
  ['尊敬的各位领导，各位来宾', 'Distinguished leaders and honored guests,'],
  ['欢迎来到今年的智源大会', 'welcome to this year’s BAAI Conference.'],
  ['今天我想和大家分享我们在大模型方面的进展', 'Today I would like to share our progress on large models'],
  ['过去一年里，我们发布了多个开源模型', 'Over the past year we released several open-source models'],
  ['这些模型在多项评测中取得了领先的成绩', 'which achieved leading results on many benchmarks.'],
  ['具身智能是我们下一个重要的方向', 'Embodied AI is our next major direction.'],
  ['我们希望让机器人真正理解物理世界', 'We want robots to truly understand the physical world'],
  ['数据、算力和算法缺一不可', 'Data, compute and algorithms are all indispensable.'],
  ['接下来请看一段演示视频', 'Next, please watch a short demo video.'],
  ['这个系统可以同时处理语音、图像和文字', 'This system handles speech, images and text at once'],
  ['我们也非常重视模型的安全与对齐', 'We also care deeply about model safety and alignment.'],
  ['开放合作是推动人工智能发展的关键', 'Open collaboration is key to advancing AI.'],
  ['感谢所有合作伙伴的支持', 'Thanks to all of our partners for their support.'],
  ['下面我介绍一下评测体系的最新变化', 'Let me introduce the latest changes to our evaluation system.'],
  ['这张图展示了训练过程中的损失曲线', 'This chart shows the loss curve during training'],
  ['可以看到，规模越大，效果越好', 'As you can see, the larger the scale, the better the results.'],
];

export function bigProjectSegments(count: number): SegmentInit[] {
  const segments: SegmentInit[] = [];
  let t = 1_000;
  for (let i = 0; i < count; i++) {
    const [zh, en] = LINES[i % LINES.length] as readonly [string, string];
    const round = Math.floor(i / LINES.length) + 1;
    const twoLines = i % 11 === 5;
    const source = twoLines
      ? `${zh}（第${round}部分）\n${LINES[(i + 3) % LINES.length]?.[0]}`
      : `${zh}（第${round}部分）`;
    const translation =
      i % 7 === 3
        ? ''
        : twoLines
          ? `${en} (part ${round})\n${LINES[(i + 3) % LINES.length]?.[1]}`
          : `${en} (part ${round})`;
    // Long enough to read at a normal pace (about 7 Chinese characters or 15 English ones a second),
    // with some segments left a little short so the grid has reading speeds to flag.
    const need = Math.max(Array.from(source).length / 7, translation.length / 15) * 1000;
    const length = Math.round(need * (i % 13 === 0 ? 0.8 : 1.05) + ((i * 37) % 400));
    segments.push({ start: t, end: t + length, source, translation });
    t += length + 150 + ((i * 13) % 300);
  }
  return segments;
}

/** Write the project as `<dir>/talk-<count>.zimu` (no media) and return its path. */
export function writeBigProject(dir: string, count = 5_000): string {
  mkdirSync(dir, { recursive: true });
  const project = createProject({
    title: `Generated ${count}-segment talk`,
    languages: { source: 'zh-CN', translation: 'en' },
    segments: bigProjectSegments(count),
  });
  const file = join(dir, `talk-${count}.zimu`);
  writeFileSync(file, serializeProjectFile(project));
  return file;
}
