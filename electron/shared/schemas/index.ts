export * from './checks'
export * from './keys'
export * from './settings'
export * from './vault'
