import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IncidentFiltersSchema } from '../../services/incidents/incidents.ts';
import { byCountry, timeline } from '../../services/stats.ts';
import type { Store } from '../../services/store.ts';
import { contract } from '../route.ts';

const TimelineQuery = IncidentFiltersSchema.pick({
  country: true,
  type: true,
  status: true,
  from: true,
  to: true,
});
const MapQuery = IncidentFiltersSchema.pick({ type: true, status: true, from: true, to: true });
const Count = { incidents: z.number().int(), acts: z.number().int() };
export const Timeline = z.object({
  months: z.array(z.object({ month: z.string().describe('YYYY-MM'), ...Count })),
  undated: z.object(Count),
});
export const ByCountry = z.object({
  countries: z.array(z.object({ country: z.string(), ...Count, victimsMin: z.number().int() })),
});

export const statsRoutes: FastifyPluginAsyncZod<{ store: Store }> = async (app, { store }) => {
  app.get(
    '/api/stats/timeline',
    contract('stats.read', {
      summary: 'Incidents and acts by month',
      tags: ['stats'],
      querystring: TimelineQuery,
      response: { 200: Timeline },
    }),
    async (request) => timeline(store.db, request.query),
  );
  app.get(
    '/api/stats/map',
    contract('stats.read', {
      summary: 'Incidents, acts and victims (lower bound) by country',
      tags: ['stats'],
      querystring: MapQuery,
      response: { 200: ByCountry },
    }),
    async (request) => byCountry(store.db, request.query),
  );
};
