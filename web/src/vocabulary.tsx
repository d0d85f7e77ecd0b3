/**
 * Vocabulary labels in the five languages, served by the API from src/core/vocabulary.ts so there
 * is one list. Until it arrives (or if it fails) the stable code is shown, which is still correct.
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import { getVocabulary } from './api/client.ts';
import type { Vocabulary } from './api/types.ts';
import { useI18n } from './i18n/I18nContext.tsx';

const EMPTY: Vocabulary = {
  locales: [],
  eventTypes: [],
  interventionTypes: [],
  claimStances: [],
  statuses: [],
  victimGroups: [],
};
const VocabularyContext = createContext<Vocabulary>(EMPTY);

export function VocabularyProvider({ children }: { children: ReactNode }) {
  const [vocabulary, setVocabulary] = useState<Vocabulary>(EMPTY);
  useEffect(() => {
    getVocabulary().then(setVocabulary, () => undefined);
  }, []);
  return <VocabularyContext.Provider value={vocabulary}>{children}</VocabularyContext.Provider>;
}

export type VocabularyList = 'eventTypes' | 'interventionTypes' | 'claimStances' | 'victimGroups';

/** `label('eventTypes', 'detention')` → "Arbitrary detention" in the current language. */
export function useVocabularyLabel(): (list: VocabularyList, code: string) => string {
  const vocabulary = useContext(VocabularyContext);
  const { locale } = useI18n();
  return useCallback(
    (list, code) => vocabulary[list].find((term) => term.code === code)?.labels[locale] ?? code,
    [vocabulary, locale],
  );
}

export function useVocabulary(): Vocabulary {
  return useContext(VocabularyContext);
}
