// The desktop host (hardened window, ipcMain bound to core's handlers with the sender checked)
// arrives with the window issue; core already answers every contract method in plain Node.
export {}
