import { describe, expect, it } from 'vitest';
import { fieldOfHeader, parseImportMapping } from './importMapping.ts';

describe('parseImportMapping', () => {
  it('applies the Uwazi preset, and the mapping’s own columns take precedence', () => {
    const preset = parseImportMapping({ preset: 'uwazi' });
    expect(fieldOfHeader(preset, ' Title ')).toBe('incident.title');
    expect(fieldOfHeader(preset, 'Date added')).toBe('ignore');
    expect(preset).toMatchObject({
      multiValueSeparator: '|',
      dateRangeSeparator: '~',
      geolocationSeparator: '|',
    });
    const suffixed = parseImportMapping({ preset: 'uwazi', columns: { Title__en: 'incident.title' } });
    expect(fieldOfHeader(suffixed, 'Title__en')).toBe('incident.title');
    expect(fieldOfHeader(suffixed, 'Title')).toBeNull();
  });

  it('names what is wrong with a mapping', () => {
    expect(() => parseImportMapping({ columns: { A: 'incident.title', B: 'incident.title' } })).toThrow(
      /two columns fill incident.title/,
    );
    expect(() => parseImportMapping({ columns: { A: 'incident.title' }, dateFormat: 'DD-MM' })).toThrow(
      /mapping dateFormat/,
    );
    expect(() => parseImportMapping({ columns: { A: 'incident.title' }, extra: 1 })).toThrow(/extra/);
  });
});
