package main

import "syscall"

// maxRSSBytes converts ru_maxrss, which macOS counts in bytes.
func maxRSSBytes(ru *syscall.Rusage) int64 { return ru.Maxrss }
