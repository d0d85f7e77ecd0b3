/**
 * GET /api/incidents/:id/dossier: the incident's evidence dossier as a download (PDF, or with
 * zip=true the ZIP with originals and a manifest). Allowed to the roles that may export
 * (`dataset.export`); the level's rules are the export's (services/dossier/dossier.ts).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../core/validation.ts';
import { DOSSIER_LEVELS, makeDossier } from '../../services/dossier/dossier.ts';
import type { Store } from '../../services/store.ts';
import { actorOf } from '../auth.ts';
import { contract } from '../route.ts';

const DossierQuery = z.strictObject({
  level: z.enum(DOSSIER_LEVELS).default('partner'),
  zip: z.enum(['true', 'false']).default('false'),
});

export const dossierRoutes: FastifyPluginAsyncZod<{ store: Store }> = async (app, { store }) => {
  app.get(
    '/api/incidents/:id/dossier',
    contract('dataset.export', {
      summary: 'The incident’s evidence dossier (PDF; with zip=true a ZIP with originals and a manifest)',
      tags: ['incidents'],
      params: IdParams,
      querystring: DossierQuery,
      response: { 200: null },
      errors: [403, 404],
    }),
    async (request, reply) => {
      const { id } = request.params;
      const { level, zip } = request.query;
      const actor = actorOf(request);
      const dossier = await makeDossier(
        store,
        { incidentId: id, level, zip: zip === 'true' },
        { actor, generatedBy: actor.email },
      );
      return reply
        .headers({
          'content-type': dossier.mediaType,
          'content-disposition': `attachment; filename="${dossier.fileName}"`,
          'content-security-policy': "default-src 'none'; sandbox",
          'x-content-type-options': 'nosniff',
          'cache-control': 'private, no-store',
        })
        .send(Buffer.from(dossier.bytes));
    },
  );
};
