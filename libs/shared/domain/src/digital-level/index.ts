export * from "./digital-level-questionnaire";
export * from "./digital-level-scenes";
export * from "./digital-level-rule";
export * from "./maturity-level";
export * from "./digital-level-answers";
export * from "./digital-level-scoring";
