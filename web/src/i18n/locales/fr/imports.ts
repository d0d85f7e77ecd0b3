import type { Translation } from '../../catalogue.ts';
import type en from '../en/imports.ts';

export default {
  'nav.import': 'Importer',
  'import.title': 'Importer des fiches',
  'import.intro':
    'Importez les incidents, actes, victimes et sources tenus dans un tableur ou exportés d’Uwazi (CSV ou XLSX). Les noms des victimes sont scellés dès leur arrivée. Rien n’est enregistré avant l’import, et un import est enregistré en entier ou pas du tout.',
  'import.file': 'Fichier (CSV ou XLSX)',
  'import.preset': 'Préréglage',
  'import.presetNone': 'Aucun',
  'import.presetUwazi': 'Export CSV d’Uwazi',
  'import.mapping': 'Correspondance des colonnes',
  'import.column': 'Colonne du fichier',
  'import.field': 'Champ Attest',
  'import.firstValue': 'Première valeur',
  'import.rowsInFile': '{rows} lignes de données.',
  'import.dateFormat': 'Format de date',
  'import.values': 'Valeurs du vocabulaire (JSON)',
  'import.valuesHint':
    'Pour chaque champ codé, les mots du fichier et les codes Attest qu’ils désignent, p. ex. {"act.type": {"Arrestation arbitraire": "detention"}}.',
  'import.onError': 'Quand une ligne est erronée',
  'import.onErrorStop': 'S’arrêter à la première ligne erronée et ne rien enregistrer',
  'import.onErrorSkip': 'Importer les lignes valides et lister les lignes erronées',
  'import.dryRun': 'Essai à blanc',
  'import.run': 'Importer',
  'import.preview': 'Aperçu : les premières lignes comme fiches',
  'import.row': 'Ligne',
  'import.incident': 'Incident',
  'import.act': 'Acte',
  'import.persons': 'Personnes protégées',
  'import.source': 'Source',
  'import.errors': 'Lignes erronées',
  'import.why': 'Raison',
  'import.noErrors': 'Aucune ligne erronée.',
  'import.counts': '{incidents} incidents, {acts} actes, {persons} personnes protégées, {sources} sources',
  'import.dryRunResult':
    'Essai à blanc : {imported} lignes sur {rows} seraient importées ({counts}). Rien n’a été enregistré.',
  'import.dryRunStops':
    'Essai à blanc : {bad} lignes sur {rows} sont erronées ; avec « s’arrêter », rien ne serait enregistré. Rien n’a été enregistré.',
  'import.stoppedResult': 'Arrêté à une ligne erronée : rien n’a été enregistré.',
  'import.doneResult': '{imported} lignes sur {rows} importées : {counts}.',
  'import.skippedRows': '{skipped} lignes erronées ont été laissées de côté.',
  'import.ignored': 'Colonnes sans correspondance (laissées de côté) : {columns}',
  'import.badValues': 'Les valeurs du vocabulaire ne sont pas du JSON valide.',
} satisfies Translation<typeof en>;
