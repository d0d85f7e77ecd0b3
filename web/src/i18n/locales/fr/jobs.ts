import type { Translation } from '../../catalogue.ts';
import type en from '../en/jobs.ts';

export default {
  'admin.jobsLink': 'Tâches de fond',
  'jobs.title': 'Tâches de fond',
  'jobs.introPostgres':
    'Les tâches s’exécutent dans les processus attest worker, et dans les serveurs lancés sans --no-jobs, tous sur une même base PostgreSQL. Les tâches d’un processus muet depuis plus de {grace} s sont reprises par un autre.',
  'jobs.introInProcess': 'Sur la base embarquée, ce serveur exécute lui-même toutes les tâches.',
  'jobs.refresh': 'Actualiser',
  'jobs.processes': 'Processus actifs',
  'jobs.host': 'Machine',
  'jobs.pid': 'N° de processus',
  'jobs.started': 'Démarré',
  'jobs.heartbeat': 'Dernier signal',
  'jobs.held': 'Tâches en cours',
  'jobs.noProcesses':
    'Aucun processus ne prend de tâches : le travail en file attend le démarrage d’un attest worker.',
  'jobs.counts': 'Tâches par type et par état',
  'jobs.kind': 'Type',
  'jobs.kind.ingest': 'Intégration',
  'jobs.kind.capture': 'Capture web',
  'jobs.kind.timestamp': 'Horodatages',
  'jobs.state.queued': 'En file',
  'jobs.state.running': 'En cours',
  'jobs.state.retrying': 'Nouvel essai prévu',
  'jobs.state.done': 'Terminées',
  'jobs.state.failed': 'Échouées',
  'jobs.state.cancelled': 'Annulées',
  'jobs.noJobs': 'Aucune tâche pour l’instant.',
  'jobs.failed': 'Tâches échouées',
  'jobs.failedHint':
    'Tâches en échec à chaque essai, les plus récentes d’abord. Corrigez la cause, puis relancez ; chaque relance est inscrite au journal d’audit.',
  'jobs.noFailed': 'Aucune tâche échouée.',
  'jobs.job': 'Tâche',
  'jobs.when': 'Échec le',
  'jobs.attempts': 'Essais',
  'jobs.requestedBy': 'Demandée par',
  'jobs.reason': 'Raison',
  'jobs.retry': 'Relancer',
  'jobs.retried': 'La tâche est de nouveau en file.',
} satisfies Translation<typeof en>;
