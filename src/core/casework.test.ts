import { describe, expect, it } from 'vitest';
import { allowedTransitions, CASE_STATUSES, canTransition, parseFieldList } from './casework.ts';

describe('case workflow', () => {
  it('moves one step forward, closes from anywhere, reopens only a closed case', () => {
    expect(allowedTransitions('open')).toEqual(['assessment', 'closed']);
    expect(allowedTransitions('action-plan')).toEqual(['in-progress', 'closed']);
    expect(allowedTransitions('in-progress')).toEqual(['closed']);
    expect(allowedTransitions('closed')).toEqual(['open']);
    expect(canTransition('open', 'in-progress')).toBe(false);
    expect(canTransition('assessment', 'open')).toBe(false);
    for (const status of CASE_STATUSES) expect(canTransition(status, status)).toBe(false);
  });

  it('parses a field list, keeping unknown names apart', () => {
    expect(parseFieldList(' name, contacts,name,phone ')).toEqual({
      fields: ['name', 'contacts'],
      unknown: ['phone'],
    });
  });
});
