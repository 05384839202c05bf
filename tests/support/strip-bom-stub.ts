// @microsoft/app-manifest (CommonJS) requires strip-bom@5, which is ESM-only: Node 20.19+ loads it (tsx and
// `npm run package` work), but jest's CommonJS runtime cannot before Node 24.9. The library only uses it to
// drop a leading byte-order mark; this stands in for it in every suite.
const stripBom = (text: string): string => text.replace(/^\uFEFF/, '');
export default stripBom;
