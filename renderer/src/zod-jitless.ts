import { config } from 'zod'

// zod probes for eval (`Function('')`) the first time a schema parses: the window's CSP refuses it,
// and Chromium reports a violation. Parsing without compiled validators is all the window needs.
// Imported first by main.tsx, as shared modules parse while they load.
config({ jitless: true })
