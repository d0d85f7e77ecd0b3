/** The audit log viewer and compartment membership over HTTP (services/audit/log.ts, services/compartments/). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CompartmentCode } from '../../core/codes.ts';
import { Uuid } from '../../core/validation.ts';
import { verifyStoreAudit } from '../../services/audit/audit.ts';
import { AuditFilter, auditEntryJson, listAuditEntries } from '../../services/audit/log.ts';
import { addCompartmentMember, removeCompartmentMember } from '../../services/compartments/compartments.ts';
import { listCompartments } from '../../services/compartments/list.ts';
import type { Store } from '../../services/store.ts';
import { actorOf } from '../auth.ts';
import { Id, Instant } from '../presenters/common.ts';
import { contract } from '../route.ts';

export const AuditEntrySchema = z.object({
  seq: z.number().int(),
  at: Instant,
  actor: z.string(),
  action: z.string(),
  outcome: z.enum(['allowed', 'denied']),
  recordType: z.string().nullable(),
  recordId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  hash: z.string().describe('hex'),
});
export const AuditVerdictSchema = z.object({
  ok: z.boolean(),
  entries: z.number().int().optional(),
  headSeq: z.number().int().optional(),
  headHash: z.string().optional(),
  firstBadEntry: z.number().int().optional(),
  reason: z.string().optional(),
  anchor: z.object({ seq: z.number().int(), hash: z.string() }).nullable(),
});
export const CompartmentSchema = z.object({
  code: z.string(),
  kind: z.enum(['organisation', 'case']),
  members: z.array(z.object({ id: Id, email: z.string() })),
});
const CodeParams = z.strictObject({ code: CompartmentCode });
const MemberParams = CodeParams.extend({ userId: Uuid });
const MemberBody = z.strictObject({ email: z.string().trim().min(3).max(320) });

export const administrationRoutes: FastifyPluginAsyncZod<{ store: Store }> = async (app, { store }) => {
  app.get(
    '/api/audit',
    contract('audit.read', {
      summary:
        'Audit entries, newest first; filter by actor (user id), action and record id; page with before',
      tags: ['audit'],
      querystring: AuditFilter,
      response: {
        200: z.object({ items: z.array(AuditEntrySchema), nextBefore: z.number().int().nullable() }),
      },
    }),
    async (request) => {
      const page = await listAuditEntries(store.db, actorOf(request), request.query);
      return {
        items: page.entries.map((entry) => ({
          ...auditEntryJson(entry),
          hash: Buffer.from(entry.hash).toString('hex'),
        })),
        nextBefore: page.nextBefore,
      };
    },
  );

  app.post(
    '/api/audit/verify',
    contract('audit.verify', {
      summary: 'Walk the whole chain and compare it with the anchor file; the head hash to record elsewhere',
      tags: ['audit'],
      response: { 200: AuditVerdictSchema },
    }),
    async () => verifyStoreAudit(store),
  );

  app.get(
    '/api/compartments',
    contract('compartment.list', {
      summary: 'Compartments and their members (administrators: all; others: those they belong to)',
      tags: ['compartments'],
      response: { 200: z.object({ items: z.array(CompartmentSchema) }) },
    }),
    async (request) => ({ items: await listCompartments(store.db, actorOf(request)) }),
  );

  app.post(
    '/api/compartments/:code/members',
    contract('compartment.addMember', {
      summary: 'Give a user the compartment’s keys (the caller must be a member)',
      tags: ['compartments'],
      params: CodeParams,
      body: MemberBody,
      response: { 204: null },
      errors: [404],
    }),
    async (request, reply) => {
      const { code } = request.params;
      const { email } = request.body;
      await addCompartmentMember(store.db, actorOf(request), code, email);
      return reply.status(204).send();
    },
  );

  app.delete(
    '/api/compartments/:code/members/:userId',
    contract('compartment.removeMember', {
      summary: 'Take a user out of a compartment; its key is rotated in the same transaction',
      tags: ['compartments'],
      params: MemberParams,
      response: { 204: null },
      errors: [404],
    }),
    async (request, reply) => {
      const { code, userId } = request.params;
      await removeCompartmentMember(store.db, actorOf(request), code, userId);
      return reply.status(204).send();
    },
  );
};
