import { describe, expect, it } from 'vitest';
import { asJob, createJobs } from './jobs';

describe('jobs', () => {
  it("run under the caller's id or a fresh one, and end however the work ends", async () => {
    const jobs = createJobs();
    const seen: string[] = [];
    await asJob(jobs, 'mine', async (job) => {
      seen.push(job.id, ...jobs.running());
    });
    await asJob(jobs, undefined, async (job) => {
      seen.push(job.id.length > 10 ? 'fresh' : job.id);
    });
    await expect(
      asJob(jobs, 'failing', async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(seen).toEqual(['mine', 'mine', 'fresh']);
    expect(jobs.running()).toEqual([]);
  });

  it('cancel a running job; one cancelled before it started starts cancelled', () => {
    const jobs = createJobs();
    const running = jobs.start('a');
    expect(jobs.cancel('a')).toBe(true);
    expect(running.signal.aborted).toBe(true);
    expect(jobs.cancel('b')).toBe(false);
    expect(jobs.start('b').signal.aborted).toBe(true);
    // Only once: the id is not cancelled for ever.
    expect(jobs.start('c').signal.aborted).toBe(false);
  });

  it('refuse a running id', () => {
    const jobs = createJobs();
    jobs.start('a');
    expect(() => jobs.start('a')).toThrow(/already running/);
  });
});
