import type { Translation } from '../../catalogue.ts';
import type en from '../en/corroboration.ts';

export default {
  'act.reports': '0: {count} relatos | one: {count} relato | other: {count} relatos',
  'act.independent': '0: {count} independentes | one: {count} independente | other: {count} independentes',
  'act.reportsLine': '{reports}, {independent}',
  'act.range': 'As fontes relatam {range}',
  'act.counted': 'Contado: {figure}',
  'act.countedDefault': '(o menor número relatado)',
  'act.countedChosen': '(escolhido: {reason})',
  'act.changeFigure': 'Alterar o número contado',
  'act.figure': 'Número a contar',
  'act.figureHint': 'Deixe vazio para voltar a contar o menor número relatado.',
  'act.reason': 'Motivo (obrigatório)',
  'act.saveFigure': 'Salvar número',
  'act.sources': 'Relatos',
  'act.independentSource': 'independente',
  'act.repeats': 'não independente: repete um relato anterior',
  'incident.deniedStatements':
    '0: negado por {count} declarações | one: negado por {count} declaração | other: negado por {count} declarações',
  'incident.statusReason': 'Motivo (os atos sustentam no máximo “{status}”)',
  'review.proposed': 'Igual a: {act} — {reasons}',
  'review.possiblySame':
    'Possivelmente igual a: {act} — {reasons}. Não escolhido: selecione-o abaixo se for o mesmo ato.',
  'review.proposedIncident': 'O Attest propõe: {title} — {count}',
  'review.proposedActs': '0: {count} atos iguais | one: {count} ato igual | other: {count} atos iguais',
  'match.same-type': 'mesmo tipo',
  'match.same-place': 'mesmo lugar',
  'match.same-country': 'mesmo país',
  'match.dates-overlap': 'datas sobrepostas',
  'match.counts-compatible': 'números compatíveis',
  'match.same-victim-group': 'mesmo grupo de vítimas',
  'match.copies-a-linked-report': 'quase cópia de um relato já vinculado',
  'review.sameRecord': 'Já registrado neste incidente ({reasons}): não criar outro registro',
  'match.same-actor': 'mesmo ator',
  'match.same-stance': 'mesma posição',
  'match.same-act': 'mesmo ato',
} satisfies Translation<typeof en>;
