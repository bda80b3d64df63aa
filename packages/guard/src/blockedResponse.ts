/** The API's answer to a refused request. It never repeats the request's text. */
export interface BlockedResponse {
  readonly suggestions: readonly [];
  readonly status: "blocked";
  readonly message: "Request contains inappropriate content";
}

/** What apps return for a request the input policy refuses. */
export const BLOCKED_RESPONSE: BlockedResponse = Object.freeze({
  suggestions: Object.freeze([]) as unknown as readonly [],
  status: "blocked",
  message: "Request contains inappropriate content",
});
