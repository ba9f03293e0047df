package main

import (
	"os"
	"syscall"
)

// Sellermail.exe is linked as a GUI program (-H windowsgui), so a double
// click opens no console window. Started from a terminal, it attaches to that
// terminal's console, so 'Sellermail.exe lint …' prints there; output
// redirected to a file or pipe keeps its handle.
func init() {
	attach := syscall.NewLazyDLL("kernel32.dll").NewProc("AttachConsole")
	const attachParentProcess = ^uintptr(0) // ATTACH_PARENT_PROCESS (-1)
	if r, _, _ := attach.Call(attachParentProcess); r == 0 {
		return // no parent console: started from Explorer
	}
	reopen := func(std int, name string, flag int, f **os.File) {
		if h, err := syscall.GetStdHandle(std); err == nil && h != 0 && h != syscall.InvalidHandle {
			return
		}
		if c, err := os.OpenFile(name, flag, 0); err == nil {
			*f = c
		}
	}
	reopen(syscall.STD_INPUT_HANDLE, "CONIN$", os.O_RDWR, &os.Stdin)
	reopen(syscall.STD_OUTPUT_HANDLE, "CONOUT$", os.O_RDWR, &os.Stdout)
	reopen(syscall.STD_ERROR_HANDLE, "CONOUT$", os.O_RDWR, &os.Stderr)
}
