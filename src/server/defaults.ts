// The server's default limits, in a module of their own so that `chronicle serve --help` can show
// them without loading the server.

/** Largest request body (an upload), in bytes: `chronicle serve --max-upload-mb`. */
export const DEFAULT_BODY_LIMIT = 20 * 1024 * 1024;

/** Files one upload may carry: `chronicle serve --max-files`. */
export const DEFAULT_MAX_FILES = 50;

export interface RequestLimits {
  /** Requests per minute per client address, uploads aside; 0 for no limit. */
  requestsPerMinute: number;
  /** Uploads per minute per client address; 0 for no limit. */
  uploadsPerMinute: number;
  /** Uploads waiting behind the one being processed; more are answered 503. */
  queuedUploads: number;
}

export const DEFAULT_LIMITS: RequestLimits = {
  // A person clicking through timelines makes a few requests a second at most; loading the page is 8.
  requestsPerMinute: 600,
  // Each upload annotates its articles, which takes the CPU: a batch belongs in one request.
  uploadsPerMinute: 30,
  queuedUploads: 4,
};
