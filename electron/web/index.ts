// The local web host (the contract over loopback HTTP) arrives with the window issue.
export {}
