// The GraphQL documents the UI sends, one file each under documents/ (validated against the
// schema in tests); their text and types are generated into generated/operations.ts.
export { documents, type Operations } from "./generated/operations";
