import type { Translation } from '../../catalogue.ts';
import type en from '../en/jobs.ts';

export default {
  'admin.jobsLink': 'Tareas en segundo plano',
  'jobs.title': 'Tareas en segundo plano',
  'jobs.introPostgres':
    'Las tareas se ejecutan en procesos attest worker, y en servidores iniciados sin --no-jobs, todos sobre una misma base PostgreSQL. Las tareas de un proceso callado durante más de {grace} s las retoma otro.',
  'jobs.introInProcess': 'Con la base integrada, este servidor ejecuta él mismo todas las tareas.',
  'jobs.refresh': 'Actualizar',
  'jobs.processes': 'Procesos activos',
  'jobs.host': 'Máquina',
  'jobs.pid': 'N.º de proceso',
  'jobs.started': 'Iniciado',
  'jobs.heartbeat': 'Última señal',
  'jobs.held': 'Tareas en curso',
  'jobs.noProcesses':
    'Ningún proceso toma tareas: el trabajo en cola espera a que se inicie un attest worker.',
  'jobs.counts': 'Tareas por tipo y estado',
  'jobs.kind': 'Tipo',
  'jobs.kind.ingest': 'Ingesta',
  'jobs.kind.capture': 'Captura web',
  'jobs.kind.timestamp': 'Sellos de tiempo',
  'jobs.state.queued': 'En cola',
  'jobs.state.running': 'En curso',
  'jobs.state.retrying': 'Reintento previsto',
  'jobs.state.done': 'Hechas',
  'jobs.state.failed': 'Fallidas',
  'jobs.state.cancelled': 'Canceladas',
  'jobs.noJobs': 'Aún no hay tareas.',
  'jobs.failed': 'Tareas fallidas',
  'jobs.failedHint':
    'Tareas que fallaron en cada intento, las más recientes primero. Corrija la causa y reintente; cada reintento queda en el registro de auditoría.',
  'jobs.noFailed': 'No hay tareas fallidas.',
  'jobs.job': 'Tarea',
  'jobs.when': 'Falló el',
  'jobs.attempts': 'Intentos',
  'jobs.requestedBy': 'Solicitada por',
  'jobs.reason': 'Motivo',
  'jobs.retry': 'Reintentar',
  'jobs.retried': 'La tarea vuelve a estar en cola.',
} satisfies Translation<typeof en>;
