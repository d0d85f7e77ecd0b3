/**
 * Protected persons over HTTP. Lists give codes only; a value leaves the server only through the
 * reveal route, one field at a time, each reveal audited. Names travel in request bodies, never in
 * URLs (which proxies and browsers log).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  openPersonForEdit,
  personHistory,
  personPatchSchema,
  updatePerson,
} from '../../services/persons/personEdits.ts';
import { mergePersons, mergeSchema, personStatus } from '../../services/persons/personMerge.ts';
import {
  addPerson,
  findPersonsByName,
  newPersonSchema,
  PERSON_CODE,
  PERSON_FIELDS,
  readPersons,
  showPerson,
} from '../../services/persons/persons.ts';
import type { Store } from '../../services/store.ts';
import { actorOf } from '../auth.ts';
import { MergeResultSchema, PersonListSchema, RevealedFieldSchema } from '../presenters/casework.ts';
import {
  presentHistory,
  RecordHistorySchema,
  SavedRecordSchema,
  VersionedRecordSchema,
} from '../presenters/edits.ts';
import { contract } from '../route.ts';

const CompartmentQuery = z.strictObject({ compartment: z.string().max(20).optional() });
const CodeParams = z.strictObject({
  code: z.string().regex(PERSON_CODE, 'expected a person code like V-0001'),
});
const RevealBody = z.strictObject({ field: z.enum(PERSON_FIELDS) });
const SearchBody = z.strictObject({
  name: z.string().trim().min(1).max(500),
  compartment: z.string().max(20).optional(),
});
const NewPersonBody = newPersonSchema.strict();

export const personRoutes: FastifyPluginAsyncZod<{ store: Store }> = async (app, { store }) => {
  app.get(
    '/api/persons',
    contract('person.list', {
      summary: 'Person codes of a compartment (default: the organisation’s); no protected field',
      tags: ['persons'],
      querystring: CompartmentQuery,
      response: { 200: PersonListSchema },
    }),
    async (request) => {
      const { compartment } = request.query;
      const rows = await readPersons(store.db, actorOf(request), { compartment, decrypt: false });
      return { items: rows.map((row) => ({ code: row.code })) };
    },
  );

  app.post(
    '/api/persons',
    contract('person.create', {
      summary: 'Add a protected person record (every field sealed at rest)',
      tags: ['persons'],
      body: NewPersonBody,
      response: { 201: z.object({ id: z.string(), code: z.string(), compartment: z.string() }) },
      errors: [404],
    }),
    async (request, reply) => {
      const body = request.body;
      return reply.status(201).send(await addPerson(store.db, actorOf(request), body));
    },
  );

  app.post(
    '/api/persons/search',
    contract('person.findByName', {
      summary: 'Exact-name lookup through the blind index: codes only (the name stays in the body)',
      tags: ['persons'],
      body: SearchBody,
      response: { 200: PersonListSchema },
    }),
    async (request) => {
      const { name, compartment } = request.body;
      const codes = await findPersonsByName(store.db, actorOf(request), name, compartment);
      return { items: codes.map((code) => ({ code })) };
    },
  );

  app.post(
    '/api/persons/:code/reveal',
    contract('person.read', {
      summary: 'Reveal one protected field of a person (audited each time)',
      tags: ['persons'],
      params: CodeParams,
      body: RevealBody,
      response: { 200: RevealedFieldSchema },
      errors: [404],
    }),
    async (request) => {
      const { code } = request.params;
      const { field } = request.body;
      const person = await showPerson(store.db, actorOf(request), code, [field]);
      return { code, field, value: person[field] };
    },
  );

  app.post(
    '/api/persons/:code/open',
    contract('person.read', {
      summary: 'Every field of a person with the version a correction must name (for an edit form; audited)',
      tags: ['persons'],
      params: CodeParams,
      response: { 200: VersionedRecordSchema },
      errors: [404],
    }),
    async (request) => openPersonForEdit(store.db, actorOf(request), request.params.code),
  );

  app.patch(
    '/api/persons/:code',
    contract('person.update', {
      summary: 'Correct a person: the fields given are sealed anew, the change kept in a sealed history',
      description:
        '`version` is the version the change was made on; a stale one answers 409 with `current` (opened, audited).',
      tags: ['persons'],
      params: CodeParams,
      body: personPatchSchema,
      response: { 200: SavedRecordSchema },
      errors: [404, 409],
    }),
    async (request) => updatePerson(store.db, actorOf(request), request.params.code, request.body),
  );

  app.get(
    '/api/persons/:code/history',
    contract('person.read', {
      summary: 'Every correction of a person: who, when, the fields before → after, reason (opened, audited)',
      tags: ['persons'],
      params: CodeParams,
      response: { 200: RecordHistorySchema },
      errors: [404],
    }),
    async (request) => {
      const { code } = request.params;
      return presentHistory('person', code, await personHistory(store.db, actorOf(request), code));
    },
  );

  app.get(
    '/api/persons/:code',
    contract('person.list', {
      summary:
        'Where a record stands: its compartment and, if merged, the code it was merged into (no protected field)',
      tags: ['persons'],
      params: CodeParams,
      response: {
        200: z.object({ code: z.string(), compartment: z.string(), mergedInto: z.string().nullable() }),
      },
      errors: [404],
    }),
    async (request) => personStatus(store.db, actorOf(request), request.params.code),
  );

  app.post(
    '/api/persons/:code/merge',
    contract('person.update', {
      summary: 'Merge this record into another record of the same person (same compartment)',
      description:
        'Body `{ into, version, intoVersion, reason }`: both versions as compared (a stale one is a 409), a reason (sealed). The survivor takes the involvements, case links and consents; a duplicate link is withdrawn; this record is kept, marked merged, and listed nowhere.',
      tags: ['persons'],
      params: CodeParams,
      body: mergeSchema,
      response: { 200: MergeResultSchema },
      errors: [400, 404, 409],
    }),
    async (request) => mergePersons(store.db, actorOf(request), request.params.code, request.body),
  );
};
