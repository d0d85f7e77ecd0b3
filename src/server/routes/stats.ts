import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IncidentFiltersSchema } from '../../services/incidents/incidents.ts';
import {
  actBreakdown,
  byCountry,
  MAP_CELLS,
  mapMarks,
  STAT_DIMENSIONS,
  timeline,
} from '../../services/stats.ts';
import type { Store } from '../../services/store.ts';
import { actorOf } from '../auth.ts';
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

/** The statistics page's filters: the incident list's, less its sort, source and map square. */
const ViewQuery = {
  view: z.enum(['internal', 'public']).optional(),
  threshold: z.coerce.number().int().min(2).max(1000).optional(),
};
const BreakdownQuery = IncidentFiltersSchema.omit({ sort: true, source: true, area: true }).extend({
  by: z.enum(STAT_DIMENSIONS),
  ...ViewQuery,
});
const PlacesQuery = IncidentFiltersSchema.omit({ sort: true, source: true, area: true }).extend({
  cell: z.coerce
    .number()
    .refine(
      (cell) => (MAP_CELLS as readonly number[]).includes(cell),
      `must be one of ${MAP_CELLS.join(', ')}`,
    )
    .default(2),
  ...ViewQuery,
});
const Figures = {
  acts: z.number().int().nullable(),
  victims: z.number().int().nullable().describe('sum of the counted figures of the acts that have one'),
  victimsLow: z.number().int().nullable(),
  victimsHigh: z
    .number()
    .int()
    .nullable()
    .describe('null: some act has no upper figure (open range), or suppressed'),
  withoutFigure: z.number().int().nullable().describe('acts with no figure; null in the public view'),
  suppressed: z.boolean(),
};
const ViewFields = {
  view: z.enum(['internal', 'public']),
  threshold: z.number().int(),
  publicOnly: z.boolean().describe('the role sees the public view only'),
};
export const StatsBreakdown = z.object({
  dimension: z.enum(STAT_DIMENSIONS),
  ...ViewFields,
  withheld: z.boolean().describe('public view: too few acts to show this grouping safely; rows is empty'),
  rows: z.array(
    z.object({
      key: z.string().describe("'' when the acts have no value for the dimension"),
      country: z.string().nullable().describe('for region: the country of the place'),
      ...Figures,
    }),
  ),
  total: z.object(Figures),
});
const Bounds = z.object({ south: z.number(), west: z.number(), north: z.number(), east: z.number() });
export const StatsPlaces = z.object({
  ...ViewFields,
  cell: z.number(),
  marks: z.array(
    z.object({
      kind: z.enum(['place', 'cluster']),
      latitude: z.number(),
      longitude: z.number(),
      bounds: Bounds,
      acts: z.number().int(),
      incidents: z.number().int().nullable(),
    }),
  ),
  someHidden: z.boolean(),
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
  app.get(
    '/api/stats/breakdown',
    contract('stats.read', {
      summary: 'Acts and victims by type, country, region, month, perpetrator kind or status',
      description:
        'Each act counted once with its counted figure and range. The public view (always, for roles that hold no compartment key) suppresses small cells and the cells that would give them away.',
      tags: ['stats'],
      querystring: BreakdownQuery,
      response: { 200: StatsBreakdown },
    }),
    async (request) => {
      const { by, view, threshold, ...filters } = request.query;
      return actBreakdown(store.db, filters, by, { role: actorOf(request).role, view, threshold });
    },
  );
  app.get(
    '/api/stats/places',
    contract('stats.read', {
      summary: 'Acts with coordinates as map marks: places and clusters on a grid',
      description:
        "Each mark's bounds select its acts; /api/incidents?area=south,west,north,east lists their incidents. The public view leaves off marks under the threshold and rounds positions.",
      tags: ['stats'],
      querystring: PlacesQuery,
      response: { 200: StatsPlaces },
    }),
    async (request) => {
      const { cell, view, threshold, ...filters } = request.query;
      return mapMarks(store.db, filters, cell, { role: actorOf(request).role, view, threshold });
    },
  );
};
