import { connectParent } from './parent-channel';
import { startWorkerHost } from './worker-host';

// Entry of the engine process: Electron's utilityProcess in the app, `child_process.fork` in tests.
// Uncaught errors are left to crash the process on purpose: the supervisor in main restarts it.
startWorkerHost(connectParent(process), { exit: (code) => process.exit(code) });
