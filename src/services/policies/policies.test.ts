import { describe, expect, it } from 'vitest';
import { Forbidden } from '../../core/errors.ts';
import { ROLES } from '../../core/roles.ts';
import { ACTIONS, authorize, can, holdsCompartmentKeys, POLICY } from './index.ts';

describe('policies', () => {
  it('is a complete table a matrix test can iterate over', () => {
    for (const action of ACTIONS) {
      for (const role of ROLES) {
        if (can(role, action)) expect(() => authorize(role, action)).not.toThrow();
        else expect(() => authorize(role, action)).toThrow(Forbidden);
      }
    }
  });

  it('keeps protected reads away from analysts and viewers, and account management with administrators', () => {
    for (const role of ['analyst', 'viewer'] as const) {
      expect(can(role, 'person.read')).toBe(false);
      expect(can(role, 'person.create')).toBe(false);
      expect(can(role, 'intake.open')).toBe(false);
    }
    expect(ROLES.filter((role) => can(role, 'user.add'))).toEqual(['administrator']);
    expect(POLICY['person.read'].scope).toBe('compartment');
  });

  it('seals compartment keys only to roles that may read persons', () => {
    expect(ROLES.filter(holdsCompartmentKeys)).toEqual(['administrator', 'investigator', 'caseworker']);
    expect(ROLES.filter(holdsCompartmentKeys)).toEqual(ROLES.filter((role) => can(role, 'person.read')));
  });
});
