import type { Translation } from '../../catalogue.ts';
import type en from '../en/sealed.ts';

export default {
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
} satisfies Translation<typeof en>;
