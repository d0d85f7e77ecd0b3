/** Referrals over HTTP: the organisation's key, sealing a case to a partner, importing packages and replies. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { REFERRAL_REPLIES } from '../../core/casework.ts';
import { IdParams, Uuid } from '../../core/validation.ts';
import {
  createReferral,
  createReferralSchema,
  importReferral,
  importReferralStatus,
  listReferrals,
  MAX_PACKAGE_BYTES,
  organisationKey,
  parsePartnerKey,
  replyToReferral,
} from '../../services/referrals/referrals.ts';
import type { Store } from '../../services/store.ts';
import { actorOf } from '../auth.ts';
import {
  ImportedReferralSchema,
  ImportedStatusSchema,
  OrganisationKeySchema,
  ReferralListSchema,
  ReferralPackageSchema,
  StatusReplySchema,
} from '../presenters/casework.ts';
import { contract } from '../route.ts';

const ListQuery = z.strictObject({ case: Uuid.optional() });
const CreateBody = createReferralSchema.extend({
  partnerKey: z
    .string()
    .min(1)
    .max(4_096)
    .describe('the partner’s key: `attest org key --json` output or base64'),
});
const PackageBody = z.strictObject({ package: z.string().min(1).max(MAX_PACKAGE_BYTES) });
const ReplyBody = z.strictObject({ status: z.enum(REFERRAL_REPLIES) });

export const referralRoutes: FastifyPluginAsyncZod<{ store: Store }> = async (app, { store }) => {
  app.get(
    '/api/organisation/key',
    contract('organisation.key', {
      summary: 'This organisation’s public key and fingerprint, for partners to send referrals to',
      tags: ['referrals'],
      response: { 200: OrganisationKeySchema },
      errors: [404],
    }),
    async (request) => organisationKey(store.db, actorOf(request)),
  );

  app.get(
    '/api/referrals',
    contract('referral.list', {
      summary: 'Referrals sent and received, of cases you are a member of',
      tags: ['referrals'],
      querystring: ListQuery,
      response: { 200: ReferralListSchema },
    }),
    async (request) => ({
      items: await listReferrals(store.db, actorOf(request), request.query.case),
    }),
  );

  app.post(
    '/api/cases/:id/referrals',
    contract('referral.create', {
      summary: 'Seal the consented fields of a case’s persons to a partner’s key; refuses unconsented fields',
      tags: ['referrals'],
      params: IdParams,
      body: CreateBody,
      response: { 201: ReferralPackageSchema },
      errors: [404],
    }),
    async (request, reply) => {
      const { id } = request.params;
      const { partnerKey, fields } = request.body;
      const made = await createReferral(store.db, actorOf(request), id, parsePartnerKey(partnerKey), {
        fields,
      });
      return reply.status(201).send(made);
    },
  );

  app.post(
    '/api/referrals/import',
    contract('referral.import', {
      summary: 'Open a partner’s referral package into a new case with new person records',
      tags: ['referrals'],
      body: PackageBody,
      response: { 201: ImportedReferralSchema },
      errors: [409],
    }),
    async (request, reply) =>
      reply.status(201).send(await importReferral(store.db, actorOf(request), request.body.package)),
  );

  app.post(
    '/api/referrals/:id/reply',
    contract('referral.create', {
      summary: 'Answer a referral received (accepted, declined, closed): a sealed reply for the sender',
      tags: ['referrals'],
      params: IdParams,
      body: ReplyBody,
      response: { 200: StatusReplySchema },
      errors: [404],
    }),
    async (request) => replyToReferral(store.db, actorOf(request), request.params.id, request.body.status),
  );

  app.post(
    '/api/referrals/status',
    contract('referral.import', {
      summary: 'Import a partner’s sealed status reply to a referral sent from here',
      tags: ['referrals'],
      body: PackageBody,
      response: { 200: ImportedStatusSchema },
      errors: [404],
    }),
    async (request) => importReferralStatus(store.db, actorOf(request), request.body.package),
  );
};
