/**
 * 一企一档: the enterprise file 改造信息表 (附2) editor for the county, enterprise and provider apps, each section
 * autosaved-edited on @dtpilot/autosave. A package of its own, bundled by the apps that use it; its imports of
 * @dtpilot/ui reach the page's shared copy, with its tRPC, i18n and ability.
 */
export { EnterpriseFileEditor, type EnterpriseFileEditorProps } from "./EnterpriseFileEditor";
export { FILE_NAMESPACE, fileZhCN, fileEn } from "./file-messages";
export type { FileView, FileSectionMeta, FileEntryView } from "./file-types";
