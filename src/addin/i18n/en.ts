// The task pane's own words. Field labels, help and validation messages come from src/domain.
export const en = {
  app: { title: 'Governance Hub', subtitle: 'Excel add-in' },
  signIn: {
    title: 'Sign in',
    intro: 'Sign in to pull and push your mission’s records.',
    localIntro: 'Local demo: choose who you are.',
    button: 'Sign in',
    signOut: 'Sign out',
    as: 'Signed in as {{name}}',
    failed: 'Sign-in failed: {{message}}',
    roles: {
      custodian: 'Data custodian',
      focalPoint: 'Mission focal point',
      officer: 'Governance officer',
      reader: 'Reader',
    },
  },
  pickers: {
    missionPlaceholder: 'Choose a mission',
    mission: 'Mission',
    register: 'Register',
    language: 'Language',
  },
  registers: { dataInventory: 'Data inventory', aiRegistry: 'AI registry' },
  actions: {
    pullAnyway: 'Pull anyway',
    cancel: 'Cancel',
    pull: 'Pull',
    push: 'Push',
    refresh: 'Refresh',
    addRows: 'Add 5 rows',
    pullHint: 'Replaces the sheet with the records in SharePoint.',
    pushHint: 'Sends your changes; invalid cells are marked and not sent.',
    refreshHint: 'Brings in changes made in SharePoint; your unsaved edits stay.',
  },
  phases: {
    reading: 'Reading from SharePoint…',
    writing: 'Writing rows {{done}} of {{total}}…',
    checking: 'Checking {{total}} rows…',
    sending: 'Sending {{done}} of {{total}} changes…',
    saving: 'Updating the sheet…',
  },
  status: {
    pulled_one: 'Pulled {{count}} record.',
    pulled_other: 'Pulled {{count}} records.',
    pending_one: '{{count}} row to push.',
    pending_other: '{{count}} rows to push.',
    nothing: 'Nothing to push: the sheet matches SharePoint.',
    pushed: 'Saved {{saved}} · invalid {{invalid}} · conflicts {{conflict}} · rejected {{rejected}}',
    refreshed:
      'Updated {{updated}} · added {{added}} · removed {{removed}} · merged {{merged}} · to resolve {{conflicting}}',
    noSnapshot: 'Pull first to start.',
    chooseMission: 'Choose your mission to start.',
    confirmPull_one:
      'Your {{count}} unsaved change will be replaced by what SharePoint holds. Push first to keep it.',
    confirmPull_other:
      'Your {{count}} unsaved changes will be replaced by what SharePoint holds. Push first to keep them.',
    resynced:
      'SharePoint no longer had the changes since your last pull, so everything was read again. Your unsaved edits are kept.',
    error: 'Something went wrong: {{message}}',
  },
  errors: {
    offline: 'You are offline. Check your network connection, then try again.',
    unauthenticated: 'Your session has expired. Sign in again to continue.',
    forbidden: 'You do not have permission for this. Ask the governance unit to give you access.',
    throttled: 'SharePoint is busy. Wait a minute, then try again.',
    server:
      'The service is having a problem. Try again in a few minutes; if it persists, tell the governance unit.',
    notPulled: 'There is no pulled data for this mission and register in this workbook. Pull first.',
    chooseMission: 'Choose a mission first.',
    excelEditing: 'Excel is waiting for you to finish typing in a cell. Press Enter or Esc, then try again.',
    excelTooLarge:
      'Excel refused a request that was too large. Try again; if it persists, tell the governance unit.',
    excelTableGone: 'The Governance Hub table is no longer in this workbook. Pull again.',
    excelProtected: 'Excel refused to change a protected sheet. Pull again to restore the table.',
    unknown: 'Something went wrong ({{message}}). Try again.',
  },
  results: {
    title: 'Results',
    saved: 'Saved',
    rejected: 'Rejected',
    conflict: 'Conflict',
    invalid: 'Invalid',
    row: 'Row {{row}}',
    kind: { create: 'new', update: 'changed', delete: 'deleted', none: '' },
    code: {
      notPulled: 'This row was not pulled for this mission. Pull again.',
      duplicate: 'This row appears twice in the sheet (same hidden id).',
    },
    untitled: '(no name)',
  },
  conflicts: {
    title: 'Changed in SharePoint since your pull',
    intro:
      'Choose, for each value, whether to keep yours or take the one in SharePoint. Nothing was overwritten.',
    field: 'Field',
    mine: 'Yours',
    theirs: 'SharePoint',
    base: 'When pulled',
    keepMine: 'Keep mine',
    takeTheirs: 'Take theirs',
    apply: 'Apply choices',
    applied: 'Applied: edit the row if needed, then push.',
    deleted: 'This record was deleted in SharePoint.',
    deleteConflict: 'You marked this row for deletion, but it was changed in SharePoint.',
  },
  workbook: {
    title: 'Local workbook',
    hint: 'Click a cell to type; Enter saves, Esc cancels. Hidden columns (id, eTag, key) are not shown.',
    empty: 'No table yet: use Pull in the task pane.',
    refused: {
      locked: 'This cell is protected.',
      notInList: 'The value must be one of the dropdown entries.',
      noTable: 'No table here.',
    },
    rows: '{{count}} rows',
  },
};

export type Messages = typeof en;
