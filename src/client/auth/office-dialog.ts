// The Office dialog API, the sign-in fallback of an add-in where nested app authentication is not available
// ("Authenticate and authorize with the Office dialog API", learn.microsoft.com/office/dev/add-ins/develop/
// auth-with-office-dialog-api): the identity provider's pages refuse to load in the task pane's iframe, so they
// open in a dialog, which hands the result back with Office.context.ui.messageParent.

/** Opens a page of this origin in a dialog and resolves with the first message it sends. */
export interface OfficeDialogPort {
  open(url: string): Promise<string>;
}

/** The part of office.js this uses (office.d.ts is a global script, not a module: see office-workbook.ts). */
interface OfficeUi {
  displayDialogAsync(
    url: string,
    options: { height: number; width: number; promptBeforeOpen?: boolean },
    callback: (result: {
      status: string;
      error?: { code: number; message: string };
      value: {
        addEventHandler(type: string, handler: (arg: { message?: string; error?: number }) => void): void;
        close(): void;
      };
    }) => void,
  ): void;
}

interface OfficeForDialog {
  context: { ui: OfficeUi };
  EventType: { DialogMessageReceived: string; DialogEventReceived: string };
  AsyncResultStatus: { Failed: string };
}

/** Dialog event codes (Office.EventType.DialogEventReceived): the person closed it, or it could not load. */
const DIALOG_CLOSED = 12006;

export const createOfficeDialogPort = (office: OfficeForDialog): OfficeDialogPort => ({
  open: (url) =>
    new Promise((resolve, reject) => {
      office.context.ui.displayDialogAsync(url, { height: 60, width: 30 }, (result) => {
        if (result.status === office.AsyncResultStatus.Failed) {
          // 12007: a dialog is already open (the person clicked twice); 12009: the person blocked it.
          reject(new Error(`The sign-in dialog could not open (${result.error?.code ?? '?'})`));
          return;
        }
        const dialog = result.value;
        dialog.addEventHandler(office.EventType.DialogMessageReceived, (arg) => {
          dialog.close();
          resolve(arg.message ?? '');
        });
        dialog.addEventHandler(office.EventType.DialogEventReceived, (arg) => {
          reject(
            new Error(
              arg.error === DIALOG_CLOSED
                ? 'Sign-in was cancelled'
                : `The sign-in dialog failed (${arg.error})`,
            ),
          );
        });
      });
    }),
});

/** office.js's global, when the page runs inside Office. */
export const officeGlobal = (): OfficeForDialog | undefined => {
  const office = (globalThis as unknown as { Office?: Partial<OfficeForDialog> }).Office;
  return office?.context?.ui && office.EventType && office.AsyncResultStatus
    ? (office as OfficeForDialog)
    : undefined;
};
