import type { Store } from './store'

/** What a slice may do: write its own fields (the store refuses others), read the whole store. */
export type SliceSet<S> = (partial: Partial<S> | ((s: Store) => Partial<S>)) => void
export type SliceCreator<S> = (set: SliceSet<S>, get: () => Store) => S
