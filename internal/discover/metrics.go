package discover

import (
	"context"
	"fmt"
	"sort"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	cwtypes "github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// getMetricDataMax is the most queries one GetMetricData call takes
// (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetMetricData.html).
const getMetricDataMax = 500

const day = 24 * time.Hour

// metricQuery is one figure kept per service. A daily query reads one
// value per day (its maximum is the window's, and the days that have a
// value show the gaps); the others read one value for the whole window.
type metricQuery struct {
	namespace, metric, stat string
	daily                   bool
	insights                bool // only where the cluster has Container Insights on
	set                     func(m *fleet.ServiceMetrics, values []float64)
}

// metricQueries are the figures kept per service: maximum, 99th percentile
// and average of AWS/ECS CPU and memory utilisation (percent of the
// task's reservation) and, where Container Insights is on, of CpuUtilized
// and MemoryUtilized (CPU units and MiB) and the average running task count.
var metricQueries = []metricQuery{
	{"AWS/ECS", "CPUUtilization", "Maximum", true, false, func(m *fleet.ServiceMetrics, v []float64) {
		m.CPUMax, m.DaysWithData = maxOf(v), aws.Int(len(v))
	}},
	{"AWS/ECS", "CPUUtilization", "p99", false, false, func(m *fleet.ServiceMetrics, v []float64) { m.CPUP99 = first(v) }},
	{"AWS/ECS", "CPUUtilization", "Average", false, false, func(m *fleet.ServiceMetrics, v []float64) { m.CPUAverage = first(v) }},
	{"AWS/ECS", "MemoryUtilization", "Maximum", false, false, func(m *fleet.ServiceMetrics, v []float64) { m.MemoryMax = first(v) }},
	{"AWS/ECS", "MemoryUtilization", "p99", false, false, func(m *fleet.ServiceMetrics, v []float64) { m.MemoryP99 = first(v) }},
	{"AWS/ECS", "MemoryUtilization", "Average", false, false, func(m *fleet.ServiceMetrics, v []float64) { m.MemoryAverage = first(v) }},
	{"ECS/ContainerInsights", "RunningTaskCount", "Average", false, true, func(m *fleet.ServiceMetrics, v []float64) { m.TasksAverage = first(v) }},
	{"ECS/ContainerInsights", "CpuUtilized", "Maximum", false, true, func(m *fleet.ServiceMetrics, v []float64) { insights(m).CPUMax = first(v) }},
	{"ECS/ContainerInsights", "CpuUtilized", "p99", false, true, func(m *fleet.ServiceMetrics, v []float64) { insights(m).CPUP99 = first(v) }},
	{"ECS/ContainerInsights", "CpuUtilized", "Average", false, true, func(m *fleet.ServiceMetrics, v []float64) { insights(m).CPUAverage = first(v) }},
	{"ECS/ContainerInsights", "MemoryUtilized", "Maximum", false, true, func(m *fleet.ServiceMetrics, v []float64) { insights(m).MemoryMax = first(v) }},
	{"ECS/ContainerInsights", "MemoryUtilized", "p99", false, true, func(m *fleet.ServiceMetrics, v []float64) { insights(m).MemoryP99 = first(v) }},
	{"ECS/ContainerInsights", "MemoryUtilized", "Average", false, true, func(m *fleet.ServiceMetrics, v []float64) { insights(m).MemoryAverage = first(v) }},
}

func insights(m *fleet.ServiceMetrics) *fleet.InsightsMetrics {
	if m.Insights == nil {
		m.Insights = &fleet.InsightsMetrics{}
	}
	return m.Insights
}

func first(v []float64) *float64 {
	if len(v) == 0 {
		return nil
	}
	return aws.Float64(v[0])
}

func maxOf(v []float64) *float64 {
	if len(v) == 0 {
		return nil
	}
	m := v[0]
	for _, x := range v[1:] {
		m = max(m, x)
	}
	return aws.Float64(m)
}

type serviceRef struct {
	arn, cluster, name string
	insights           bool // the cluster has Container Insights on
}

// queriesFor lists the queries a service needs: the Container Insights
// ones only where its cluster has it on.
func queriesFor(s serviceRef) []int {
	var out []int
	for i, q := range metricQueries {
		if !q.insights || s.insights {
			out = append(out, i)
		}
	}
	return out
}

// wanted is one query of one service, named by its GetMetricData Id.
type wanted struct {
	id      string
	service int // index into the services; -1 for a cluster's query
	query   int // index into metricQueries
	cluster string
	cwQuery cwtypes.MetricDataQuery
}

// metrics reads the services' utilisation, packing the queries of all
// services into as few GetMetricData calls as the 500-query limit allows.
func (r *reader) metrics(ctx context.Context, services []serviceRef) {
	if r.opts.MetricsDays <= 0 || len(services) == 0 && len(r.insights) == 0 {
		return
	}
	end := r.opts.now().Truncate(time.Hour)
	start := end.Add(-time.Duration(r.opts.MetricsDays) * day)
	window := int32(end.Sub(start) / time.Second)
	var all []wanted
	for i, s := range services {
		_, s.insights = r.insights[s.cluster]
		for _, j := range queriesFor(s) {
			id := fmt.Sprintf("s%d_%d", i, j)
			all = append(all, wanted{id: id, service: i, query: j, cwQuery: serviceQuery(id, s, metricQueries[j], window)})
		}
	}
	all = append(all, r.clusterQueries(window)...)
	batches := chunks(all, getMetricDataMax)
	values := make([]map[string][]float64, len(batches))
	parallel(len(batches), func(i int) {
		values[i] = r.metricsBatch(ctx, batches[i], start, end)
	})
	got := make([]fleet.ServiceMetrics, len(services))
	for i, s := range services {
		got[i] = fleet.ServiceMetrics{ServiceArn: s.arn, Days: r.opts.MetricsDays}
	}
	for b, batch := range batches {
		if values[b] == nil {
			continue // the call failed: a gap is recorded, figures stay nil
		}
		for _, w := range batch {
			if w.service < 0 {
				r.col.addClusterMetrics(fleet.ClusterMetrics{ClusterArn: r.insights[w.cluster], Days: r.opts.MetricsDays,
					InstancesAverage: first(values[b][w.id])})
				continue
			}
			metricQueries[w.query].set(&got[w.service], values[b][w.id])
		}
	}
	for _, m := range got {
		r.col.addMetrics(m)
	}
}

// clusterQueries read, per cluster with Container Insights on, the average
// number of container instances over the window (ContainerInstanceCount),
// so that cost sets the hosts the bill saw against the snapshot's.
func (r *reader) clusterQueries(window int32) []wanted {
	names := make([]string, 0, len(r.insights))
	for name := range r.insights {
		names = append(names, name)
	}
	sort.Strings(names)
	var out []wanted
	for i, name := range names {
		id := fmt.Sprintf("c%d", i)
		out = append(out, wanted{id: id, service: -1, cluster: name, cwQuery: cwtypes.MetricDataQuery{
			Id: aws.String(id),
			MetricStat: &cwtypes.MetricStat{
				Metric: &cwtypes.Metric{Namespace: aws.String("ECS/ContainerInsights"), MetricName: aws.String("ContainerInstanceCount"),
					Dimensions: []cwtypes.Dimension{{Name: aws.String("ClusterName"), Value: aws.String(name)}}},
				Period: aws.Int32(window), Stat: aws.String("Average"),
			},
		}})
	}
	return out
}

func serviceQuery(id string, s serviceRef, q metricQuery, window int32) cwtypes.MetricDataQuery {
	period := window
	if q.daily {
		period = int32(day / time.Second)
	}
	return cwtypes.MetricDataQuery{
		Id: aws.String(id),
		MetricStat: &cwtypes.MetricStat{
			Metric: &cwtypes.Metric{Namespace: aws.String(q.namespace), MetricName: aws.String(q.metric), Dimensions: []cwtypes.Dimension{
				{Name: aws.String("ClusterName"), Value: aws.String(s.cluster)}, {Name: aws.String("ServiceName"), Value: aws.String(s.name)}}},
			Period: aws.Int32(period), Stat: aws.String(q.stat),
		},
	}
}

// metricsBatch runs one GetMetricData call (and its pages) and returns the
// values by query Id, or nil when it failed.
func (r *reader) metricsBatch(ctx context.Context, batch []wanted, start, end time.Time) map[string][]float64 {
	queries := make([]cwtypes.MetricDataQuery, len(batch))
	for i, w := range batch {
		queries[i] = w.cwQuery
	}
	values := map[string][]float64{}
	p := cloudwatch.NewGetMetricDataPaginator(r.cw, &cloudwatch.GetMetricDataInput{StartTime: &start, EndTime: &end, MetricDataQueries: queries})
	for p.HasMorePages() {
		var out *cloudwatch.GetMetricDataOutput
		err := r.call(ctx, "monitoring:GetMetricData", func(ctx context.Context) (err error) { out, err = p.NextPage(ctx); return err })
		if err != nil {
			r.fail("", "cloudwatch:GetMetricData", err)
			return nil
		}
		for _, res := range out.MetricDataResults {
			id := aws.ToString(res.Id)
			values[id] = append(values[id], res.Values...)
		}
	}
	return values
}
