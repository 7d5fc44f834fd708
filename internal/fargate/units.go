package fargate

import (
	"fmt"
	"strconv"
	"strings"
)

// ParseCPU reads a task-level cpu value: CPU units ("1024") or the vCPU
// form the API also accepts ("1 vCPU", ".25 vcpu").
func ParseCPU(s string) (int, error) {
	v := strings.ToLower(strings.TrimSpace(s))
	if n, err := strconv.Atoi(v); err == nil {
		return n, nil
	}
	if num, ok := strings.CutSuffix(v, "vcpu"); ok {
		f, err := strconv.ParseFloat(strings.TrimSpace(num), 64)
		if err == nil && f > 0 {
			return int(f*1024 + 0.5), nil
		}
	}
	return 0, fmt.Errorf("cpu %q is neither CPU units (e.g. 1024) nor vCPU (e.g. \"1 vCPU\")", s)
}

// ParseMemory reads a task-level memory value: MiB ("2048") or the GB form
// the API also accepts ("2GB", "0.5 gb"; 1 GB = 1024 MiB there).
func ParseMemory(s string) (int, error) {
	v := strings.ToLower(strings.TrimSpace(s))
	if n, err := strconv.Atoi(v); err == nil {
		return n, nil
	}
	if num, ok := strings.CutSuffix(v, "gb"); ok {
		f, err := strconv.ParseFloat(strings.TrimSpace(num), 64)
		if err == nil && f > 0 {
			return int(f*1024 + 0.5), nil
		}
	}
	return 0, fmt.Errorf("memory %q is neither MiB (e.g. 2048) nor GB (e.g. \"2GB\")", s)
}
