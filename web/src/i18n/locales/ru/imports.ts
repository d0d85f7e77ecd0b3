import type { Translation } from '../../catalogue.ts';
import type en from '../en/imports.ts';

export default {
  'nav.import': 'Импорт',
  'import.title': 'Импорт записей',
  'import.intro':
    'Перенесите инциденты, акты, жертв и источники из таблицы или экспорта Uwazi (CSV или XLSX). Имена жертв запечатываются при поступлении. Ничего не сохраняется до импорта, и импорт сохраняется целиком или не сохраняется вовсе.',
  'import.file': 'Файл (CSV или XLSX)',
  'import.preset': 'Шаблон',
  'import.presetNone': 'Нет',
  'import.presetUwazi': 'Экспорт CSV из Uwazi',
  'import.mapping': 'Соответствие столбцов',
  'import.column': 'Столбец в файле',
  'import.field': 'Поле Attest',
  'import.firstValue': 'Первое значение',
  'import.rowsInFile': 'Строк с данными: {rows}.',
  'import.dateFormat': 'Формат даты',
  'import.values': 'Значения словаря (JSON)',
  'import.valuesHint':
    'Для каждого кодированного поля — слова из файла и коды Attest, которым они соответствуют, например {"act.type": {"Произвольный арест": "detention"}}.',
  'import.onError': 'Если строка с ошибкой',
  'import.onErrorStop': 'Остановиться на первой ошибочной строке и ничего не сохранять',
  'import.onErrorSkip': 'Импортировать правильные строки и перечислить ошибочные',
  'import.dryRun': 'Пробный прогон',
  'import.run': 'Импортировать',
  'import.preview': 'Предпросмотр: первые строки как записи',
  'import.row': 'Строка',
  'import.incident': 'Инцидент',
  'import.act': 'Акт',
  'import.persons': 'Защищённые лица',
  'import.source': 'Источник',
  'import.errors': 'Строки с ошибками',
  'import.why': 'Причина',
  'import.noErrors': 'Ошибочных строк нет.',
  'import.counts': 'инцидентов: {incidents}, актов: {acts}, защищённых лиц: {persons}, источников: {sources}',
  'import.dryRunResult':
    'Пробный прогон: будет импортировано {imported} из {rows} строк ({counts}). Ничего не сохранено.',
  'import.dryRunStops':
    'Пробный прогон: {bad} из {rows} строк с ошибками; при «остановиться» ничего не будет сохранено. Ничего не сохранено.',
  'import.stoppedResult': 'Остановлено на ошибочной строке: ничего не сохранено.',
  'import.doneResult': 'Импортировано {imported} из {rows} строк: {counts}.',
  'import.skippedRows': 'Пропущено строк с ошибками: {skipped}.',
  'import.ignored': 'Столбцы без соответствия (пропущены): {columns}',
  'import.badValues': 'Значения словаря — не корректный JSON.',
} satisfies Translation<typeof en>;
