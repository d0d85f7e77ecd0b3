/**
 * Interface strings of sealed sources (testimonies, medical reports) in the five working languages,
 * merged into messages.ts.
 */
const en = {
  'sealed.searchResults': 'Sealed sources of your compartments: {count}',
  'sealed.searchTruncated': 'Only the newest 2,000 sealed sources were searched.',
  'sealed.choice': 'Sensitive — seal this source',
  'sealed.choiceHint':
    'For a testimony, a medical report or anything naming a person at risk: the original, title and text are encrypted under the compartment’s key, readable by its members only, every reading recorded in the audit log, never exported. Nothing typed is saved as a draft while this is ticked.',
  'sealed.compartment': 'Compartment',
  'sealed.organisation': '{code} (organisation)',
  'sealed.badge': 'Sealed',
  'sealed.inCompartment': 'Sealed in compartment {code}',
  'sealed.readAudited':
    'Only members of this compartment can read it; this reading was recorded in the audit log.',
  'sealed.notMember':
    'This source is sealed, or your role may not read sources. Only members of its compartment can read a sealed source.',
  'sealed.saved': 'Sealed source saved in compartment {code}.',
  'sealed.listTitle': 'Sealed source ({code})',
};

const pt: typeof en = {
  'sealed.searchResults': 'Fontes seladas dos seus compartimentos: {count}',
  'sealed.searchTruncated': 'Só as 2.000 fontes seladas mais recentes foram pesquisadas.',
  'sealed.choice': 'Sensível — selar esta fonte',
  'sealed.choiceHint':
    'Para um testemunho, um relatório médico ou qualquer coisa que nomeie uma pessoa em risco: o original, o título e o texto são cifrados com a chave do compartimento, legíveis apenas pelos seus membros, cada leitura registrada no registro de auditoria, nunca exportados. Nada do que for digitado é salvo como rascunho enquanto esta opção estiver marcada.',
  'sealed.compartment': 'Compartimento',
  'sealed.organisation': '{code} (organização)',
  'sealed.badge': 'Selada',
  'sealed.inCompartment': 'Selada no compartimento {code}',
  'sealed.readAudited':
    'Apenas membros deste compartimento podem lê-la; esta leitura foi registrada no registro de auditoria.',
  'sealed.notMember':
    'Esta fonte está selada, ou o seu papel não permite ler fontes. Apenas membros do compartimento podem ler uma fonte selada.',
  'sealed.saved': 'Fonte selada salva no compartimento {code}.',
  'sealed.listTitle': 'Fonte selada ({code})',
};

const es: typeof en = {
  'sealed.searchResults': 'Fuentes selladas de sus compartimentos: {count}',
  'sealed.searchTruncated': 'Solo se buscó en las 2000 fuentes selladas más recientes.',
  'sealed.choice': 'Sensible — sellar esta fuente',
  'sealed.choiceHint':
    'Para un testimonio, un informe médico o cualquier cosa que nombre a una persona en riesgo: el original, el título y el texto se cifran con la clave del compartimento, legibles solo por sus miembros, cada lectura anotada en el registro de auditoría, nunca exportados. Nada de lo escrito se guarda como borrador mientras esta opción esté marcada.',
  'sealed.compartment': 'Compartimento',
  'sealed.organisation': '{code} (organización)',
  'sealed.badge': 'Sellada',
  'sealed.inCompartment': 'Sellada en el compartimento {code}',
  'sealed.readAudited':
    'Solo los miembros de este compartimento pueden leerla; esta lectura quedó anotada en el registro de auditoría.',
  'sealed.notMember':
    'Esta fuente está sellada, o su rol no permite leer fuentes. Solo los miembros de su compartimento pueden leer una fuente sellada.',
  'sealed.saved': 'Fuente sellada guardada en el compartimento {code}.',
  'sealed.listTitle': 'Fuente sellada ({code})',
};

const ru: typeof en = {
  'sealed.searchResults': 'Запечатанные источники ваших отсеков: {count}',
  'sealed.searchTruncated': 'Поиск шёл только по 2000 самых новых запечатанных источников.',
  'sealed.choice': 'Конфиденциально — запечатать этот источник',
  'sealed.choiceHint':
    'Для показаний, медицинского заключения или всего, что называет человека в опасности: оригинал, заголовок и текст шифруются ключом отсека, их читают только его участники, каждое чтение записывается в журнал аудита, они никогда не экспортируются. Пока отмечено, набранный текст не сохраняется как черновик.',
  'sealed.compartment': 'Отсек',
  'sealed.organisation': '{code} (организация)',
  'sealed.badge': 'Запечатан',
  'sealed.inCompartment': 'Запечатан в отсеке {code}',
  'sealed.readAudited':
    'Читать его могут только участники этого отсека; это чтение записано в журнал аудита.',
  'sealed.notMember':
    'Этот источник запечатан, или ваша роль не позволяет читать источники. Запечатанный источник читают только участники его отсека.',
  'sealed.saved': 'Запечатанный источник сохранён в отсеке {code}.',
  'sealed.listTitle': 'Запечатанный источник ({code})',
};

const fr: typeof en = {
  'sealed.searchResults': 'Sources scellées de vos compartiments : {count}',
  'sealed.searchTruncated': 'Seules les 2 000 sources scellées les plus récentes ont été cherchées.',
  'sealed.choice': 'Sensible — sceller cette source',
  'sealed.choiceHint':
    'Pour un témoignage, un rapport médical ou tout ce qui nomme une personne en danger : l’original, le titre et le texte sont chiffrés avec la clé du compartiment, lisibles par ses seuls membres, chaque lecture inscrite au journal d’audit, jamais exportés. Rien de ce qui est saisi n’est enregistré comme brouillon tant que cette case est cochée.',
  'sealed.compartment': 'Compartiment',
  'sealed.organisation': '{code} (organisation)',
  'sealed.badge': 'Scellée',
  'sealed.inCompartment': 'Scellée dans le compartiment {code}',
  'sealed.readAudited':
    'Seuls les membres de ce compartiment peuvent la lire ; cette lecture a été inscrite au journal d’audit.',
  'sealed.notMember':
    'Cette source est scellée, ou votre rôle ne permet pas de lire les sources. Seuls les membres de son compartiment peuvent lire une source scellée.',
  'sealed.saved': 'Source scellée enregistrée dans le compartiment {code}.',
  'sealed.listTitle': 'Source scellée ({code})',
};

export const SEALED_MESSAGES = { en, pt, es, ru, fr };
