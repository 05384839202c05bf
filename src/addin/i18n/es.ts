import type { Messages } from './en';

export const es: Messages = {
  app: { title: 'Governance Hub', subtitle: 'Complemento de Excel' },
  signIn: {
    title: 'Iniciar sesión',
    intro: 'Inicie sesión para traer y enviar los registros de su misión.',
    localIntro: 'Demostración local: elija quién es usted.',
    button: 'Iniciar sesión',
    signOut: 'Cerrar sesión',
    as: 'Sesión iniciada como {{name}}',
    failed: 'Error al iniciar sesión: {{message}}',
    roles: {
      custodian: 'Custodio de datos',
      focalPoint: 'Punto focal de la misión',
      officer: 'Responsable de gobernanza',
      reader: 'Lector',
    },
  },
  pickers: {
    missionPlaceholder: 'Elija una misión',
    mission: 'Misión',
    register: 'Registro',
    language: 'Idioma',
  },
  registers: { dataInventory: 'Inventario de datos', aiRegistry: 'Registro de IA' },
  actions: {
    pullAnyway: 'Traer de todos modos',
    cancel: 'Cancelar',
    pull: 'Traer',
    push: 'Enviar',
    refresh: 'Actualizar',
    addRows: 'Añadir 5 filas',
    pullHint: 'Reemplaza la hoja por los registros de SharePoint.',
    pushHint: 'Envía sus cambios; las celdas no válidas se marcan y no se envían.',
    refreshHint: 'Trae los cambios hechos en SharePoint; sus ediciones sin enviar se conservan.',
  },
  phases: {
    reading: 'Leyendo de SharePoint…',
    writing: 'Escribiendo filas {{done}} de {{total}}…',
    checking: 'Comprobando {{total}} filas…',
    sending: 'Enviando {{done}} de {{total}} cambios…',
    saving: 'Actualizando la hoja…',
  },
  status: {
    pulled_one: '{{count}} registro traído.',
    pulled_other: '{{count}} registros traídos.',
    pending_one: '{{count}} fila por enviar.',
    pending_other: '{{count}} filas por enviar.',
    nothing: 'Nada que enviar: la hoja coincide con SharePoint.',
    pushed:
      'Guardadas {{saved}} · no válidas {{invalid}} · conflictos {{conflict}} · rechazadas {{rejected}}',
    refreshed:
      'Actualizadas {{updated}} · añadidas {{added}} · quitadas {{removed}} · combinadas {{merged}} · por resolver {{conflicting}}',
    noSnapshot: 'Traiga los registros para empezar.',
    chooseMission: 'Elija su misión para empezar.',
    confirmPull_one:
      'Su cambio sin enviar se reemplazará por lo que contiene SharePoint. Envíelo primero para conservarlo.',
    confirmPull_other:
      'Sus {{count}} cambios sin enviar se reemplazarán por lo que contiene SharePoint. Envíelos primero para conservarlos.',
    resynced:
      'SharePoint ya no conservaba los cambios desde su última descarga, así que se volvió a leer todo. Sus cambios sin enviar se conservan.',
    error: 'Algo salió mal: {{message}}',
  },
  errors: {
    offline: 'No tiene conexión. Compruebe su red y vuelva a intentarlo.',
    unauthenticated: 'Su sesión ha caducado. Inicie sesión de nuevo para continuar.',
    forbidden: 'No tiene permiso para esto. Pida acceso a la unidad de gobernanza.',
    throttled: 'SharePoint está ocupado. Espere un minuto y vuelva a intentarlo.',
    server:
      'El servicio tiene un problema. Vuelva a intentarlo en unos minutos; si persiste, avise a la unidad de gobernanza.',
    notPulled:
      'Este libro no tiene datos traídos para esta misión y este registro. Traiga los registros primero.',
    chooseMission: 'Elija primero una misión.',
    excelEditing:
      'Excel espera a que termine de escribir en una celda. Pulse Intro o Esc y vuelva a intentarlo.',
    excelTooLarge:
      'Excel rechazó una solicitud demasiado grande. Vuelva a intentarlo; si persiste, avise a la unidad de gobernanza.',
    excelTableGone: 'La tabla de Governance Hub ya no está en este libro. Vuelva a traer los registros.',
    excelProtected:
      'Excel se negó a cambiar una hoja protegida. Vuelva a traer los registros para restaurar la tabla.',
    unknown: 'Algo salió mal ({{message}}). Vuelva a intentarlo.',
  },
  results: {
    title: 'Resultados',
    saved: 'Guardada',
    rejected: 'Rechazada',
    conflict: 'Conflicto',
    invalid: 'No válida',
    row: 'Fila {{row}}',
    kind: { create: 'nueva', update: 'modificada', delete: 'eliminada', none: '' },
    code: {
      notPulled: 'Esta fila no se trajo para esta misión. Vuelva a traer.',
      duplicate: 'Esta fila aparece dos veces en la hoja (mismo identificador oculto).',
    },
    untitled: '(sin nombre)',
  },
  conflicts: {
    title: 'Cambiado en SharePoint desde que lo trajo',
    intro: 'Para cada valor, conserve el suyo o tome el de SharePoint. No se sobrescribió nada.',
    field: 'Campo',
    mine: 'El suyo',
    theirs: 'SharePoint',
    base: 'Al traer',
    keepMine: 'Conservar el mío',
    takeTheirs: 'Tomar el suyo',
    apply: 'Aplicar elecciones',
    applied: 'Aplicado: edite la fila si hace falta y envíe.',
    deleted: 'Este registro se eliminó en SharePoint.',
    deleteConflict: 'Marcó esta fila para eliminarla, pero se modificó en SharePoint.',
  },
  workbook: {
    title: 'Libro local',
    hint: 'Haga clic en una celda para escribir; Intro guarda, Esc cancela. Las columnas ocultas no se muestran.',
    empty: 'Aún no hay tabla: use Traer en el panel.',
    refused: {
      locked: 'Esta celda está protegida.',
      notInList: 'El valor debe ser una de las entradas de la lista.',
      noTable: 'No hay tabla aquí.',
    },
    rows: '{{count}} filas',
  },
};
