package fleet

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// An export of `aws cloudwatch get-metric-data` for the documented query
// Ids fills the services' metrics by the Label's CLUSTER/SERVICE/DAYS;
// what does not fit is named, file, path and why.
func TestLoadGetMetricDataExport(t *testing.T) {
	f, diags := Load(context.Background(), []string{"testdata/shapes/services.json", "testdata/metricdata/get-metric-data.json"}, nil)
	byName := map[string]*Service{}
	for _, s := range f.Services {
		byName[s.Name()] = s
	}
	web := byName["web"].Metrics
	if web == nil || web.ServiceArn != "arn:aws:ecs:us-east-1:123456789012:service/shop/web" || web.Days != 14 {
		t.Fatalf("web metrics %+v", web)
	}
	// The daily maxima's largest, 14 of 14 days; the window's p99 and
	// average as given; Container Insights' daily maxima's largest.
	if *web.CPUMax != 62.5 || *web.DaysWithData != 14 || *web.CPUP99 != 55.25 || *web.CPUAverage != 30 ||
		*web.MemoryMax != 80.5 || *web.MemoryP99 != 77 || *web.MemoryAverage != 60 || *web.TasksAverage != 2.4 ||
		web.Insights == nil || *web.Insights.CPUMax != 1200 {
		t.Errorf("web metrics %+v insights %+v", web, web.Insights)
	}
	worker := byName["worker"].Metrics
	if worker == nil || *worker.CPUMax != 12 || *worker.DaysWithData != 5 || worker.MemoryMax != nil {
		t.Errorf("worker metrics %+v", worker)
	}
	// The cluster's average host count, by its name (instances_avg).
	for _, c := range f.Clusters {
		if c.Name == "shop" && (c.Metrics == nil || *c.Metrics.InstancesAverage != 1.5 || c.Metrics.Days != 14 ||
			c.Metrics.ClusterArn != "arn:aws:ecs:us-east-1:123456789012:cluster/shop") {
			t.Errorf("shop cluster metrics %+v", c.Metrics)
		}
	}
	if len(f.ClusterMetrics) != 1 {
		t.Errorf("%d cluster metrics kept, want 1", len(f.ClusterMetrics))
	}
	if len(f.Metrics) != 2 {
		t.Errorf("%d metrics kept, want 2 (gone is no service of the inputs)", len(f.Metrics))
	}
	var msgs []string
	for _, d := range diags {
		msgs = append(msgs, d.String())
	}
	all := strings.Join(msgs, "\n")
	for _, want := range []string{
		`MetricDataResults[8].StatusCode: status PartialData`,
		`MetricDataResults[10].Id: query Id "oops" is none of`,
		`MetricDataResults[11].Id: query Id "web_cpu_p98"`,
		`MetricDataResults[12].Label: label "shop-web-14" is not CLUSTER/SERVICE/DAYS`,
		`MetricDataResults[13].Label: metrics for service gone in cluster shop: no such service among the inputs`,
		`MetricDataResults[15].Label: host count for cluster nowhere: no cluster of that name is among the inputs`,
		`MetricDataResults[16].Label: label "shop" is not CLUSTER/DAYS`,
	} {
		if !strings.Contains(all, want) {
			t.Errorf("diagnostics lack %q:\n%s", want, all)
		}
	}
}

// The query files the README's commands send ask for exactly the Ids the
// loader reads, labelled as it expects, the maxima per day.
func TestExampleQueriesMatchTheLoader(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "examples", "cloudwatch", "cluster-query.json"))
	if err != nil {
		t.Fatal(err)
	}
	filled := strings.NewReplacer("__CLUSTER__", "web", "__DAYS__", "14", "__WINDOW__", "1209600").Replace(string(data))
	var cq []struct{ Id, Label string }
	if err := json.Unmarshal([]byte(filled), &cq); err != nil || len(cq) != 1 || cq[0].Id != clusterQueryID || cq[0].Label != "web/14" {
		t.Errorf("cluster-query.json: %+v %v", cq, err)
	}
	for file, want := range map[string]int{"queries.json": 6, "queries-insights.json": len(MetricDataQueryIDs)} {
		data, err := os.ReadFile(filepath.Join("..", "..", "examples", "cloudwatch", file))
		if err != nil {
			t.Fatal(err)
		}
		filled := strings.NewReplacer("__CLUSTER__", "web", "__SERVICE__", "api", "__DAYS__", "14", "__WINDOW__", "1209600").Replace(string(data))
		var queries []struct {
			Id, Label  string
			MetricStat struct{ Period int }
		}
		if err := json.Unmarshal([]byte(filled), &queries); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		if len(queries) != want {
			t.Errorf("%s: %d queries, want %d", file, len(queries), want)
		}
		for _, q := range queries {
			id, ok := queryID(q.Id)
			c, s, d, err := parseMetricLabel(q.Label)
			daily := strings.HasSuffix(id, "_max")
			if !ok || err != nil || c != "web" || s != "api" || d != 14 || daily != (q.MetricStat.Period == 86400) {
				t.Errorf("%s: query %+v", file, q)
			}
		}
	}
}
