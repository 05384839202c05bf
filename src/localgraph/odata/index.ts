export type { FilterNode, ValueNode, ComparisonOp } from './ast';
export { toSExpression, referencedFields } from './ast';
export { tokenize, ODataSyntaxError, ODataUnsupportedError } from './lexer';
export { parseFilter } from './parser';
export { compileFilter } from './sql-compiler';
export type { FieldKind, FieldResolver, ResolvedField, SqlFragment, SqlParam } from './sql-compiler';
export { parseSelect, parseOrderBy, parseExpand } from './query-options';
export type { OrderByTerm, ExpandItem } from './query-options';
