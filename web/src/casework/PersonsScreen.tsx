/** Protected persons: codes only, an exact-name lookup (blind index) and a form that seals a new record. */
import { type FormEvent, useState } from 'react';
import { addPerson, findPersons, listPersons } from '../api/casework.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { FormField } from '../components/FormField.tsx';
import { useI18n } from '../i18n/I18nContext.tsx';
import { Link } from '../router.tsx';
import { useAction } from '../useAction.ts';
import { useLoad } from '../useLoad.ts';
import { usePageTitle } from '../usePageTitle.ts';
import { PersonFieldInputs, personFromValues } from './PersonFieldInputs.tsx';

export function PersonsScreen() {
  const { t } = useI18n();
  usePageTitle(t('persons.title'));
  const { data, error, reload } = useLoad(listPersons, []);
  const [values, setValues] = useState<Record<string, string>>({});
  const [created, setCreated] = useState<string | null>(null);
  const [searchName, setSearchName] = useState('');
  const [matches, setMatches] = useState<string[] | null>(null);
  const save = useAction();
  const search = useAction();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const person = personFromValues(values);
    if (
      await save.run(async () => {
        setCreated((await addPerson(person)).code);
      })
    ) {
      // The values leave the page as soon as they are sealed on the server.
      setValues({});
      reload();
    }
  };

  const find = async (event: FormEvent) => {
    event.preventDefault();
    // The typed name is cleared once answered: it should not stay on screen.
    if (
      await search.run(async () => setMatches((await findPersons(searchName)).items.map((item) => item.code)))
    )
      setSearchName('');
  };

  return (
    <>
      <h1>{t('persons.title')}</h1>
      <p>{t('persons.intro')}</p>
      <form className="inline-form" onSubmit={(e) => void find(e)} autoComplete="off">
        <FormField label={t('persons.search')}>
          {({ id }) => (
            <input id={id} value={searchName} onChange={(e) => setSearchName(e.target.value)} required />
          )}
        </FormField>
        <button type="submit" disabled={search.busy}>
          {t('persons.searchSubmit')}
        </button>
      </form>
      {search.error ? <ErrorMessage error={search.error} /> : null}
      {matches ? (
        matches.length === 0 ? (
          <p data-testid="person-matches">{t('persons.noMatch')}</p>
        ) : (
          <ul data-testid="person-matches">
            {matches.map((code) => (
              <li key={code}>
                <Link to={`/persons/${code}`}>{code}</Link>
              </li>
            ))}
          </ul>
        )
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
      {data && data.items.length === 0 ? <p>{t('persons.empty')}</p> : null}
      <ul className="code-list" data-testid="person-codes">
        {data?.items.map((item) => (
          <li key={item.code}>
            <Link to={`/persons/${item.code}`}>{item.code}</Link>
          </li>
        ))}
      </ul>
      <section aria-labelledby="add-person">
        <h2 id="add-person">{t('persons.add')}</h2>
        <form onSubmit={(e) => void submit(e)} autoComplete="off">
          <PersonFieldInputs
            values={values}
            onChange={(field, value) => setValues((v) => ({ ...v, [field]: value }))}
          />
          <button type="submit" disabled={save.busy}>
            {t('persons.submit')}
          </button>
        </form>
        {save.error ? <ErrorMessage error={save.error} /> : null}
        {created ? (
          <p role="status" data-testid="person-created">
            {t('persons.created', { code: created })} <Link to={`/persons/${created}`}>{created}</Link>
          </p>
        ) : null}
      </section>
    </>
  );
}
