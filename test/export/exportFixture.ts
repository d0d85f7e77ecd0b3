/**
 * The data every export test starts from: an organisation, a Portuguese article (the seed where
 * ../shared has it, with a press contact's name, a Cloudflare e-mail placeholder and a phone number;
 * else the project's own) reviewed into an incident, a testimony naming a protected person, and that
 * person's protected record.
 */
import { readFileSync } from 'node:fs';
import { addPerson } from '../../src/services/persons/persons.ts';
import { applyReview } from '../../src/services/review/review.ts';
import { ingestOne } from '../../src/services/sources/ingest.ts';
import type { Store } from '../../src/store/openStore.ts';
import { anOrganisation } from '../protection/fixtures.ts';
import { aPortugueseArticle } from '../support/shared.ts';

const article = aPortugueseArticle();
/** What the article itself says about its press contact: none of it may be in a public export. */
export const SEED_PII = article.contact;
export const PERSON = {
  name: 'Zarema Dudayeva',
  alias: 'Zara from Shali',
  contact: 'zarema.dudayeva@example.net',
  phone: '+7 928 555 0199',
  note: 'hiding with relatives in Argun',
};
export const PERSON_SECRETS = [PERSON.name, PERSON.alias, PERSON.contact, PERSON.phone, PERSON.note];
/** Where the testimony was posted: the URL itself names her. */
export const PROFILE_URL = 'https://www.facebook.com/zarema.dudayeva.7';
/** A testimony that names the protected person in words a detector may not flag as a name. */
export const TESTIMONY = `Testimony recorded in Grozny. zarema dudayeva says the men came at night. Reach her through Zara from Shali or on ${PERSON.phone}.\n`;

export async function seedExportData(store: Store) {
  const { admin } = await anOrganisation(store.db);
  const seed = await ingestOne(store, {
    fileName: article.fileName,
    bytes: readFileSync(article.path),
    capturedBy: 'admin@example.org',
    published: '2017-05-12',
  });
  const accept = (n: number) =>
    Array.from({ length: n }, (_, index) => ({ index, decision: 'accept' as const }));
  const review = await applyReview(store.db, seed.id, 'admin@example.org', {
    events: accept(seed.suggestions.events.length),
    claims: accept(seed.suggestions.claims.length),
    interventions: accept(seed.suggestions.interventions.length),
    incident: {
      mode: 'new',
      title: 'Persecution of gay and bisexual men in Chechnya',
      summary: `Press contact for Human Rights First: ${SEED_PII.join(', ')}.`,
    },
  });
  await ingestOne(store, {
    fileName: 'testimony-dudayeva.txt',
    bytes: new TextEncoder().encode(TESTIMONY),
    url: PROFILE_URL,
    capturedBy: 'admin@example.org',
  });
  const person = await addPerson(store.db, admin, {
    name: PERSON.name,
    aliases: [PERSON.alias],
    contacts: [PERSON.contact, PERSON.phone],
    note: PERSON.note,
  });
  return { admin, seed, incidentId: review.incidentId!, person };
}
