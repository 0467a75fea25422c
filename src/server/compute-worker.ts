// A computing thread of the server (see compute.ts): opens the store for reading once, then
// answers timeline, signal and upload-annotation jobs, one at a time.
import { openStore } from '../store/index.js';
import { serveRequests } from '../threads.js';
import { compute, Computation, type ComputeAnswer, type ComputeJob, type ComputeThreadData } from './compute.js';

serveRequests<ComputeJob, ComputeAnswer>(async (data) => {
  const { storeLocation } = data as ComputeThreadData;
  const computation = new Computation(await openStore(storeLocation, { readonly: true }));
  return (job) => compute(computation, job);
});
