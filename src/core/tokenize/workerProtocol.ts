import type { Encoding } from '../types';

/** A batch of texts for a token worker to count. */
export interface CountRequest {
  id: number;
  encoding: Encoding;
  texts: string[];
}

/** A token worker's answer to one CountRequest. */
export type CountResponse = { id: number; counts: number[] } | { id: number; error: string };
