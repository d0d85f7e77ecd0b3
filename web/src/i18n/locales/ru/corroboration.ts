import type { Translation } from '../../catalogue.ts';
import type en from '../en/corroboration.ts';

export default {
  'act.reports':
    'one: {count} сообщение | few: {count} сообщения | many: {count} сообщений | other: {count} сообщения',
  'act.independent':
    'one: {count} независимое | few: {count} независимых | many: {count} независимых | other: {count} независимого',
  'act.reportsLine': '{reports}, {independent}',
  'act.range': 'Источники сообщают: {range}',
  'act.counted': 'Учитывается: {figure}',
  'act.countedDefault': '(наименьшее из сообщённых чисел)',
  'act.countedChosen': '(выбрано: {reason})',
  'act.changeFigure': 'Изменить учитываемое число',
  'act.figure': 'Число для учёта',
  'act.figureHint': 'Оставьте пустым, чтобы снова учитывать наименьшее сообщённое число.',
  'act.reason': 'Причина (обязательно)',
  'act.saveFigure': 'Сохранить число',
  'act.sources': 'Сообщения',
  'act.independentSource': 'независимое',
  'act.repeats': 'не независимое: повторяет более раннее сообщение',
  'incident.deniedStatements':
    'one: опровергает {count} заявление | few: опровергают {count} заявления | many: опровергают {count} заявлений | other: опровергают {count} заявления',
  'incident.statusReason': 'Причина (нарушения подтверждают не более чем «{status}»)',
  'review.proposed': 'То же, что: {act} — {reasons}',
  'review.possiblySame':
    'Возможно, то же, что: {act} — {reasons}. Не выбрано: выберите ниже, если это то же деяние.',
  'review.proposedIncident': 'Attest предлагает: {title} — {count}',
  'review.proposedActs':
    'one: {count} нарушение совпадает | few: {count} нарушения совпадают | many: {count} нарушений совпадают | other: {count} нарушения совпадают',
  'match.same-type': 'тот же тип',
  'match.same-place': 'то же место',
  'match.same-country': 'та же страна',
  'match.dates-overlap': 'даты пересекаются',
  'match.counts-compatible': 'числа совместимы',
  'match.same-victim-group': 'та же группа пострадавших',
  'match.copies-a-linked-report': 'почти копия уже связанного сообщения',
  'review.sameRecord': 'Уже записано в этом инциденте ({reasons}): не создавать вторую запись',
  'match.same-actor': 'тот же участник',
  'match.same-stance': 'та же позиция',
  'match.same-act': 'то же нарушение',
} satisfies Translation<typeof en>;
