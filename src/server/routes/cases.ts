/**
 * Cases over HTTP: list (members only), open, read, move along the workflow, change risk or
 * assignment, and the case's tasks, consents, notes and attachments. Every route reaches the case
 * through its compartment key, so a non-member gets 403 whatever their role.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { InvalidInput } from '../../core/errors.ts';
import { IdParams, Uuid } from '../../core/validation.ts';
import {
  caseListSchema,
  caseUpdateSchema,
  changeCaseStatus,
  listCases,
  openCase,
  openCaseSchema,
  statusChangeSchema,
  updateCase,
} from '../../services/cases/cases.ts';
import {
  addAttachment,
  addConsent,
  addNote,
  addTask,
  completeTask,
  MAX_ATTACHMENT_BYTES,
  newConsentSchema,
  newNoteSchema,
  newTaskSchema,
  readAttachment,
  showCase,
  withdrawConsent,
} from '../../services/cases/records.ts';
import type { Store } from '../../services/store.ts';
import { actorOf } from '../auth.ts';
import { downloadHeaders } from '../download.ts';
import {
  CaseDetailSchema,
  CaseListSchema,
  CaseSummarySchema,
  CreatedSchema,
  OpenedCaseSchema,
} from '../presenters/casework.ts';
import { contract } from '../route.ts';

const TaskParams = IdParams.extend({ taskId: Uuid });
const ConsentParams = IdParams.extend({ consentId: Uuid });
const AttachmentParams = IdParams.extend({ attachmentId: Uuid });
const flag = z.enum(['true', 'false']).transform((value) => value === 'true');
const ListQuery = caseListSchema.extend({ mine: flag.optional(), overdue: flag.optional() });

export const caseRoutes: FastifyPluginAsyncZod<{ store: Store }> = async (app, { store }) => {
  app.get(
    '/api/cases',
    contract('case.list', {
      summary: 'Cases of the compartments you are a member of, newest first, with filters',
      tags: ['cases'],
      querystring: ListQuery,
      response: { 200: CaseListSchema },
    }),
    async (request) => ({
      items: await listCases(store.db, actorOf(request), request.query),
    }),
  );

  app.post(
    '/api/cases',
    contract('case.open', {
      summary: 'Open a case for one or more persons, in a new compartment',
      tags: ['cases'],
      body: openCaseSchema,
      response: { 201: OpenedCaseSchema },
      errors: [404],
    }),
    async (request, reply) =>
      reply.status(201).send(await openCase(store.db, actorOf(request), request.body)),
  );

  app.get(
    '/api/cases/:id',
    contract('case.read', {
      summary: 'One case, opened: history, tasks, consents, notes, attachments (audited)',
      tags: ['cases'],
      params: IdParams,
      response: { 200: CaseDetailSchema },
      errors: [404],
    }),
    async (request) => showCase(store.db, actorOf(request), request.params.id),
  );

  app.patch(
    '/api/cases/:id',
    contract('case.update', {
      summary: 'Change the risk level or the assigned caseworker (who receives the case’s keys)',
      tags: ['cases'],
      params: IdParams,
      body: caseUpdateSchema,
      response: { 200: CaseSummarySchema },
      errors: [404],
    }),
    async (request) => updateCase(store.db, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/cases/:id/status',
    contract('case.update', {
      summary: 'Move the case along its workflow (invalid steps are refused naming the allowed ones)',
      tags: ['cases'],
      params: IdParams,
      body: statusChangeSchema,
      response: { 200: z.object({ status: z.string() }) },
      errors: [404, 409],
    }),
    async (request) => changeCaseStatus(store.db, actorOf(request), request.params.id, request.body),
  );

  const created = <B extends z.ZodType>(summary: string, body: B) =>
    contract('case.update', {
      summary,
      tags: ['cases'],
      params: IdParams,
      body,
      response: { 201: CreatedSchema },
      errors: [404],
    });

  app.post(
    '/api/cases/:id/tasks',
    created('Add a task (title sealed) with an optional due date', newTaskSchema),
    async (request, reply) =>
      reply.status(201).send(await addTask(store.db, actorOf(request), request.params.id, request.body)),
  );

  app.post(
    '/api/cases/:id/tasks/:taskId/done',
    contract('case.update', {
      summary: 'Mark a task done',
      tags: ['cases'],
      params: TaskParams,
      response: { 204: null },
      errors: [404],
    }),
    async (request, reply) => {
      const { id, taskId } = request.params;
      await completeTask(store.db, actorOf(request), id, taskId);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/cases/:id/consents',
    created('Record what a person of the case agreed to share, and with whom (sealed)', newConsentSchema),
    async (request, reply) =>
      reply.status(201).send(await addConsent(store.db, actorOf(request), request.params.id, request.body)),
  );

  app.post(
    '/api/cases/:id/consents/:consentId/withdraw',
    contract('case.update', {
      summary: 'Record that a consent was withdrawn (referrals can no longer carry its fields)',
      tags: ['cases'],
      params: ConsentParams,
      response: { 204: null },
      errors: [404],
    }),
    async (request, reply) => {
      const { id, consentId } = request.params;
      await withdrawConsent(store.db, actorOf(request), id, consentId);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/cases/:id/notes',
    created('Add a sealed note to the timeline', newNoteSchema),
    async (request, reply) =>
      reply.status(201).send(await addNote(store.db, actorOf(request), request.params.id, request.body)),
  );

  app.post(
    '/api/cases/:id/attachments',
    contract('case.update', {
      summary: `Attach a file (multipart part "file", at most ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB), sealed with the case key`,
      tags: ['cases'],
      params: IdParams,
      consumes: ['multipart/form-data'],
      response: { 201: CreatedSchema },
      errors: [404, 413, 415],
    }),
    async (request, reply) => {
      const { id } = request.params;
      if (!request.isMultipart())
        throw new InvalidInput('body', 'expected multipart/form-data with a "file" part');
      const part = await request.file({ limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1 } });
      if (part?.fieldname !== 'file')
        throw new InvalidInput('body.file', 'missing: attach the file as the "file" part');
      const bytes = new Uint8Array(await part.toBuffer());
      const result = await addAttachment(store.db, actorOf(request), id, {
        name: part.filename || 'attachment.bin',
        bytes,
      });
      bytes.fill(0);
      return reply.status(201).send(result);
    },
  );

  app.get(
    '/api/cases/:id/attachments/:attachmentId',
    contract('case.read', {
      summary: 'Download an attachment, opened (audited)',
      tags: ['cases'],
      params: AttachmentParams,
      response: { 200: null },
      errors: [404],
    }),
    async (request, reply) => {
      const { id, attachmentId } = request.params;
      const file = await readAttachment(store.db, actorOf(request), id, attachmentId);
      reply.headers(
        downloadHeaders({ mediaType: 'application/octet-stream', fileName: file.name, sha256: attachmentId }),
      );
      return reply.send(Buffer.from(file.bytes));
    },
  );
};
