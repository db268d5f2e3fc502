// Standalone development page of this remote (vite dev on :4201); in production the shell mounts ./App.
import { mountStandalone } from "@dtpilot/app-root";
import * as remote from "./App";

mountStandalone(document.getElementById("root"), "county", remote);
