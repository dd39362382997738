import { z } from 'zod';
import type { HostMessageData } from './messages';

/** A message by code and params (shared/ipc/messages.ts): what the UI words in its language. */
export const HostMessageSchema: z.ZodType<HostMessageData> = z.object({
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.lazy(() => HostMessageSchema)])),
});

/** Something skipped or repaired: its message (English in `message`), line and JSON path. */
export const HostWarningSchema = z.object({
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number(), HostMessageSchema])),
  line: z.number().int().nullable(),
  path: z.string().optional(),
  message: z.string(),
});
