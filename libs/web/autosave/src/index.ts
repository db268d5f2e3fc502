/**
 * Autosaved editing for every form that edits a record over time (实施方案, 改造信息表, and the task books and
 * acceptance forms to come): a revisioned draft saved after a pause or on demand, a browser backup per user and record,
 * merging with whoever saved meanwhile, the save status line and the merge view.
 */
export {
  Autosaver,
  type AutosaveNotice,
  type AutosaverOptions,
  type AutosaveSnapshot,
  type PendingMerge,
  type SaveAnswer,
  type SaveInput,
  type SaveStatus as SaveStatusValue,
  type ServerVersion,
} from "./autosaver";
export {
  backupKey,
  browserStorage,
  decideBackup,
  readBackup,
  removeBackup,
  writeBackup,
  type BackupDecision,
  type BackupStorage,
  type DraftBackup,
  type DraftParser,
} from "./backup-store";
export { draftFingerprint, sameDraft } from "./draft-fingerprint";
export { useAutosave, type Autosave } from "./useAutosave";
export { SaveStatus } from "./SaveStatus";
export { MergeView, type ConflictDescription, type MergeViewLabels } from "./MergeView";
