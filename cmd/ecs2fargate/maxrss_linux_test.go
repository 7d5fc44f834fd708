package main

import "syscall"

// maxRSSBytes converts ru_maxrss, which Linux counts in kilobytes.
func maxRSSBytes(ru *syscall.Rusage) int64 { return ru.Maxrss << 10 }
