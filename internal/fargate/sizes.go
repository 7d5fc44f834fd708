// Package fargate holds the Fargate facts that the analyzer, the rewrite and
// the cost model share, so that they can never disagree: the valid task
// sizes and how a need is rounded up to one. It has no dependencies.
package fargate

// Size is a task size: CPU units (1024 = 1 vCPU) and memory in MiB.
type Size struct {
	CPU    int
	Memory int
}

// row is one CPU value of the Fargate table and its memory choices.
type row struct {
	cpu      int
	memories []int
	windows  bool
}

// table is the valid cpu/memory combinations, from
// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-cpu-memory-error.html:
// 74 Linux pairs, 43 Windows pairs.
var table = []row{
	{256, []int{512, 1024, 2048}, false},
	{512, []int{1024, 2048, 3072, 4096}, false},
	{1024, steps(2048, 8192, 1024), true},
	{2048, steps(4096, 16384, 1024), true},
	{4096, steps(8192, 30720, 1024), true},
	{8192, steps(16384, 61440, 4096), false},
	{16384, steps(32768, 122880, 8192), false},
}

func steps(from, to, step int) []int {
	var out []int
	for m := from; m <= to; m += step {
		out = append(out, m)
	}
	return out
}

// Limits of the largest Fargate task.
const (
	MaxCPU           = 16384
	MaxMemory        = 122880
	MaxWindowsCPU    = 4096
	MaxWindowsMemory = 30720
	MinCPU           = 256
	MinWindowsCPU    = 1024
)

// Valid reports whether the pair is an allowed Fargate size for the OS.
func Valid(s Size, windows bool) bool {
	for _, r := range table {
		if r.cpu != s.CPU || windows && !r.windows {
			continue
		}
		for _, m := range r.memories {
			if m == s.Memory {
				return true
			}
		}
	}
	return false
}

// Fit returns the cheapest valid size with at least the CPU and memory
// asked for: the first row (ascending CPU) whose largest memory covers the
// need, with the smallest memory choice ≥ the need. Because a larger CPU
// row also has a larger minimum memory, the first row that fits is the
// cheapest. ok is false when no Fargate size is large enough.
func Fit(need Size, windows bool) (Size, bool) {
	for _, r := range table {
		if windows && !r.windows || r.cpu < need.CPU {
			continue
		}
		for _, m := range r.memories {
			if m >= need.Memory {
				return Size{CPU: r.cpu, Memory: m}, true
			}
		}
	}
	return Size{}, false
}

// Pairs lists every valid size for the OS, ascending.
func Pairs(windows bool) []Size {
	var out []Size
	for _, r := range table {
		if windows && !r.windows {
			continue
		}
		for _, m := range r.memories {
			out = append(out, Size{r.cpu, m})
		}
	}
	return out
}
