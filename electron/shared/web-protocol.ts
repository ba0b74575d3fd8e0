/**
 * How the window talks to the local web host (electron/web) over loopback HTTP. Shared so the
 * server and the renderer's web bridge cannot drift apart. Dependency-free constants only.
 *
 * 1. The host prints `http://127.0.0.1:<port>/#token=<token>`; the token is random per launch,
 *    travels in the fragment (never sent in a request line or logged by proxies) and works once.
 * 2. The page POSTs WEB_SESSION_PATH with `Authorization: Bearer <token>`; the host answers 204 and
 *    sets SESSION_COOKIE (HttpOnly, SameSite=Strict, Path=/). The page then drops the fragment.
 * 3. Each contract method is `POST WEB_API_PREFIX + <channel>` with a JSON body `{ "input": … }`
 *    and `Content-Type: application/json`; the answer is the contract's Result envelope as JSON.
 * 4. Events arrive on `GET WEB_EVENTS_PATH` (Server-Sent Events): `event: <channel>` and
 *    `data: <payload JSON>`.
 * Every request must carry a Host of 127.0.0.1:<port> or localhost:<port>; every request that
 * changes anything must carry an Origin equal to the page's own.
 */
export const WEB_SESSION_PATH = '/session'
export const WEB_API_PREFIX = '/api/'
export const WEB_EVENTS_PATH = '/events'
export const SESSION_COOKIE = 'keyhold_session'
export const TOKEN_FRAGMENT_KEY = 'token'
