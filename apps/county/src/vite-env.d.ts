/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** A label for this build (e.g. a release id), shown on the overview when set. */
  readonly VITE_BUILD_LABEL?: string;
}
