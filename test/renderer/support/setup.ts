import { configure } from '@testing-library/react'

// These tests drive a real core (a real SQLite file, real HTTP to the sandboxes): on a busy
// machine an answer can take longer than Testing Library's 1 s default for findBy and waitFor.
// Waiting longer changes no outcome, only how long a wrong one takes to fail.
configure({ asyncUtilTimeout: 10_000 })
