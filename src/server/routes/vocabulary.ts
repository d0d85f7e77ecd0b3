import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { VICTIM_GROUP_LABELS, VICTIM_GROUPS } from '../../core/victimGroups.ts';
import {
  CLAIM_STANCE_LABELS,
  CLAIM_STANCES,
  EVENT_TYPE_ESF,
  EVENT_TYPE_LABELS,
  EVENT_TYPES,
  INCIDENT_STATUSES,
  INTERVENTION_TYPE_LABELS,
  INTERVENTION_TYPES,
  LOCALES,
} from '../../core/vocabulary.ts';
import { contract } from '../route.ts';

const Labels = z.record(z.enum(LOCALES), z.string());
export const Vocabulary = z.object({
  locales: z.array(z.string()),
  eventTypes: z.array(
    z.object({
      code: z.string(),
      labels: Labels,
      esf: z.object({ vocabNumber: z.string(), label: z.string() }),
    }),
  ),
  interventionTypes: z.array(z.object({ code: z.string(), labels: Labels })),
  claimStances: z.array(z.object({ code: z.string(), labels: Labels })),
  victimGroups: z.array(z.object({ code: z.string(), labels: Labels })),
  statuses: z.array(z.string()),
});

// The vocabulary is code, not data: built once.
const VOCABULARY: z.infer<typeof Vocabulary> = {
  locales: [...LOCALES],
  eventTypes: EVENT_TYPES.map((code) => ({
    code,
    labels: EVENT_TYPE_LABELS[code],
    esf: EVENT_TYPE_ESF[code],
  })),
  interventionTypes: INTERVENTION_TYPES.map((code) => ({ code, labels: INTERVENTION_TYPE_LABELS[code] })),
  claimStances: CLAIM_STANCES.map((code) => ({ code, labels: CLAIM_STANCE_LABELS[code] })),
  victimGroups: VICTIM_GROUPS.map((code) => ({ code, labels: VICTIM_GROUP_LABELS[code] })),
  statuses: [...INCIDENT_STATUSES],
};

export const vocabularyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/vocabulary',
    contract('public', {
      summary: 'Event and intervention types, claim stances and victim groups with labels in en/pt/es/ru/fr',
      tags: ['system'],
      response: { 200: Vocabulary },
    }),
    async () => VOCABULARY,
  );
};
