import { describe, expect, it } from 'vitest';
import { ExportFormatSchema, LayoutSchema } from '../ipc/contract';
import {
  dialogFilters,
  EXPORT_FORMAT_IDS,
  exportFormatOfExtension,
  FORMAT_TABLE,
  filterExtensions,
  LAYOUTS,
} from './table';

describe('format table', () => {
  it('is where the contract takes its export formats and layouts from', () => {
    expect(ExportFormatSchema.options).toEqual([...EXPORT_FORMAT_IDS]);
    expect(LayoutSchema.options).toEqual([...LAYOUTS]);
  });

  it('gives every dialog the extensions of every format it should offer', () => {
    for (const row of FORMAT_TABLE) {
      for (const ext of row.extensions) expect(filterExtensions('document'), row.id).toContain(ext);
      if (row.export) {
        for (const ext of row.extensions) expect(filterExtensions('subtitle-export'), row.id).toContain(ext);
        expect(dialogFilters('subtitle-export').map((f) => f.name)).toContain(row.label);
      }
    }
    expect(filterExtensions('document')).toContain('.zimu');
    expect(dialogFilters('document').at(-1)).toEqual({ name: 'All files', extensions: ['*'] });
  });

  it('names the format an export extension is written in (the first row that has it)', () => {
    expect(exportFormatOfExtension('.ssa')).toBe('ass');
    expect(exportFormatOfExtension('.json')).toBe('bcc');
    expect(exportFormatOfExtension('.zimu')).toBeNull();
  });
});
