/**
 * Token-counting worker thread (built to dist/tokenWorker.js). Keeps one PieceCounter per
 * encoding, so its rank map and piece memo serve every later batch.
 */
import { parentPort } from 'node:worker_threads';
import type { Encoding } from '../types';
import { PieceCounter } from './pieceCounter';
import type { CountRequest, CountResponse } from './workerProtocol';

const counters = new Map<Encoding, PieceCounter>();

function counterFor(encoding: Encoding): PieceCounter {
  let counter = counters.get(encoding);
  if (!counter) counters.set(encoding, (counter = new PieceCounter(encoding)));
  return counter;
}

parentPort?.on('message', (request: CountRequest) => {
  let response: CountResponse;
  try {
    const counter = counterFor(request.encoding);
    response = { id: request.id, counts: request.texts.map((t) => counter.count(t)) };
  } catch (error) {
    response = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(response);
});
