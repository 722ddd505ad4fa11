// `node simulator/server/main.node.ts [--port N] [--kubeconfig FILE] [--state FILE]`: runs the
// simulator as an API server in the foreground (what `wheelhouse sim start` does).
import { runSimStart } from './sim-start.ts';

process.exitCode = await runSimStart(process.argv.slice(2));
