export * from "./define-workflow";
export * from "./decide-transition";
export * from "./workflow-subject";
