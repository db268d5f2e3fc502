import { webTestConfig } from "@dtpilot/ui/vitest-config";

export default webTestConfig();
