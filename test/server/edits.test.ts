/**
 * Editing after review over the API, on both stores: the seed reviewed into an incident, then its act
 * edited (a version and its history), a stale edit refused with 409 and the current record, acts
 * added, moved and deleted (history survives), claims and interventions edited, an incident created
 * by hand; each user's drafts, private to them; and an uploaded HTML page keeps its own date.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../src/services/audit/audit.ts';
import { hasShared, SEED_ARTICLE, sharedText } from '../support/shared.ts';
import { backends } from '../support/stores.ts';
import { multipart, startApi, type TestApi } from './support.ts';

/** Needs ../shared (the seed's own words are asserted); skipped with a notice in a bare clone. */
const seedText = sharedText(SEED_ARTICLE);

interface Act {
  id: string;
  type: string;
  placeName: string | null;
  dateFrom: string | null;
}

describe.skipIf(!hasShared(SEED_ARTICLE)).each(backends())(
  'editing records after review on %s',
  (backend) => {
    let api: TestApi;
    let incidentId: string;
    let seedId: string;
    let moscow: Act;

    const incident = async (id: string) =>
      (await api.as('investigator', { method: 'GET', url: `/api/incidents/${id}` })).json();

    beforeAll(async () => {
      api = await startApi(backend);
      const pasted = (
        await api.as('investigator', {
          method: 'POST',
          url: '/api/sources',
          payload: { text: seedText, published: '2017-05-12', url: 'https://www.hrf.example/chechnya' },
        })
      ).json();
      const s = pasted.suggestions;
      const accept = (list: unknown[]) => list.map((_x, index) => ({ index, decision: 'accept' }));
      const reviewed = await api.as('investigator', {
        method: 'POST',
        url: `/api/review/${pasted.id}`,
        payload: {
          incident: { mode: 'new', title: 'Chechnya and Moscow' },
          events: accept(s.events),
          claims: accept(s.claims),
          interventions: accept(s.interventions),
        },
      });
      expect(reviewed.statusCode).toBe(201);
      incidentId = reviewed.json().incidentId;
      seedId = pasted.id;
      const acts: Act[] = (await incident(incidentId)).evidence.acts;
      moscow = acts.find((act) => act.type === 'detention' && act.placeName === 'Moscow')!;
      expect(moscow.dateFrom).toBe('2017-05-11');
    });
    afterAll(async () => api?.close());

    it("edits an act's date: a new version, and its history says who, when, before → after and why", async () => {
      const current = await api.as('investigator', { method: 'GET', url: `/api/acts/${moscow.id}` });
      expect(current.statusCode).toBe(200);
      expect(current.json()).toMatchObject({ version: 1, fields: { dateFrom: '2017-05-11', country: 'RU' } });

      const edited = await api.as('investigator', {
        method: 'PATCH',
        url: `/api/acts/${moscow.id}`,
        payload: {
          version: 1,
          date: { from: '2017-05-12', to: '2017-05-12', precision: 'day' },
          reason: 'second report gives the 12th',
        },
      });
      expect(edited.statusCode).toBe(200);
      expect(edited.json()).toEqual({ id: moscow.id, version: 2 });
      const acts: Act[] = (await incident(incidentId)).evidence.acts;
      expect(acts.find((act) => act.id === moscow.id)?.dateFrom).toBe('2017-05-12');

      const history = await api.as('investigator', { method: 'GET', url: `/api/acts/${moscow.id}/history` });
      expect(history.statusCode).toBe(200);
      expect(history.json().versions).toEqual([
        {
          version: 2,
          change: 'update',
          changedBy: { id: expect.any(String), email: 'investigator@example.org' },
          changedAt: expect.any(String),
          before: { dateFrom: '2017-05-11', dateTo: '2017-05-11' },
          after: { dateFrom: '2017-05-12', dateTo: '2017-05-12' },
          reason: 'second report gives the 12th',
        },
      ]);
    });

    it('refuses an edit made on a stale version with 409 and the record as it is now; nothing changes', async () => {
      const stale = await api.as('administrator', {
        method: 'PATCH',
        url: `/api/acts/${moscow.id}`,
        payload: { version: 1, victims: { min: 6, max: 6, group: null } },
      });
      expect(stale.statusCode).toBe(409);
      expect(stale.json()).toMatchObject({
        error: 'conflict',
        message: expect.stringMatching(/you edited version 1, it is now at version 2/),
        current: { id: moscow.id, version: 2, fields: { dateFrom: '2017-05-12', victimsMin: 5 } },
      });
      const after = (await api.as('investigator', { method: 'GET', url: `/api/acts/${moscow.id}` })).json();
      expect(after).toMatchObject({ version: 2, fields: { victimsMin: 5 } });

      const detail = await incident(incidentId);
      const staleIncident = await api.as('investigator', {
        method: 'PATCH',
        url: `/api/incidents/${incidentId}`,
        payload: { version: detail.version + 1, title: 'Other title' },
      });
      expect(staleIncident.statusCode).toBe(409);
      const renamed = await api.as('investigator', {
        method: 'PATCH',
        url: `/api/incidents/${incidentId}`,
        payload: { version: detail.version, title: 'Anti-LGBT crackdown', tags: ['lgbt'] },
      });
      expect(renamed.statusCode).toBe(200);
      expect(renamed.json()).toMatchObject({ title: 'Anti-LGBT crackdown', version: detail.version + 1 });
      const incidentHistory = (
        await api.as('investigator', { method: 'GET', url: `/api/incidents/${incidentId}/history` })
      ).json();
      expect(incidentHistory.versions.at(-1)).toMatchObject({
        after: { title: 'Anti-LGBT crackdown', tags: ['lgbt'] },
        before: { title: 'Chechnya and Moscow', tags: [] },
      });
    });

    it('refuses bad edits naming the field, and viewers may not edit', async () => {
      const backwards = await api.as('investigator', {
        method: 'PATCH',
        url: `/api/acts/${moscow.id}`,
        payload: { version: 2, date: { from: '2017-05-12', to: '2017-05-01', precision: 'day' } },
      });
      expect(backwards.statusCode).toBe(400);
      expect(backwards.json().field).toBe('body.date');
      const noVersion = await api.as('investigator', {
        method: 'PATCH',
        url: `/api/acts/${moscow.id}`,
        payload: { type: 'torture' },
      });
      expect(noVersion.statusCode).toBe(400);
      expect(noVersion.json().field).toBe('body.version');
      const viewer = await api.as('viewer', {
        method: 'PATCH',
        url: `/api/acts/${moscow.id}`,
        payload: { version: 2, type: 'torture' },
      });
      expect(viewer.statusCode).toBe(403);
      expect(
        (await api.as('investigator', { method: 'GET', url: `/api/acts/${moscow.id}` })).json().version,
      ).toBe(2);
    });

    it('creates an incident by hand and moves the act into it with the claims about it and their source', async () => {
      const created = await api.as('investigator', {
        method: 'POST',
        url: '/api/incidents',
        payload: { title: 'Detentions of activists in Moscow', language: 'en' },
      });
      expect(created.statusCode).toBe(201);
      const moscowIncident = created.json().id;
      const moved = await api.as('investigator', {
        method: 'PATCH',
        url: `/api/acts/${moscow.id}`,
        payload: { version: 2, incidentId: moscowIncident, reason: 'separate event' },
      });
      expect(moved.statusCode).toBe(200);
      const target = await incident(moscowIncident);
      expect(target.evidence.acts.map((act: Act) => act.id)).toEqual([moscow.id]);
      expect(target.evidence.assertions.length).toBeGreaterThan(0);
      expect(target.evidence.sources).toHaveLength(1);
      expect(target).toMatchObject({ country: 'RU', dateFrom: '2017-05-12', placeName: 'Moscow' });
      const source = await incident(incidentId);
      expect(source.evidence.acts.map((act: Act) => act.id)).not.toContain(moscow.id);
      const history = (
        await api.as('investigator', { method: 'GET', url: `/api/acts/${moscow.id}/history` })
      ).json();
      expect(history.versions.at(-1)).toMatchObject({
        change: 'move',
        before: { incidentId },
        after: { incidentId: moscowIncident },
        reason: 'separate event',
      });
      const search = (
        await api.as('investigator', { method: 'GET', url: '/api/search?q=activists&kind=incident' })
      ).json();
      expect(search.hits.map((hit: { id: string }) => hit.id)).toContain(moscowIncident);
    });

    it('adds an act by hand and deletes it; its history outlives it', async () => {
      const added = await api.as('investigator', {
        method: 'POST',
        url: `/api/incidents/${incidentId}/acts`,
        payload: {
          type: 'torture',
          victims: { min: 3, max: null, group: 'men' },
          place: { name: 'Argun', country: 'RU' },
          date: { from: '2017-03-01', to: null, precision: 'month' },
          perpetrators: ['Chechen police'],
          reason: 'from a testimony',
        },
      });
      expect(added.statusCode).toBe(201);
      const actId = added.json().id;
      const act = (await incident(incidentId)).evidence.acts.find((a: Act) => a.id === actId);
      expect(act).toMatchObject({ type: 'torture', placeName: 'Argun', provenance: null });
      expect(act.perpetrators).toEqual([{ name: 'Chechen police', actorId: expect.any(String) }]);

      const stale = await api.as('investigator', {
        method: 'DELETE',
        url: `/api/acts/${actId}`,
        payload: { version: 2 },
      });
      expect(stale.statusCode).toBe(409);
      const deleted = await api.as('investigator', {
        method: 'DELETE',
        url: `/api/acts/${actId}`,
        payload: { version: 1, reason: 'duplicate of the testimony record' },
      });
      expect(deleted.statusCode).toBe(204);
      expect((await api.as('investigator', { method: 'GET', url: `/api/acts/${actId}` })).statusCode).toBe(
        404,
      );
      const history = (
        await api.as('investigator', { method: 'GET', url: `/api/acts/${actId}/history` })
      ).json();
      expect(history.versions.map((v: { change: string }) => v.change)).toEqual(['create', 'delete']);
      expect(history.versions[1]).toMatchObject({
        before: { type: 'torture', placeName: 'Argun', victimsMin: 3 },
        after: null,
        reason: 'duplicate of the testimony record',
      });
    });

    it('edits a claim and an intervention with their versions', async () => {
      const detail = await incident(incidentId);
      const denial = detail.evidence.denials[0];
      const claim = (await api.as('investigator', { method: 'GET', url: `/api/claims/${denial.id}` })).json();
      const edited = await api.as('investigator', {
        method: 'PATCH',
        url: `/api/claims/${denial.id}`,
        payload: { version: claim.version, actor: 'Ramzan Kadyrov', text: 'There are no such people.' },
      });
      expect(edited.statusCode).toBe(200);
      const after = (await incident(incidentId)).evidence.denials.find(
        (d: { id: string }) => d.id === denial.id,
      );
      expect(after).toMatchObject({ text: 'There are no such people.', actor: { name: 'Ramzan Kadyrov' } });
      expect(after.passage).toBe(denial.passage);
      const foreignAct = await api.as('investigator', {
        method: 'PATCH',
        url: `/api/claims/${denial.id}`,
        payload: { version: claim.version + 1, actId: moscow.id },
      });
      expect(foreignAct.statusCode).toBe(400);
      expect(foreignAct.json().field).toBe('body.actId');

      const intervention = detail.evidence.interventions[0];
      if (intervention) {
        const current = (
          await api.as('investigator', { method: 'GET', url: `/api/interventions/${intervention.id}` })
        ).json();
        const changed = await api.as('investigator', {
          method: 'PATCH',
          url: `/api/interventions/${intervention.id}`,
          payload: { version: current.version, outcome: 'pending', date: '2017-05-20' },
        });
        expect(changed.statusCode).toBe(200);
        const shown = (await incident(incidentId)).evidence.interventions.find(
          (i: { id: string }) => i.id === intervention.id,
        );
        expect(shown).toMatchObject({ outcome: 'pending', dateFrom: '2017-05-20' });
      }
      const audit = await verifyAudit(api.store.db);
      expect(audit.ok).toBe(true);
    });

    it("keeps each user's drafts private, replaces them, limits their size and deletes them", async () => {
      const kind = `review:${moscow.id}`;
      const put = await api.as('investigator', {
        method: 'PUT',
        url: `/api/drafts/${encodeURIComponent(kind)}`,
        payload: { payload: { events: { 0: 'accept' } } },
      });
      expect(put.statusCode).toBe(200);
      await api.as('investigator', {
        method: 'PUT',
        url: `/api/drafts/${encodeURIComponent(kind)}`,
        payload: { payload: { events: { 0: 'reject', 1: 'accept' } } },
      });
      const mine = await api.as('investigator', {
        method: 'GET',
        url: `/api/drafts/${encodeURIComponent(kind)}`,
      });
      expect(mine.json()).toMatchObject({ kind, payload: { events: { 0: 'reject', 1: 'accept' } } });
      const theirs = await api.as('administrator', {
        method: 'GET',
        url: `/api/drafts/${encodeURIComponent(kind)}`,
      });
      expect(theirs.statusCode).toBe(404);
      const tooBig = await api.as('investigator', {
        method: 'PUT',
        url: '/api/drafts/capture',
        payload: { payload: { text: 'x'.repeat(600 * 1024) } },
      });
      expect(tooBig.statusCode).toBe(400);
      expect(tooBig.json().field).toBe('body.payload');
      const badKind = await api.as('investigator', { method: 'GET', url: '/api/drafts/anything' });
      expect(badKind.statusCode).toBe(400);
      const anonymous = await api.as(null, { method: 'GET', url: '/api/drafts/capture' });
      expect(anonymous.statusCode).toBe(401);
      const removed = await api.as('investigator', {
        method: 'DELETE',
        url: `/api/drafts/${encodeURIComponent(kind)}`,
      });
      expect(removed.statusCode).toBe(204);
      expect(
        (await api.as('investigator', { method: 'GET', url: `/api/drafts/${encodeURIComponent(kind)}` }))
          .statusCode,
      ).toBe(404);
    });

    it("keeps an uploaded HTML page's own publication date when none is given, and the given one over it", async () => {
      const html = (marker: string) =>
        `<!doctype html><html><head><title>Moscow ${marker}</title>` +
        '<meta property="article:published_time" content="2017-05-12T10:00:00+03:00"></head>' +
        `<body><article><p>Police detained five activists in Moscow on Thursday (${marker}).</p></article></body></html>`;
      const upload = (marker: string, fields: Array<{ name: string; value: string }>) => {
        const form = multipart([
          ...fields,
          { name: 'file', value: html(marker), fileName: `${marker}.html` },
        ]);
        return api.as('investigator', {
          method: 'POST',
          url: '/api/sources',
          payload: form.payload,
          headers: form.headers,
        });
      };
      const own = await upload('own-date', []);
      expect(own.statusCode).toBe(201);
      expect(own.json().suggestions.published).toBe('2017-05-12');
      const source = (
        await api.as('investigator', { method: 'GET', url: `/api/sources/${own.json().id}` })
      ).json();
      expect(source.publishedOn).toBe('2017-05-12');
      const given = await upload('given-date', [
        { name: 'published', value: '2017-05-20' },
        { name: 'title', value: 'Given title' },
        { name: 'url', value: 'https://news.example/moscow' },
      ]);
      const givenSource = (
        await api.as('investigator', { method: 'GET', url: `/api/sources/${given.json().id}` })
      ).json();
      expect(givenSource).toMatchObject({
        publishedOn: '2017-05-20',
        title: 'Given title',
        url: 'https://news.example/moscow',
      });
    });

    it('records an already reviewed source into one more incident, never twice into the same one', async () => {
      const detail = (await api.as('investigator', { method: 'GET', url: `/api/review/${seedId}` })).json();
      const s = detail.suggestions;
      const decide = (list: unknown[], accepted: number[]) =>
        list.map((_x, index) => ({ index, decision: accepted.includes(index) ? 'accept' : 'reject' }));
      const body = (incident: unknown, additional?: boolean) => ({
        events: decide(s.events, [0]),
        claims: decide(s.claims, []),
        interventions: decide(s.interventions, []),
        incident,
        ...(additional === undefined ? {} : { additional }),
      });
      const again = await api.as('investigator', {
        method: 'POST',
        url: `/api/review/${seedId}`,
        payload: body({ mode: 'new', title: 'Second' }),
      });
      expect(again.statusCode).toBe(409);
      const sameIncident = await api.as('investigator', {
        method: 'POST',
        url: `/api/review/${seedId}`,
        payload: body({ mode: 'merge', incidentId }, true),
      });
      expect(sameIncident.statusCode).toBe(409);
      expect(sameIncident.json().message).toMatch(/already recorded into incident/);
      const also = await api.as('investigator', {
        method: 'POST',
        url: `/api/review/${seedId}`,
        payload: body({ mode: 'new', title: 'The mass detention in Chechnya' }, true),
      });
      expect(also.statusCode).toBe(201);
      const second = await incident(also.json().incidentId);
      expect(second.title).toBe('The mass detention in Chechnya');
      expect(second.evidence.acts).toHaveLength(1);
      expect(second.evidence.sources.map((source: { id: string }) => source.id)).toEqual([seedId]);
      const bySource = (
        await api.as('investigator', { method: 'GET', url: `/api/incidents?source=${seedId}` })
      ).json();
      expect(bySource.total).toBeGreaterThanOrEqual(2);
      const queue = (await api.as('investigator', { method: 'GET', url: '/api/review' })).json();
      expect(queue.items.map((item: { sourceId: string }) => item.sourceId)).not.toContain(seedId);
    });

    it('browses everything with facet counts when the search is empty, and finds acts by type in any language', async () => {
      const all = (await api.as('investigator', { method: 'GET', url: '/api/search' })).json();
      const incidents = (await api.as('investigator', { method: 'GET', url: '/api/incidents' })).json();
      const sources = (await api.as('investigator', { method: 'GET', url: '/api/sources' })).json();
      expect(all.total).toBe(incidents.total + sources.total);
      expect(all.facets.kind).toEqual(
        expect.arrayContaining([
          { value: 'incident', count: incidents.total },
          { value: 'source', count: sources.total },
        ]),
      );
      const detentions = (
        await api.as('investigator', { method: 'GET', url: '/api/search?kind=incident&type=detention' })
      ).json();
      expect(detentions.total).toBeGreaterThan(0);
      for (const word of ['detention', 'detenção', 'задержание', 'détention', 'detención']) {
        const found = (
          await api.as('investigator', {
            method: 'GET',
            url: `/api/search?kind=incident&q=${encodeURIComponent(word)}`,
          })
        ).json();
        expect(
          found.hits.map((hit: { id: string }) => hit.id),
          word,
        ).toContain(incidentId);
      }
    });

    it('filters, sorts and pages the source list', async () => {
      const list = async (query: string) =>
        (await api.as('investigator', { method: 'GET', url: `/api/sources?${query}` })).json();
      const ids = (page: { items: { id: string }[] }) => page.items.map((item) => item.id);
      expect(ids(await list('language=pt'))).toContain(seedId);
      expect(ids(await list('language=ru'))).not.toContain(seedId);
      const later = await list('from=2017-05-13');
      expect(ids(later)).not.toContain(seedId);
      expect(later.items.map((item: { publishedOn: string }) => item.publishedOn)).toEqual(['2017-05-20']);
      expect(
        (await list('reviewed=false')).items.every((item: { reviewed: boolean }) => !item.reviewed),
      ).toBe(true);
      const byTitle = await list('sort=title&limit=1&offset=1');
      const all = await list('sort=title');
      expect(byTitle.items[0].id).toBe(all.items[1].id);
      expect(
        (await api.as('investigator', { method: 'GET', url: '/api/sources?sort=size' })).json().field,
      ).toBe('query.sort');
    });
  },
);
