import type { Translation } from '../../catalogue.ts';
import type en from '../en/corroboration.ts';

export default {
  'act.reports': 'one: {count} rapport | other: {count} rapports',
  'act.independent': 'one: {count} indépendant | other: {count} indépendants',
  'act.reportsLine': '{reports}, {independent}',
  'act.range': 'Les sources rapportent {range}',
  'act.counted': 'Compté : {figure}',
  'act.countedDefault': '(le chiffre le plus bas rapporté)',
  'act.countedChosen': '(choisi : {reason})',
  'act.changeFigure': 'Modifier le chiffre compté',
  'act.figure': 'Chiffre à compter',
  'act.figureHint': 'Laissez vide pour compter de nouveau le chiffre le plus bas rapporté.',
  'act.reason': 'Raison (obligatoire)',
  'act.saveFigure': 'Enregistrer le chiffre',
  'act.sources': 'Rapports',
  'act.independentSource': 'indépendant',
  'act.repeats': 'non indépendant : reprend un rapport antérieur',
  'incident.deniedStatements':
    'one: démenti par {count} déclaration | other: démenti par {count} déclarations',
  'incident.statusReason': 'Raison (les actes justifient au plus « {status} »)',
  'review.proposed': 'Identique à : {act} — {reasons}',
  'review.possiblySame':
    'Peut-être identique à : {act} — {reasons}. Non retenu : choisissez-le ci-dessous s’il s’agit du même acte.',
  'review.proposedIncident': 'Attest propose : {title} — {count}',
  'review.proposedActs': 'one: {count} acte identique | other: {count} actes identiques',
  'match.same-type': 'même type',
  'match.same-place': 'même lieu',
  'match.same-country': 'même pays',
  'match.dates-overlap': 'dates qui se chevauchent',
  'match.counts-compatible': 'chiffres compatibles',
  'match.same-victim-group': 'même groupe de victimes',
  'match.copies-a-linked-report': 'quasi-copie d’un rapport déjà lié',
  'review.sameRecord':
    'Déjà enregistré dans cet incident ({reasons}) : ne pas créer de second enregistrement',
  'match.same-actor': 'même acteur',
  'match.same-stance': 'même position',
  'match.same-act': 'même acte',
} satisfies Translation<typeof en>;
