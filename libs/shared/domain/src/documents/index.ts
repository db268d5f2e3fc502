export * from "./document-kind";
