import type { Messages } from './en';

export const fr: Messages = {
  app: { title: 'Governance Hub', subtitle: 'Complément Excel' },
  signIn: {
    title: 'Connexion',
    intro: 'Connectez-vous pour importer et envoyer les enregistrements de votre mission.',
    localIntro: 'Démo locale : choisissez qui vous êtes.',
    button: 'Se connecter',
    signOut: 'Se déconnecter',
    as: 'Connecté en tant que {{name}}',
    failed: 'Échec de la connexion : {{message}}',
    roles: {
      custodian: 'Dépositaire des données',
      focalPoint: 'Point focal de mission',
      officer: 'Responsable de la gouvernance',
      reader: 'Lecteur',
    },
  },
  pickers: {
    missionPlaceholder: 'Choisir une mission',
    mission: 'Mission',
    register: 'Registre',
    language: 'Langue',
  },
  registers: { dataInventory: 'Inventaire des données', aiRegistry: 'Registre IA' },
  actions: {
    pullAnyway: 'Importer quand même',
    cancel: 'Annuler',
    pull: 'Importer',
    push: 'Envoyer',
    refresh: 'Actualiser',
    addRows: 'Ajouter 5 lignes',
    pullHint: 'Remplace la feuille par les enregistrements de SharePoint.',
    pushHint: 'Envoie vos modifications ; les cellules invalides sont signalées et non envoyées.',
    refreshHint: 'Récupère les changements faits dans SharePoint ; vos modifications non envoyées restent.',
  },
  phases: {
    reading: 'Lecture depuis SharePoint…',
    writing: 'Écriture des lignes {{done}} sur {{total}}…',
    checking: 'Vérification de {{total}} lignes…',
    sending: 'Envoi de {{done}} modifications sur {{total}}…',
    saving: 'Mise à jour de la feuille…',
  },
  status: {
    pulled_one: '{{count}} enregistrement importé.',
    pulled_other: '{{count}} enregistrements importés.',
    pending_one: '{{count}} ligne à envoyer.',
    pending_other: '{{count}} lignes à envoyer.',
    nothing: 'Rien à envoyer : la feuille correspond à SharePoint.',
    pushed: 'Enregistrées {{saved}} · invalides {{invalid}} · conflits {{conflict}} · refusées {{rejected}}',
    refreshed:
      'Mises à jour {{updated}} · ajoutées {{added}} · retirées {{removed}} · fusionnées {{merged}} · à résoudre {{conflicting}}',
    noSnapshot: 'Commencez par importer.',
    chooseMission: 'Choisissez votre mission pour commencer.',
    confirmPull_one:
      'Votre modification non envoyée sera remplacée par ce que contient SharePoint. Envoyez-la d’abord pour la garder.',
    confirmPull_other:
      'Vos {{count}} modifications non envoyées seront remplacées par ce que contient SharePoint. Envoyez-les d’abord pour les garder.',
    resynced:
      'SharePoint ne conservait plus les modifications depuis votre dernier import : tout a été relu. Vos modifications non envoyées sont conservées.',
    error: 'Une erreur est survenue : {{message}}',
  },
  errors: {
    offline: 'Vous êtes hors ligne. Vérifiez votre connexion réseau, puis réessayez.',
    unauthenticated: 'Votre session a expiré. Reconnectez-vous pour continuer.',
    forbidden: 'Vous n’avez pas l’autorisation nécessaire. Demandez l’accès à l’unité de gouvernance.',
    throttled: 'SharePoint est occupé. Attendez une minute, puis réessayez.',
    server:
      'Le service rencontre un problème. Réessayez dans quelques minutes ; si cela persiste, prévenez l’unité de gouvernance.',
    notPulled:
      'Ce classeur ne contient pas de données importées pour cette mission et ce registre. Importez d’abord.',
    chooseMission: 'Choisissez d’abord une mission.',
    excelEditing:
      'Excel attend que vous terminiez la saisie dans une cellule. Appuyez sur Entrée ou Échap, puis réessayez.',
    excelTooLarge:
      'Excel a refusé une requête trop volumineuse. Réessayez ; si cela persiste, prévenez l’unité de gouvernance.',
    excelTableGone: 'Le tableau Governance Hub n’est plus dans ce classeur. Importez à nouveau.',
    excelProtected:
      'Excel a refusé de modifier une feuille protégée. Importez à nouveau pour rétablir le tableau.',
    unknown: 'Une erreur est survenue ({{message}}). Réessayez.',
  },
  results: {
    title: 'Résultats',
    saved: 'Enregistrée',
    rejected: 'Refusée',
    conflict: 'Conflit',
    invalid: 'Invalide',
    row: 'Ligne {{row}}',
    kind: { create: 'nouvelle', update: 'modifiée', delete: 'supprimée', none: '' },
    code: {
      notPulled: 'Cette ligne n’a pas été importée pour cette mission. Importez à nouveau.',
      duplicate: 'Cette ligne apparaît deux fois dans la feuille (même identifiant caché).',
    },
    untitled: '(sans nom)',
  },
  conflicts: {
    title: 'Modifié dans SharePoint depuis votre import',
    intro: 'Pour chaque valeur, gardez la vôtre ou prenez celle de SharePoint. Rien n’a été écrasé.',
    field: 'Champ',
    mine: 'La vôtre',
    theirs: 'SharePoint',
    base: 'À l’import',
    keepMine: 'Garder la mienne',
    takeTheirs: 'Prendre la leur',
    apply: 'Appliquer les choix',
    applied: 'Appliqué : modifiez la ligne si besoin, puis envoyez.',
    deleted: 'Cet enregistrement a été supprimé dans SharePoint.',
    deleteConflict:
      'Vous avez marqué cette ligne pour suppression, mais elle a été modifiée dans SharePoint.',
  },
  workbook: {
    title: 'Classeur local',
    hint: 'Cliquez sur une cellule pour saisir ; Entrée valide, Échap annule. Les colonnes cachées ne sont pas affichées.',
    empty: 'Pas encore de tableau : utilisez Importer dans le volet.',
    refused: {
      locked: 'Cette cellule est protégée.',
      notInList: 'La valeur doit être l’une des entrées de la liste.',
      noTable: 'Pas de tableau ici.',
    },
    rows: '{{count}} lignes',
  },
};
