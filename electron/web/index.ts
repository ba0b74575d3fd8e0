export { startWebHost, LOOPBACK_HOST, type WebHost, type WebHostOptions } from './server'
export { DEFAULT_RENDERER_DIR } from './project-paths'
