/**
 * How the window talks to the local web host (electron/web) over loopback HTTP. Shared so the
 * server and the renderer's web bridge cannot drift apart. Dependency-free constants only.
 *
 * 1. The host prints `http://127.0.0.1:<port>/#token=<token>`; the token is random, travels in the
 *    fragment (never sent in a request line or logged by proxies) and works once.
 * 2. The page POSTs WEB_SESSION_PATH with `Authorization: Bearer <token>`; the host answers
 *    `{ ok: true, value: { session } }`. The page keeps `session` in sessionStorage under
 *    SESSION_STORAGE_KEY and drops the fragment. No cookie is ever set: browsers send a
 *    127.0.0.1 cookie to every port of 127.0.0.1, while sessionStorage belongs to this scheme,
 *    host and port (and this tab) alone.
 * 3. Each contract method is `POST WEB_API_PREFIX + <channel>` with the SESSION_HEADER, a JSON body
 *    `{ "input": … }` and `Content-Type: application/json`; the answer is the contract's Result
 *    envelope as JSON.
 * 4. Events arrive on `GET WEB_EVENTS_PATH` with the SESSION_HEADER (the page reads it with
 *    fetch, since EventSource cannot send headers), in Server-Sent Events format:
 *    `event: <channel>` and `data: <payload JSON>`.
 * 5. A session ends when the host stops, when the vault locks itself for lack of use, and after
 *    SESSION_IDLE_MS without a request. Then every call answers 401 and the host prints a new
 *    one-time address in its terminal.
 * 6. Files (DESIGN.md, "Files in and out"): the page uploads a file the person picked with
 *    `POST WEB_FILES_PATH`, the SESSION_HEADER, `Content-Type: application/octet-stream`, the
 *    file's own name URI-encoded in FILE_NAME_HEADER and its bytes as the body (at most
 *    MAX_FILE_BYTES, refused from its declared length with FILE_TOO_LARGE); the answer is the
 *    Result envelope of a FileRef, as `keyhold:files.choose` answers in the desktop app. A file
 *    core made is fetched once with `GET WEB_FILES_PATH/<fileId>` and the SESSION_HEADER; its
 *    name comes back in FILE_NAME_HEADER (and Content-Disposition).
 * Every request must carry a Host of 127.0.0.1:<port> or localhost:<port>; every request that
 * changes anything must carry an Origin equal to the page's own.
 */
export const WEB_SESSION_PATH = '/session'
export const WEB_API_PREFIX = '/api/'
export const WEB_EVENTS_PATH = '/events'
export const WEB_FILES_PATH = '/files'
export const FILE_NAME_HEADER = 'X-Keyhold-File-Name'
export const SESSION_HEADER = 'X-Keyhold-Session'
export const SESSION_STORAGE_KEY = 'keyhold.session'
export const TOKEN_FRAGMENT_KEY = 'token'
/** A session nobody has used for this long has ended, even while the vault stays locked. */
export const SESSION_IDLE_MS = 30 * 60 * 1000
