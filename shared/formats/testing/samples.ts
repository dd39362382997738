/**
 * Test support: one small file in each format, for the sniff matrix (every format scores the others
 * low). Tests that need a richer sample of their own format keep it in the test file.
 */

export const SRT = '1\n00:00:01,000 --> 00:00:02,500\n大家好\n\n2\n00:00:03,000 --> 00:00:04,000\n欢迎\n';
export const VTT = 'WEBVTT\n\n00:00:01.000 --> 00:00:02.500\n大家好\n';
export const ASS = '[Script Info]\nTitle: x\n\n[Events]\nDialogue: 0,0:00:01.00,0:00:02.00,Default,,0,0,0,,你好\n';
export const BCC =
  '{"font_size":0.4,"font_color":"#FFFFFF","background_alpha":0.5,"body":[{"from":1,"to":2,"content":"你好"}]}';
export const WHISPER = '{"text":"大家好","segments":[{"id":0,"start":1.0,"end":2.5,"text":"大家好"}],"language":"zh"}';
export const LRC = '[ti:晴天]\n[00:12.30]故事的小黄花\n';
export const TSV = 'id\tstart\tend\ttext\ttranslation\ns1\t0:00:01.000\t0:00:02.000\t你好\tHello\n';
export const CSV = '序号,开始时间,结束时间,原文,译文\r\n1,0:00:01.000,0:00:02.000,你好,Hello\r\n';
/** A plain-text transcript: Chinese sentences, one a line, no times. */
export const PLAIN = '大家好，欢迎来到智源大会。\n今天我们讨论规模定律。\n';
