import { dirname } from 'node:path';
import type { Handlers } from '../../shared/ipc/dispatch';
import { batchReimport, exportCorrection, previewCorrection } from './correction';
import { listFolder } from './fs-list';
import { readGlossaryCsv, readUserGlossary, writeGlossaryCsv, writeUserGlossary } from './glossary-store';
import { createDocumentSession } from './session/documents';
import type { HostDeps } from './session/host';
import { asJob, createJobs } from './session/jobs';
import { createMediaSession } from './session/media';
import { spellService } from './spell';
import { createTranslateHandlers } from './translate/service';

export type { DialogFilter, HostDeps, NativeDialogs } from './session/host';

/**
 * Every call of the contract (shared/ipc/contract.ts), implemented once for both hosts: a table
 * from call name to a service function. The state of a host session lives in its own modules:
 * jobs (session/jobs.ts), opened media and waveform decodes (session/media.ts), and documents
 * (session/documents.ts). Adding a call = an entry in the contract and a row here.
 */
export function createHandlers(deps: HostDeps): Handlers {
  const jobs = createJobs();
  const media = createMediaSession(deps);
  const documents = createDocumentSession(deps, media, jobs);
  const profileDir = deps.profileDir ?? dirname(deps.cacheDir);
  return {
    'app.info': async () => ({
      name: 'Zimu',
      version: deps.version,
      host: deps.host,
      platform: process.platform,
      locale: deps.locale,
    }),
    'project.initial': () => documents.initial(),
    'project.open': ({ path, encoding }) => documents.open(path, encoding),
    'project.importTranslation': ({ path, project, encoding }) => documents.importTranslation(path, project, encoding),
    'project.save': ({ path, project }) => documents.save(path, project),
    'project.exportCheck': async ({ project, ...options }) => documents.exportCheck(project, options),
    'project.export': ({ path, project, allowLossy, ...options }) =>
      documents.export(path, project, options, allowLossy),
    'project.autotime': ({ project, mediaId, ids, jobId }) =>
      asJob(jobs, jobId, (job) => documents.autotime(project, mediaId, ids, job)),
    'media.open': ({ path, audioTrack, jobId }) => asJob(jobs, jobId, (job) => media.open(path, audioTrack, job)),
    'media.peaks': ({ mediaId, audioTrack, jobId }) =>
      asJob(jobs, jobId, (job) => media.peaks(mediaId, audioTrack, job)),
    'job.cancel': async ({ jobId }) => ({ cancelled: jobs.cancel(jobId) }),
    'dialog.open': async ({ filter }) =>
      deps.dialogs ? { supported: true, path: await deps.dialogs.open(filter) } : { supported: false, path: null },
    'dialog.save': async ({ filter, defaultPath }) =>
      deps.dialogs
        ? { supported: true, path: await deps.dialogs.save(filter, defaultPath) }
        : { supported: false, path: null },
    'fs.list': ({ dir }) => listFolder(dir),
    'correction.exportText': ({ path, project, style, field, encoding }) =>
      exportCorrection(project, path, style, field, encoding),
    'correction.preview': ({ path, project, field }) => previewCorrection(project, path, field),
    'correction.batch': async ({ pairs, field, outDir }) => ({ results: await batchReimport(pairs, field, outDir) }),
    'glossary.get': () => readUserGlossary(profileDir),
    'glossary.set': ({ glossary }) => writeUserGlossary(profileDir, glossary),
    'glossary.importCsv': ({ path }) => readGlossaryCsv(path),
    'glossary.exportCsv': ({ path, glossary }) => writeGlossaryCsv(path, glossary),
    'spell.check': async ({ words }) => ({ unknown: await spellService().unknown(words) }),
    'spell.suggest': async ({ word }) => ({ suggestions: await spellService().suggest(word) }),
    ...createTranslateHandlers(deps), // translate.*, llm.*, tm.*: electron/services/translate/service.ts
    'settings.get': () => deps.settings.get(),
    'settings.set': ({ patch }) => deps.settings.update(patch),
  };
}
