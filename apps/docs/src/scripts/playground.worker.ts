// The playground's Worker: validates and runs documents off the main thread, with no widget models.
import { serveRequests } from "./sim-worker-handler";

serveRequests({});
