// Import this BEFORE anything that loads @microsoft/app-manifest in a jest test.
// @microsoft/app-manifest (CommonJS) requires strip-bom@5, which is ESM-only. Node 20.19+ loads it (tsx and
// `npm run package` work), but jest's module runtime cannot require ESM before Node 24.9, so the suite would
// not even load. The library only uses strip-bom to drop a leading byte-order mark; this stands in for it.
jest.mock('../../node_modules/@microsoft/app-manifest/node_modules/strip-bom', () => ({
  __esModule: true,
  default: (text: string): string => text.replace(/^\uFEFF/, ''),
}));

export {};
