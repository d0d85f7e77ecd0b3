import { useSession } from '../session.tsx';

/**
 * Mirrors PROTECTION_STAFF in src/services/policies/rule.ts: who may add, link and correct persons
 * and involvements. The server decides; this only hides buttons.
 */
const PROTECTION_STAFF = ['administrator', 'investigator', 'caseworker'];

export function useProtectionStaff(): boolean {
  const { state } = useSession();
  return state.kind === 'signed-in' && PROTECTION_STAFF.includes(state.session.user.role);
}
