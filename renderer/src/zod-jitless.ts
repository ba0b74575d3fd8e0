import { z } from 'zod'

// Zod compiles a fast parser for each object schema with `new Function` where eval is allowed,
// and finds out by trying it once, as the first object schema is built. The window's CSP has no
// 'unsafe-eval', so in here that try only raises a CSP violation (on the way to the first
// screen) before Zod falls back to the parser it uses anyway. Imported first by main.tsx, so
// this runs before any schema is built.
z.config({ jitless: true })
