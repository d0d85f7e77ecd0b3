import type { Translation } from '../../catalogue.ts';
import type en from '../en/corroboration.ts';

export default {
  'act.reports': 'one: {count} informe | other: {count} informes',
  'act.independent': 'one: {count} independiente | other: {count} independientes',
  'act.reportsLine': '{reports}, {independent}',
  'act.range': 'Las fuentes informan {range}',
  'act.counted': 'Se cuenta: {figure}',
  'act.countedDefault': '(la cifra más baja informada)',
  'act.countedChosen': '(elegida: {reason})',
  'act.changeFigure': 'Cambiar la cifra contada',
  'act.figure': 'Cifra a contar',
  'act.figureHint': 'Déjelo vacío para volver a contar la cifra más baja informada.',
  'act.reason': 'Motivo (obligatorio)',
  'act.saveFigure': 'Guardar cifra',
  'act.sources': 'Informes',
  'act.independentSource': 'independiente',
  'act.repeats': 'no independiente: repite un informe anterior',
  'incident.deniedStatements':
    'one: negado por {count} declaración | other: negado por {count} declaraciones',
  'incident.statusReason': 'Motivo (los actos respaldan como máximo «{status}»)',
  'review.proposed': 'Igual que: {act} — {reasons}',
  'review.possiblySame':
    'Posiblemente igual que: {act} — {reasons}. No elegido: selecciónelo abajo si es el mismo acto.',
  'review.proposedIncident': 'Attest propone: {title} — {count}',
  'review.proposedActs': 'one: {count} acto es el mismo | other: {count} actos son los mismos',
  'match.same-type': 'mismo tipo',
  'match.same-place': 'mismo lugar',
  'match.same-country': 'mismo país',
  'match.dates-overlap': 'fechas que se solapan',
  'match.counts-compatible': 'cifras compatibles',
  'match.same-victim-group': 'mismo grupo de víctimas',
  'match.copies-a-linked-report': 'casi copia de un informe ya vinculado',
  'review.sameRecord': 'Ya registrado en este incidente ({reasons}): no crear otro registro',
  'match.same-actor': 'mismo actor',
  'match.same-stance': 'misma postura',
  'match.same-act': 'mismo acto',
} satisfies Translation<typeof en>;
