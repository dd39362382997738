import { RULE_TEXT_EN } from '../../../shared/qa/messages';
import type { WidenStrings } from '../messages';

/**
 * UI strings of the `qa` namespace: a name and a message per QA rule id (`qa.rules.<id>.name`,
 * `qa.rules.<id>.message`, worded from the problem's params). English comes from shared/qa/messages.ts,
 * which the command line prints too, so the two never drift apart.
 */
export const qaEn = {
  severity: { error: 'Error', warning: 'Warning', info: 'Suggestion' },
  sides: { source: 'source', translation: 'translation' },
  rules: RULE_TEXT_EN,
} as const;

export const qaZh: WidenStrings<typeof qaEn> = {
  severity: { error: '错误', warning: '警告', info: '建议' },
  sides: { source: '原文', translation: '译文' },
  rules: {
    untimed: { name: '未定时', message: '此条字幕没有开始和结束时间' },
    'duration-zero-or-negative': {
      name: '时长为零或负数',
      message: '此条字幕的结束时间不晚于开始时间（{{durationMs}} 毫秒）',
    },
    'duration-too-short': { name: '时长过短', message: '显示 {{durationMs}} 毫秒，短于 {{minMs}} 毫秒' },
    'duration-too-long': { name: '时长过长', message: '显示 {{durationMs}} 毫秒，长于 {{maxMs}} 毫秒' },
    overlap: { name: '时间重叠', message: '与另一条字幕重叠 {{overlapMs}} 毫秒' },
    duplicate: { name: '重复字幕', message: '与另一条字幕的时间和文字完全相同' },
    'gap-too-small': {
      name: '间隔过小',
      message: '与下一条字幕相隔 {{gapMs}} 毫秒，少于 {{minGapFrames}} 帧（{{minGapMs}} 毫秒）',
    },
    cps: { name: '阅读速度', message: '每秒 {{cps}} 个字符，超过 {{max}}' },
    'line-length': { name: '行过长', message: '第 {{line}} 行有 {{length}} 个字符，超过 {{max}}' },
    'line-count': { name: '行数过多', message: '共 {{lines}} 行，超过 {{max}} 行' },
    'translation-too-long': {
      name: '译文过长',
      message: '译文需要 {{needMs}} 毫秒才能读完，但最多只有 {{availableMs}} 毫秒',
    },
    'empty-text': { name: '文字为空', message: '此条字幕没有文字' },
    'missing-translation': { name: '缺少译文', message: '此条字幕还没有译文' },
    whitespace: { name: '空格', message: '行首、行尾或连续的空格（{{kind}}）' },
    'unbalanced-brackets': { name: '括号不成对', message: '未配对的 {{mark}}' },
    'latin-in-chinese': { name: '中文栏有英文', message: '中文栏中有英文句子：{{text}}' },
    'cjk-in-english': { name: '英文栏有中文', message: '英文栏中有中文字符或标点：{{text}}' },
    'repeated-words': { name: '重复字词', message: '重复的字词：{{word}}' },
    'filler-words': { name: '语气词', message: '可以删去语气词（啊、呃、嗯…）' },
    'width-normalisation': { name: '全角半角', message: '可以统一全角字母、数字或混用的标点' },
    'line-end-punctuation': { name: '行末标点', message: '逗号和句号不符合字幕惯例' },
    'cjk-latin-spacing': { name: '中英文间距', message: '中文与英文字母或数字之间没有空格' },
    'glossary-term': { name: '术语', message: '“{{term}}”应译为 {{expected}}' },
    'glossary-asr-fix': { name: '已知识别错误', message: '术语表可更正此句：{{after}}' },
    spelling: { name: '拼写', message: '未知单词：{{word}}' },
  },
};
