import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { mergeGlossaries } from '../../shared/glossary/model';
import { ZimuError } from '../../shared/ipc/errors';
import { runQa } from '../../shared/qa/engine';
import { describeProblem } from '../../shared/qa/messages';
import { availableProfiles, findProfile, type QaProfile, resolveProfile } from '../../shared/qa/profile';
import { readUserGlossary } from '../services/glossary-store';
import { defaultProfileDir } from '../services/profile';
import { createSettingsStore } from '../services/settings';
import { spellService } from '../services/spell';
import { readInput } from './read-input';
import type { CliIo } from './run';

export const QA_USAGE = `  zimu qa <file> [--profile <id-or-name>] [--json]
      check a project or subtitle file against a QA profile (default: the one chosen in Settings, else
      netflix; built in: netflix, bilibili) with the user and project glossary and the spell check; prints
      one problem a line (--json: {"problems":[{"rule","severity","segments","message"}]}, segments
      numbered from 1 in the file's order); exit status 1 when there are errors, 0 when there are none`;

/** One problem as `zimu qa --json` prints it. */
export interface QaJsonProblem {
  rule: string;
  severity: 'error' | 'warning' | 'info';
  segments: number[];
  message: string;
}

/**
 * `zimu qa`: the live QA pass of the editor, once, on a file. Segment numbers are positions in the
 * file as read (the order the parser produced, never re-sorted by time), 1-based. Resolves to the
 * exit status: 1 when any problem is an error.
 */
export async function qaCommand(args: string[], io: CliIo, usage: (message: string) => Error): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { profile: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  if (positionals.length !== 1) throw usage('qa takes one file');
  const file = resolve(positionals[0] as string);
  const profileDir = defaultProfileDir();
  const settings = await createSettingsStore(profileDir).get();
  let profile: QaProfile;
  if (values.profile !== undefined) {
    const found = findProfile(settings, values.profile);
    if (!found) {
      const names = availableProfiles(settings).map((p) => p.id);
      throw usage(`--profile: no profile '${values.profile}' (${names.join(', ')})`);
    }
    profile = found;
  } else profile = resolveProfile(settings);

  const doc = await readInput(file);
  let userGlossary = null;
  try {
    userGlossary = await readUserGlossary(profileDir);
  } catch (err) {
    io.stderr(`zimu: warning: user glossary not used: ${err instanceof ZimuError ? err.message : String(err)}`);
  }
  const spell = await spellService().checker();
  const report = runQa(doc.project, {
    profile,
    glossary: mergeGlossaries(doc.project.glossary, userGlossary),
    spell,
    userWords: settings.userWords ?? [],
  });

  const position = new Map(doc.project.segments.map((s, i) => [s.id, i + 1]));
  const problems: QaJsonProblem[] = report.problems.map((p) => ({
    rule: p.rule,
    severity: p.severity,
    segments: p.segments.map((id) => position.get(id) ?? 0),
    message: describeProblem(p),
  }));
  if (values.json) io.stdout(`${JSON.stringify({ problems }, null, 2)}\n`);
  else {
    const lines = problems.map((p) => `#${p.segments.join(',#')}\t${p.severity}\t${p.rule}\t${p.message}`);
    if (lines.length > 0) io.stdout(`${lines.join('\n')}\n`);
  }
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  io.stderr(
    `zimu: ${file}: ${plural(report.errors, 'error')}, ${plural(report.warnings, 'warning')}, ` +
      `${plural(report.infos, 'suggestion')} (profile ${profile.id}, ${doc.project.segments.length} segments)`,
  );
  return report.errors > 0 ? 1 : 0;
}
