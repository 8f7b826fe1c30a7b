/** Limits of the derivation panels' feed (see `InspectRequest` in protocol.ts). */
/** Largest vocabulary whose weight matrices an example frame carries. */
export const WEIGHTS_MAX_WORDS = 400;
/** Above this vocabulary size a softmax trace drops its per-word arrays (scores, ŷ, ŷ − y). */
export const SOFTMAX_FULL_MAX_WORDS = 1000;
/** Minimum time between two examples shown while training (a readable pace, not 30 Hz). */
export const INSPECT_EVERY_MS = 1000;
