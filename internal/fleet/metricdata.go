package fleet

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// MetricDataQueryIDs are the GetMetricData query Ids an export of
// `aws cloudwatch get-metric-data` is read by, each naming one figure of
// ServiceMetrics. An Id may carry a prefix ending in "_" (s1_cpu_max) so
// that several services fit one call; the query's Label names the service
// as CLUSTER/SERVICE/DAYS. The *_max Ids are read with a one-day period
// (cpu_max's days with data show the gaps), the others with one period
// spanning the window. README.md gives the commands.
var MetricDataQueryIDs = []string{
	"cpu_max", "cpu_p99", "cpu_avg", "mem_max", "mem_p99", "mem_avg", "tasks_avg",
	"ci_cpu_max", "ci_cpu_p99", "ci_cpu_avg", "ci_mem_max", "ci_mem_p99", "ci_mem_avg",
}

// setMetric stores the values of one query in m.
func setMetric(m *ServiceMetrics, id string, v []float64) {
	ins := func() *InsightsMetrics {
		if m.Insights == nil {
			m.Insights = &InsightsMetrics{}
		}
		return m.Insights
	}
	switch id {
	case "cpu_max":
		m.CPUMax, m.DaysWithData = maxValue(v), intPtr(len(v))
	case "cpu_p99":
		m.CPUP99 = firstValue(v)
	case "cpu_avg":
		m.CPUAverage = firstValue(v)
	case "mem_max":
		m.MemoryMax = maxValue(v)
	case "mem_p99":
		m.MemoryP99 = firstValue(v)
	case "mem_avg":
		m.MemoryAverage = firstValue(v)
	case "tasks_avg":
		m.TasksAverage = firstValue(v)
	case "ci_cpu_max":
		ins().CPUMax = maxValue(v)
	case "ci_cpu_p99":
		ins().CPUP99 = firstValue(v)
	case "ci_cpu_avg":
		ins().CPUAverage = firstValue(v)
	case "ci_mem_max":
		ins().MemoryMax = maxValue(v)
	case "ci_mem_p99":
		ins().MemoryP99 = firstValue(v)
	case "ci_mem_avg":
		ins().MemoryAverage = firstValue(v)
	}
}

func intPtr(v int) *int { return &v }

func firstValue(v []float64) *float64 {
	if len(v) == 0 {
		return nil
	}
	x := v[0]
	return &x
}

func maxValue(v []float64) *float64 {
	if len(v) == 0 {
		return nil
	}
	x := v[0]
	for _, y := range v[1:] {
		x = max(x, y)
	}
	return &x
}

// queryID finds which figure an Id names: the whole Id, or what follows a
// prefix ending in "_".
func queryID(id string) (string, bool) {
	// Longest first, so that s1_ci_cpu_max is ci_cpu_max, not cpu_max.
	known := slices.SortedFunc(slices.Values(MetricDataQueryIDs), func(a, b string) int { return len(b) - len(a) })
	for _, k := range known {
		if id == k || strings.HasSuffix(id, "_"+k) {
			return k, true
		}
	}
	return "", false
}

// loadMetricData reads `aws cloudwatch get-metric-data` output.
func (l *fileLoad) loadMetricData(file string, top map[string]json.RawMessage, _ []byte) {
	raw, key, _ := member(top, "MetricDataResults")
	var results []struct {
		Id, Label, StatusCode string
		Values                []float64
	}
	if err := json.Unmarshal(raw, &results); err != nil {
		l.diags = append(l.diags, errorf(file, key, "expected a list of metric data results with Id, Label and Values: %v", err))
		return
	}
	byService := map[string]*ServiceMetrics{}
	var order []string
	for i, r := range results {
		path := fmt.Sprintf("%s[%d]", key, i)
		if r.Id == clusterQueryID || strings.HasSuffix(r.Id, "_"+clusterQueryID) {
			l.loadClusterMetric(file, path, r.Label, r.Values)
			continue
		}
		id, ok := queryID(r.Id)
		if !ok {
			l.diags = append(l.diags, Diagnostic{File: file, Path: path + ".Id", Level: LevelWarning,
				Message: fmt.Sprintf("query Id %q is none of %s (optionally after a prefix ending in _); it is ignored", r.Id, strings.Join(MetricDataQueryIDs, ", "))})
			continue
		}
		cluster, service, days, err := parseMetricLabel(r.Label)
		if err != nil {
			l.diags = append(l.diags, Diagnostic{File: file, Path: path + ".Label", Level: LevelWarning, Message: err.Error() + "; it is ignored"})
			continue
		}
		if r.StatusCode != "" && r.StatusCode != "Complete" {
			l.diags = append(l.diags, Diagnostic{File: file, Path: path + ".StatusCode", Level: LevelWarning,
				Message: fmt.Sprintf("status %s: CloudWatch did not return all of %s's data; the figure may be short", r.StatusCode, r.Id)})
		}
		k := cluster + "/" + service
		m, ok := byService[k]
		if !ok {
			m = &ServiceMetrics{Days: days, cluster: cluster, service: service, file: file, path: path}
			byService[k] = m
			order = append(order, k)
		}
		setMetric(m, id, r.Values)
	}
	l.warnUnknownTop(file, top, "MetricDataResults", "Messages")
	for _, k := range order {
		m := *byService[k]
		l.add(func(b *builder) { b.fleet.Metrics = append(b.fleet.Metrics, m) })
	}
}

// clusterQueryID is the Id of a cluster's average container instance
// count (ECS/ContainerInsights ContainerInstanceCount, Average, one period
// spanning the window); its Label is CLUSTER/DAYS.
const clusterQueryID = "instances_avg"

func (l *fileLoad) loadClusterMetric(file, path, label string, values []float64) {
	parts := strings.Split(label, "/")
	days := 0
	if len(parts) == 2 {
		days, _ = strconv.Atoi(parts[1])
	}
	if len(parts) != 2 || parts[0] == "" || days <= 0 {
		l.diags = append(l.diags, Diagnostic{File: file, Path: path + ".Label", Level: LevelWarning,
			Message: fmt.Sprintf("label %q is not CLUSTER/DAYS (an %s query names its cluster and the window's days, e.g. web/14); it is ignored", label, clusterQueryID)})
		return
	}
	m := ClusterMetrics{Days: days, InstancesAverage: firstValue(values), cluster: parts[0], file: file, path: path}
	l.add(func(b *builder) { b.fleet.ClusterMetrics = append(b.fleet.ClusterMetrics, m) })
}

// parseMetricLabel reads a query Label, CLUSTER/SERVICE/DAYS.
func parseMetricLabel(label string) (cluster, service string, days int, err error) {
	parts := strings.Split(label, "/")
	if len(parts) == 3 {
		days, err = strconv.Atoi(parts[2])
		if err == nil && days > 0 && parts[0] != "" && parts[1] != "" {
			return parts[0], parts[1], days, nil
		}
	}
	return "", "", 0, fmt.Errorf("label %q is not CLUSTER/SERVICE/DAYS (the query's Label names the service and the window's days, e.g. web/api/14)", label)
}
