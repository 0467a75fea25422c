// Lock and stall-check periods short enough that a killed worker's job comes back within seconds.
export const TEST_LOCK_MS = 3_000;
export const TEST_STALLED_INTERVAL_MS = 1_000;
