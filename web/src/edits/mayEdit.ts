import { useSession } from '../session.tsx';

/** Mirrors `incident.update` in src/server/access.ts: the server decides, this only hides buttons. */
const EDITORS = ['administrator', 'investigator'];

export function useMayEdit(): boolean {
  const { state } = useSession();
  return state.kind === 'signed-in' && EDITORS.includes(state.session.user.role);
}
