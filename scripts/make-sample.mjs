#!/usr/bin/env node
// `npm run sample`: build the built-in sample project in electron/sample/ from a real ASR transcript.
//
// Reads electron/sample/seed-transcript.txt (a `# title` line, a blank line, then paragraphs whose
// `，`-joined phrases were the original subtitle segments), takes the first PHRASES phrases, speaks
// each with espeak-ng's Mandarin voice, joins the clips with fixed silences and encodes the result
// to Ogg Opus. Writes:
//   bv1uh4y1w77v-p1.opus  the audio
//   bv1uh4y1w77v-p1.zimu  the project: one segment per phrase, timed to where its clip sits
//   timings.json          the same times as ground truth, for judging automatic timing
//
// Text is kept exactly as the ASR wrote it, errors included (志愿/资源/支援 for 智源): fixing them is
// what the editor is for. A phrase keeps its punctuation (a paragraph's last phrase ends in `。`) both
// in the segment and in what espeak-ng is given; only surrounding whitespace is dropped.
// Clips are not trimmed: a segment runs from its clip's first sample to its last, so it includes the
// short tail of silence espeak-ng ends every utterance with.
//
// Deterministic apart from the encoder build (the Opus stream is muxed bit-exact), and idempotent.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const dir = join(root, 'electron', 'sample');
const SEED = join(dir, 'seed-transcript.txt');
const BASE = 'bv1uh4y1w77v-p1';
const PHRASES = 30;
const VOICE = 'cmn';
const SPEED = 170; // espeak-ng words per minute; its Mandarin voice already speaks slowly
const LEAD_IN_MS = 500;
const GAP_MS = 350;
const MAX_AUDIO_BYTES = 1024 * 1024;

/** English for the opening segments (the meaning intended, not the ASR's misheard words). */
const TRANSLATIONS = [
  'Distinguished leaders,',
  'honored guests,',
  'experts',
  'and friends,',
  'good morning, everyone.',
  "Welcome once again to today's BAAI Conference.",
  "I'm Wang Zhongyuan.",
  "It's a great honor to take the baton from Dr. Huang",
  'and to continue here at the BAAI Conference by reporting to you',
  "on some of BAAI's progress in research and work over the past year.",
];

/** The title line without its Markdown `# `, and the phrases of the paragraphs after it. */
function readSeed(text) {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const title = lines[0].replace(/^#\s*/, '').trim();
  const phrases = lines
    .slice(1)
    .join('\n')
    .split(/\n\s*\n/)
    .flatMap((paragraph) => paragraph.split('，'))
    .map((phrase) => phrase.trim())
    .filter((phrase) => phrase !== '');
  return { title, phrases };
}

/** Format and PCM data of a RIFF/WAVE file, found by walking its chunks. */
function parseWav(buf) {
  if (buf.toString('ascii', 0, 4) !== 'RIFF' || buf.toString('ascii', 8, 12) !== 'WAVE')
    throw new Error('not a WAV file');
  let fmt = null;
  let data = null;
  for (let at = 12; at + 8 <= buf.length; ) {
    const id = buf.toString('ascii', at, at + 4);
    const size = buf.readUInt32LE(at + 4);
    const body = at + 8;
    if (id === 'fmt ') {
      fmt = {
        audioFormat: buf.readUInt16LE(body),
        channels: buf.readUInt16LE(body + 2),
        sampleRate: buf.readUInt32LE(body + 4),
        bitsPerSample: buf.readUInt16LE(body + 14),
      };
    } else if (id === 'data') {
      // espeak-ng writing to a pipe leaves the size unset; -w to a file fills it in, but clamp anyway.
      data = buf.subarray(body, Math.min(body + size, buf.length));
      break;
    }
    at = body + size + (size % 2);
  }
  if (!fmt || !data) throw new Error('WAV file without fmt or data chunk');
  if (fmt.audioFormat !== 1 || fmt.bitsPerSample !== 16) throw new Error('expected 16-bit PCM');
  const frameBytes = fmt.channels * 2;
  return { ...fmt, frameBytes, frames: Math.floor(data.length / frameBytes), data };
}

function wavFile({ channels, sampleRate }, pcm) {
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + pcm.length, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(channels, 22);
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * channels * 2, 28);
  header.writeUInt16LE(channels * 2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(pcm.length, 40);
  return Buffer.concat([header, pcm]);
}

function main() {
  const seed = readSeed(readFileSync(SEED, 'utf8'));
  const phrases = seed.phrases.slice(0, PHRASES);
  if (phrases.length < PHRASES) throw new Error(`${SEED} has only ${phrases.length} phrases`);
  const encoders = execFileSync('ffmpeg', ['-hide_banner', '-encoders'], { encoding: 'utf8' });
  if (!/\blibopus\b/.test(encoders)) throw new Error('this ffmpeg has no libopus encoder');

  const tmp = mkdtempSync(join(tmpdir(), 'zimu-sample-'));
  try {
    const clips = phrases.map((text, i) => {
      const file = join(tmp, `phrase-${String(i + 1).padStart(2, '0')}.wav`);
      execFileSync('espeak-ng', ['-v', VOICE, '-s', String(SPEED), '-w', file, text]);
      return parseWav(readFileSync(file));
    });
    const format = clips[0];
    for (const clip of clips)
      if (clip.sampleRate !== format.sampleRate || clip.channels !== format.channels)
        throw new Error('espeak-ng clips differ in format');

    // Lay the clips out on a millisecond timeline: each starts on a whole millisecond, ends where its
    // last sample ends (rounded to the nearest millisecond), and the next starts GAP_MS after that.
    const rate = format.sampleRate;
    const toFrame = (ms) => Math.round((ms * rate) / 1000);
    const parts = [];
    const timings = [];
    let frame = 0;
    let cursorMs = LEAD_IN_MS;
    clips.forEach((clip, i) => {
      const startFrame = toFrame(cursorMs);
      parts.push(Buffer.alloc((startFrame - frame) * format.frameBytes), clip.data);
      frame = startFrame + clip.frames;
      const end = Math.round((frame * 1000) / rate);
      timings.push({ text: phrases[i], start: cursorMs, end });
      cursorMs = end + GAP_MS;
    });
    parts.push(Buffer.alloc((toFrame(cursorMs) - frame) * format.frameBytes)); // a GAP_MS tail
    const joined = join(tmp, 'joined.wav');
    writeFileSync(joined, wavFile(format, Buffer.concat(parts)));

    const audio = join(dir, `${BASE}.opus`);
    // bit-exact flags keep the Ogg serial number and encoder tag fixed, so reruns give the same bytes.
    execFileSync('ffmpeg', [
      ...['-hide_banner', '-loglevel', 'error', '-y', '-i', joined],
      ...['-map_metadata', '-1', '-fflags', '+bitexact', '-flags:a', '+bitexact'],
      ...['-c:a', 'libopus', '-b:a', '24k', '-ac', '1', audio],
    ]);
    const audioBytes = statSync(audio).size;
    if (audioBytes >= MAX_AUDIO_BYTES) throw new Error(`${audio} is ${audioBytes} bytes, over 1 MB`);

    const project = {
      format: 'zimu-project',
      version: 1,
      title: '2024北京智源大会 · 智源进展报告：王仲远 (BV1uH4y1w77V)',
      media: { path: `${BASE}.opus`, title: seed.title, bvid: 'BV1uH4y1w77V', part: 'P1' },
      languages: { source: 'zh-CN', translation: 'en' },
      nextId: timings.length + 1,
      segments: timings.map((t, i) => ({
        id: `s${i + 1}`,
        start: t.start,
        end: t.end,
        source: t.text,
        translation: TRANSLATIONS[i] ?? '',
        flags: [],
      })),
    };
    const projectFile = join(dir, `${BASE}.zimu`);
    writeFileSync(projectFile, `${JSON.stringify(project, null, 2)}\n`);
    const timingsFile = join(dir, 'timings.json');
    writeFileSync(
      timingsFile,
      `${JSON.stringify({ gapMs: GAP_MS, leadInMs: LEAD_IN_MS, phrases: timings }, null, 2)}\n`,
    );

    const last = timings[timings.length - 1];
    const rel = (file) => file.slice(root.length + 1);
    console.log(`wrote ${rel(audio)}: ${audioBytes} bytes, ${(toFrame(cursorMs) / rate).toFixed(3)} s`);
    console.log(`wrote ${rel(projectFile)}: ${timings.length} segments, ${timings[0].start}–${last.end} ms`);
    console.log(`wrote ${rel(timingsFile)}: gap ${GAP_MS} ms, lead-in ${LEAD_IN_MS} ms`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main();
