import type { Translation } from '../../catalogue.ts';
import type en from '../en/jobs.ts';

export default {
  'admin.jobsLink': 'Tarefas em segundo plano',
  'jobs.title': 'Tarefas em segundo plano',
  'jobs.introPostgres':
    'As tarefas rodam em processos attest worker, e em servidores iniciados sem --no-jobs, todos num mesmo banco PostgreSQL. As tarefas de um processo calado por mais de {grace} s são retomadas por outro.',
  'jobs.introInProcess': 'No banco embutido, este servidor executa ele mesmo todas as tarefas.',
  'jobs.refresh': 'Atualizar',
  'jobs.processes': 'Processos ativos',
  'jobs.host': 'Máquina',
  'jobs.pid': 'N.º do processo',
  'jobs.started': 'Iniciado',
  'jobs.heartbeat': 'Último sinal',
  'jobs.held': 'Tarefas em curso',
  'jobs.noProcesses':
    'Nenhum processo está pegando tarefas: o trabalho na fila espera até um attest worker iniciar.',
  'jobs.counts': 'Tarefas por tipo e estado',
  'jobs.kind': 'Tipo',
  'jobs.kind.ingest': 'Ingestão',
  'jobs.kind.capture': 'Captura web',
  'jobs.kind.timestamp': 'Carimbos de tempo',
  'jobs.state.queued': 'Na fila',
  'jobs.state.running': 'Em curso',
  'jobs.state.retrying': 'Nova tentativa prevista',
  'jobs.state.done': 'Concluídas',
  'jobs.state.failed': 'Falharam',
  'jobs.state.cancelled': 'Canceladas',
  'jobs.noJobs': 'Ainda não há tarefas.',
  'jobs.failed': 'Tarefas que falharam',
  'jobs.failedHint':
    'Tarefas que falharam em todas as tentativas, as mais recentes primeiro. Corrija a causa e tente de novo; cada nova tentativa fica no registro de auditoria.',
  'jobs.noFailed': 'Nenhuma tarefa falhou.',
  'jobs.job': 'Tarefa',
  'jobs.when': 'Falhou em',
  'jobs.attempts': 'Tentativas',
  'jobs.requestedBy': 'Pedida por',
  'jobs.reason': 'Motivo',
  'jobs.retry': 'Tentar de novo',
  'jobs.retried': 'A tarefa voltou para a fila.',
} satisfies Translation<typeof en>;
