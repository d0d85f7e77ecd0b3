/**
 * `attest case …`: cases as the user in ATTEST_USER. `open`, `list` and `show` print the JSON shapes
 * docs/cli.md promises; the other subcommands change a case and print what changed.
 */
import { CASE_STATUSES, CASE_TYPES, parseFieldList, RISK_LEVELS } from '../../core/casework.ts';
import { UsageError } from '../../core/errors.ts';
import { changeCaseStatus, listCases, openCase, updateCase } from '../../services/cases/cases.ts';
import { addConsent, addNote, addTask, completeTask, showCase } from '../../services/cases/records.ts';
import { type Command, type ParsedArgs, stringOption, writeJson } from '../command.ts';
import { asSignedInUser } from '../signIn.ts';
import { DATA_OPTION } from '../storeOption.ts';

const list = (args: ParsedArgs, name: string): string[] => {
  const value = args.values[name];
  return value === undefined ? [] : Array.isArray(value) ? value : [String(value)];
};

function required(args: ParsedArgs, name: string, sub: string): string {
  const value = stringOption(args, name);
  if (!value) throw new UsageError(`case ${sub} needs --${name}`);
  return value;
}

type Enum<T extends string> = readonly T[];
function oneOf<T extends string>(values: Enum<T>, name: string, value: string | undefined): T | undefined {
  if (value === undefined) return undefined;
  if (!values.includes(value as T)) throw new UsageError(`--${name} must be one of ${values.join(', ')}`);
  return value as T;
}

export const caseCommand: Command = {
  name: 'case',
  summary: 'cases: open, list, show; change status, risk or assignment; add tasks, consents, notes',
  usage: [
    'open --person CODE [--person CODE]… --type TYPE [--risk R] [--assign EMAIL]',
    'list [--mine] [--overdue] [--type T] [--status S] [--risk R]',
    'show ID',
    'status ID --to STATUS [--note T]',
    'update ID [--risk R] [--assign EMAIL]',
    'task ID --title T [--due YYYY-MM-DD] | done ID --task TASK_ID',
    'consent ID --person CODE --fields LIST --recipient WHO [--given YYYY-MM-DD]',
    'note ID --text T',
  ].join('\n       | '),
  options: {
    ...DATA_OPTION,
    person: { type: 'string', multiple: true, description: 'person code, e.g. V-0001 (repeatable)' },
    type: { type: 'string', description: `case type: ${CASE_TYPES.join(', ')}` },
    risk: { type: 'string', description: `risk level: ${RISK_LEVELS.join(', ')}` },
    assign: { type: 'string', description: 'e-mail of the caseworker to assign (gets the case’s keys)' },
    mine: { type: 'boolean', description: 'only cases assigned to me' },
    overdue: { type: 'boolean', description: 'only cases with a task past its due date' },
    status: { type: 'string', description: `filter by status: ${CASE_STATUSES.join(', ')}` },
    to: { type: 'string', description: 'the status to move the case to' },
    note: { type: 'string', description: 'a note on the status change (sealed)' },
    title: { type: 'string', description: 'task title (sealed)' },
    due: { type: 'string', description: 'task due date, YYYY-MM-DD' },
    task: { type: 'string', description: 'task id' },
    fields: { type: 'string', description: 'comma-separated fields the person agreed to share' },
    recipient: { type: 'string', description: 'with whom the person agreed to share (sealed)' },
    given: { type: 'string', description: 'when consent was given, YYYY-MM-DD (default today)' },
    text: { type: 'string', description: 'note text (sealed)' },
  },
  async run(args, io) {
    const [sub, id, ...extra] = args.positionals;
    const needId = () => {
      if (!id || extra.length > 0) throw new UsageError(`case ${sub} takes one case id or code (K-0001)`);
      return id;
    };
    let result: unknown;
    let line: string;
    if (sub === 'open') {
      if (id) throw new UsageError('case open takes no positional argument; use --person CODE');
      const persons = list(args, 'person');
      if (persons.length === 0) throw new UsageError('case open needs --person CODE');
      const type = oneOf(CASE_TYPES, 'type', required(args, 'type', 'open'))!;
      const opened = await asSignedInUser(args, io, (db, actor) =>
        openCase(db, actor, {
          persons,
          type,
          risk: oneOf(RISK_LEVELS, 'risk', stringOption(args, 'risk')),
          assignTo: stringOption(args, 'assign'),
        }),
      );
      result = { id: opened.id, code: opened.code };
      line = `${opened.code} ${opened.id}`;
    } else if (sub === 'list') {
      if (id) throw new UsageError('case list takes no positional argument');
      const cases = await asSignedInUser(args, io, (db, actor) =>
        listCases(db, actor, {
          mine: args.values.mine === true,
          overdue: args.values.overdue === true,
          type: oneOf(CASE_TYPES, 'type', stringOption(args, 'type')),
          status: oneOf(CASE_STATUSES, 'status', stringOption(args, 'status')),
          risk: oneOf(RISK_LEVELS, 'risk', stringOption(args, 'risk')),
        }),
      );
      result = { cases };
      line = cases
        .map(
          (c) =>
            `${c.code}  ${c.type}  ${c.status}  risk ${c.risk}  overdue ${c.overdueTasks}  ${c.assignedTo ?? ''}`,
        )
        .join('\n');
    } else if (sub === 'show') {
      const view = await asSignedInUser(args, io, (db, actor) => showCase(db, actor, needId()));
      result = view;
      line = [
        `${view.code}  ${view.type}  ${view.status}  risk ${view.risk}  (compartment ${view.compartment})`,
        `persons:  ${view.persons.join(', ')}`,
        `assigned: ${view.assignedTo ?? ''}`,
        ...view.tasks.map(
          (t) =>
            `task ${t.dueOn ?? '          '} ${t.done ? 'done   ' : t.overdue ? 'OVERDUE' : 'open   '} ${t.title}`,
        ),
        ...view.notes.map((n) => `note ${n.at} ${n.by}: ${n.text}`),
      ].join('\n');
    } else if (sub === 'status') {
      const to = oneOf(CASE_STATUSES, 'to', required(args, 'to', 'status'))!;
      result = await asSignedInUser(args, io, (db, actor) =>
        changeCaseStatus(db, actor, needId(), { status: to, note: stringOption(args, 'note') }),
      );
      line = to;
    } else if (sub === 'update') {
      const change = {
        risk: oneOf(RISK_LEVELS, 'risk', stringOption(args, 'risk')),
        assignTo: stringOption(args, 'assign'),
      };
      if (!change.risk && !change.assignTo) throw new UsageError('case update needs --risk or --assign');
      result = await asSignedInUser(args, io, (db, actor) => updateCase(db, actor, needId(), change));
      line = 'updated';
    } else if (sub === 'task') {
      const title = required(args, 'title', 'task');
      result = await asSignedInUser(args, io, (db, actor) =>
        addTask(db, actor, needId(), { title, dueOn: stringOption(args, 'due') ?? null }),
      );
      line = (result as { id: string }).id;
    } else if (sub === 'done') {
      const task = required(args, 'task', 'done');
      await asSignedInUser(args, io, (db, actor) => completeTask(db, actor, needId(), task));
      result = { task, done: true };
      line = 'done';
    } else if (sub === 'consent') {
      const { fields, unknown } = parseFieldList(required(args, 'fields', 'consent'));
      if (unknown.length > 0) throw new UsageError(`unknown field(s) in --fields: ${unknown.join(', ')}`);
      const [person, ...others] = list(args, 'person');
      if (!person || others.length > 0) throw new UsageError('case consent needs one --person CODE');
      const recipient = required(args, 'recipient', 'consent');
      result = await asSignedInUser(args, io, (db, actor) =>
        addConsent(db, actor, needId(), { person, fields, recipient, givenOn: stringOption(args, 'given') }),
      );
      line = (result as { id: string }).id;
    } else if (sub === 'note') {
      const text = required(args, 'text', 'note');
      result = await asSignedInUser(args, io, (db, actor) => addNote(db, actor, needId(), { text }));
      line = (result as { id: string }).id;
    } else {
      throw new UsageError(
        'expected a subcommand: open, list, show, status, update, task, done, consent or note',
      );
    }
    if (args.values.json) writeJson(io, result);
    else io.stdout.write(`${line}\n`);
    return 0;
  },
};
