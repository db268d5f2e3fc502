import { loadConfig } from "./kernel/config";
import { buildServer } from "./server";
import { closeServices, createServices } from "./kernel/services";

const config = loadConfig();
const services = createServices(config);
const app = await buildServer(services);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, async () => {
    await app.close();
    await closeServices(services);
    process.exit(0);
  });
}

await app.listen({ port: config.port, host: config.host });
