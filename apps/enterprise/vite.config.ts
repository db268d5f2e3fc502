import { federation } from "@module-federation/vite";
import { remoteViteConfig } from "@dtpilot/ui/federation";
import react from "@vitejs/plugin-react";
import { defineConfig, type UserConfigFnObject } from "vite";

export default defineConfig(remoteViteConfig("enterprise", { federation, react }) as UserConfigFnObject);
