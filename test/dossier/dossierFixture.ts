/**
 * The incident every dossier test starts from: a Portuguese article (the seed from ../shared, or the
 * project's own golden article) reviewed into a new incident, then a Russian statement of our own,
 * naming a witness who is also a protected person, reviewed into the same incident — so one dossier
 * holds a denial, a Cyrillic name, two publishers and a person the public level must not name.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Actor } from '../../src/services/accounts/actor.ts';
import { addPerson } from '../../src/services/persons/persons.ts';
import { applyReview } from '../../src/services/review/review.ts';
import { ingestOne } from '../../src/services/sources/ingest.ts';
import { sha256Hex } from '../../src/store/fileStore.ts';
import type { Store } from '../../src/store/openStore.ts';
import { anOrganisation } from '../protection/fixtures.ts';
import { fixturesDir } from '../support/paths.ts';
import { SEED_ARTICLE, sharedFile } from '../support/shared.ts';

export interface DossierArticle {
  name: string;
  path: string;
  fileName: string;
  /** A passage of an official denial the article quotes. */
  denial: string;
  /** The article's press contact, which the public level removes. */
  contact: string;
}

export const SEED: DossierArticle = {
  name: 'the seed article',
  path: sharedFile(SEED_ARTICLE),
  fileName: '000_7bc82795b01c9afc.txt',
  denial: 'não há provas de abusos na Chechênia',
  contact: 'Christopher Plummer',
};

export const GOLDEN: DossierArticle = {
  name: 'the golden Portuguese article',
  path: join(fixturesDir, 'golden', 'pt-detencoes.txt'),
  fileName: 'pt-detencoes.txt',
  denial: 'não houve detenções arbitrárias na república',
  contact: 'Helena Marques Duarte',
};

/** A witness in the Russian statement, also recorded as a protected person. */
export const WITNESS = 'Руслан Дадаев';
export const STATEMENT = `Заявление правозащитной сети

В апреле 2017 года в Грозном полиция задержала более 30 мужчин. Свидетель ${WITNESS} рассказал, что задержанных избивали.

Пресс-секретарь главы Чечни Альви Каримов отрицает, что задержания были.
`;

const acceptAll = (n: number) =>
  Array.from({ length: n }, (_, index) => ({ index, decision: 'accept' as const }));

export async function seedDossierIncident(
  store: Store,
  article: DossierArticle,
): Promise<{ admin: Actor; incidentId: string; articleSha256: string; statementSha256: string }> {
  const { admin } = await anOrganisation(store.db);
  const bytes = readFileSync(article.path);
  const source = await ingestOne(store, {
    fileName: article.fileName,
    bytes,
    capturedBy: 'admin@example.org',
    published: '2017-05-12',
    url: 'https://www.humanrightsfirst.org/press-release/example',
  });
  const review = await applyReview(store.db, source.id, admin.userId, {
    events: acceptAll(source.suggestions.events.length),
    claims: acceptAll(source.suggestions.claims.length),
    interventions: acceptAll(source.suggestions.interventions.length),
    incident: { mode: 'new', title: 'Persecution of gay and bisexual men in Chechnya' },
  });
  const incidentId = review.incidentId!;
  const statementBytes = new TextEncoder().encode(STATEMENT);
  const statement = await ingestOne(store, {
    fileName: 'zayavlenie.txt',
    bytes: statementBytes,
    capturedBy: 'admin@example.org',
    published: '2017-05-15',
  });
  await applyReview(store.db, statement.id, admin.userId, {
    events: acceptAll(statement.suggestions.events.length),
    claims: acceptAll(statement.suggestions.claims.length),
    interventions: acceptAll(statement.suggestions.interventions.length),
    incident: { mode: 'merge', incidentId },
  });
  await addPerson(store.db, admin, { name: WITNESS, aliases: [], contacts: [] });
  return { admin, incidentId, articleSha256: sha256Hex(bytes), statementSha256: sha256Hex(statementBytes) };
}
