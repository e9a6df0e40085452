// Entry of a `puente ingest` worker thread: plain JavaScript, so Node can start it without a loader; it
// registers tsx (as bin/puente.js does) and runs the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./prepare-worker.ts');
