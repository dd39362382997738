import type { SubtitleFormat } from './format';
import { FORMAT_TABLE, type FormatRow } from './table';

/**
 * Where a list of format modules disagrees with the format table (./table.ts): a row without a
 * module, a module without a row or registered twice, a module whose label, extensions or timing
 * differ from its row, or one that can (or cannot) write when its row says otherwise. Empty when
 * they agree. The registry's test runs this; so can a host at start-up.
 */
export function registryProblems(
  formats: readonly Pick<SubtitleFormat, 'id' | 'label' | 'extensions' | 'timed' | 'serialize'>[],
  table: readonly FormatRow[] = FORMAT_TABLE,
): string[] {
  const problems: string[] = [];
  for (const row of table) {
    const modules = formats.filter((f) => f.id === row.id);
    if (modules.length === 0) {
      problems.push(`${row.id}: in the format table but no format module is registered`);
      continue;
    }
    if (modules.length > 1) problems.push(`${row.id}: registered ${modules.length} times`);
    const f = modules[0] as (typeof modules)[number];
    if (f.label !== row.label) problems.push(`${row.id}: label "${f.label}" is not the table's "${row.label}"`);
    if (f.extensions.join(' ') !== row.extensions.join(' '))
      problems.push(`${row.id}: extensions ${f.extensions.join(' ')} are not the table's ${row.extensions.join(' ')}`);
    if (f.timed !== row.timed) problems.push(`${row.id}: timed is ${f.timed}, the table says ${row.timed}`);
    const writes = f.serialize !== undefined;
    if (writes !== row.export)
      problems.push(
        row.export
          ? `${row.id}: the table says it exports but it has no serialize`
          : `${row.id}: writes but the table says import only`,
      );
  }
  for (const f of formats) {
    if (!table.some((row) => row.id === f.id)) problems.push(`${f.id}: registered but not in the format table`);
  }
  return problems;
}
