import type { Translation } from '../../catalogue.ts';
import type en from '../en/imports.ts';

export default {
  'nav.import': 'Importar',
  'import.title': 'Importar registros',
  'import.intro':
    'Traiga incidentes, actos, víctimas y fuentes guardados en una hoja de cálculo o exportados de Uwazi (CSV o XLSX). Los nombres de las víctimas se sellan al llegar. No se guarda nada hasta importar, y una importación se guarda entera o no se guarda.',
  'import.file': 'Archivo (CSV o XLSX)',
  'import.preset': 'Preajuste',
  'import.presetNone': 'Ninguno',
  'import.presetUwazi': 'Exportación CSV de Uwazi',
  'import.mapping': 'Correspondencia de columnas',
  'import.column': 'Columna del archivo',
  'import.field': 'Campo de Attest',
  'import.firstValue': 'Primer valor',
  'import.rowsInFile': '{rows} filas de datos.',
  'import.dateFormat': 'Formato de fecha',
  'import.values': 'Valores del vocabulario (JSON)',
  'import.valuesHint':
    'Para cada campo codificado, las palabras del archivo y los códigos de Attest que significan, p. ej. {"act.type": {"Detención arbitraria": "detention"}}.',
  'import.onError': 'Cuando una fila tiene errores',
  'import.onErrorStop': 'Detenerse en la primera fila con errores y no guardar nada',
  'import.onErrorSkip': 'Importar las filas válidas y listar las erróneas',
  'import.dryRun': 'Simulación',
  'import.run': 'Importar',
  'import.preview': 'Vista previa: las primeras filas como registros',
  'import.row': 'Fila',
  'import.incident': 'Incidente',
  'import.act': 'Acto',
  'import.persons': 'Personas protegidas',
  'import.source': 'Fuente',
  'import.errors': 'Filas con errores',
  'import.why': 'Motivo',
  'import.noErrors': 'Ninguna fila con errores.',
  'import.counts': '{incidents} incidentes, {acts} actos, {persons} personas protegidas, {sources} fuentes',
  'import.dryRunResult':
    'Simulación: se importarían {imported} de {rows} filas ({counts}). No se guardó nada.',
  'import.dryRunStops':
    'Simulación: {bad} de {rows} filas tienen errores; con «detenerse» no se guardaría nada. No se guardó nada.',
  'import.stoppedResult': 'Detenido en una fila con errores: no se guardó nada.',
  'import.doneResult': 'Importadas {imported} de {rows} filas: {counts}.',
  'import.skippedRows': 'Se dejaron fuera {skipped} filas con errores.',
  'import.ignored': 'Columnas sin correspondencia (dejadas fuera): {columns}',
  'import.badValues': 'Los valores del vocabulario no son JSON válido.',
} satisfies Translation<typeof en>;
