import { z } from 'zod';
import { GlossarySchema } from '../glossary/model';
import type { Project } from './types';

/** Runtime schemas of the document, used to validate project files and IPC arguments. */
const ms = z.number().int().nonnegative();

export const FlagSchema = z.enum([
  'needs-timing',
  'auto-timed',
  'reimported',
  'needs-review',
  'locked',
  'machine-translated',
]);

export const SegmentSchema = z
  .object({
    id: z.string().min(1),
    start: ms.nullable(),
    end: ms.nullable(),
    source: z.string(),
    translation: z.string(),
    speaker: z.string().optional(),
    note: z.string().optional(),
    flags: z.array(FlagSchema).readonly(),
    extras: z.record(z.string(), z.record(z.string(), z.string()).readonly()).readonly().optional(),
  })
  .refine((s) => (s.start === null) === (s.end === null), { message: 'start and end must both be set or both be null' })
  .refine((s) => s.start === null || s.end === null || s.end >= s.start, { message: 'end is before start' });

export const MediaRefSchema = z.object({
  path: z.string().min(1),
  title: z.string().optional(),
  bvid: z.string().optional(),
  audioTrack: z.number().int().nonnegative().optional(),
  part: z.string().optional(),
});

export const ProjectSchema = z.object({
  title: z.string(),
  media: MediaRefSchema.nullable(),
  languages: z.object({ source: z.string(), translation: z.string() }),
  segments: z.array(SegmentSchema).readonly(),
  nextId: z.number().int().positive(),
  frameRate: z.number().positive().max(1000).optional(),
  glossary: GlossarySchema.optional(),
}) satisfies z.ZodType<Project>;
