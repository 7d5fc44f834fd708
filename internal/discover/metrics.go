package discover

import (
	"context"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	cwtypes "github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// getMetricDataMax is the most queries one GetMetricData call takes.
const getMetricDataMax = 500

// metricQueries are the figures kept per service: the maximum and the 99th
// percentile of CPU and memory utilisation over the window (AWS/ECS), and
// the average number of running tasks (Container Insights; no data where
// it is off).
var metricQueries = []struct{ namespace, metric, stat, field string }{
	{"AWS/ECS", "CPUUtilization", "Maximum", "cpuMax"},
	{"AWS/ECS", "CPUUtilization", "p99", "cpuP99"},
	{"AWS/ECS", "MemoryUtilization", "Maximum", "memMax"},
	{"AWS/ECS", "MemoryUtilization", "p99", "memP99"},
	{"ECS/ContainerInsights", "RunningTaskCount", "Average", "tasksAverage"},
}

type serviceRef struct{ arn, cluster, name string }

// metrics reads AWS/ECS utilisation for the services, packing as many
// queries into each GetMetricData call as it takes. One period spanning
// the whole window gives one value per statistic.
func (r *reader) metrics(ctx context.Context, services []serviceRef) {
	if r.opts.MetricsDays <= 0 || len(services) == 0 {
		return
	}
	end := r.opts.now().Truncate(time.Hour)
	start := end.Add(-time.Duration(r.opts.MetricsDays) * 24 * time.Hour)
	perCall := getMetricDataMax / len(metricQueries)
	batches := chunks(services, perCall)
	parallel(len(batches), func(i int) {
		r.metricsBatch(ctx, batches[i], start, end)
	})
}

func (r *reader) metricsBatch(ctx context.Context, services []serviceRef, start, end time.Time) {
	period := int32(end.Sub(start) / time.Second)
	var queries []cwtypes.MetricDataQuery
	for i, s := range services {
		for j, q := range metricQueries {
			queries = append(queries, cwtypes.MetricDataQuery{
				Id: aws.String(fmt.Sprintf("s%d_%d", i, j)),
				MetricStat: &cwtypes.MetricStat{
					Metric: &cwtypes.Metric{Namespace: aws.String(q.namespace), MetricName: aws.String(q.metric), Dimensions: []cwtypes.Dimension{
						{Name: aws.String("ClusterName"), Value: aws.String(s.cluster)}, {Name: aws.String("ServiceName"), Value: aws.String(s.name)}}},
					Period: aws.Int32(period), Stat: aws.String(q.stat),
				},
			})
		}
	}
	values := map[string]float64{}
	p := cloudwatch.NewGetMetricDataPaginator(r.cw, &cloudwatch.GetMetricDataInput{StartTime: &start, EndTime: &end, MetricDataQueries: queries})
	for p.HasMorePages() {
		var out *cloudwatch.GetMetricDataOutput
		err := r.call(ctx, "cloudwatch", func(ctx context.Context) (err error) { out, err = p.NextPage(ctx); return err })
		if err != nil {
			r.fail("", "cloudwatch:GetMetricData", err)
			return
		}
		for _, res := range out.MetricDataResults {
			if len(res.Values) > 0 {
				values[aws.ToString(res.Id)] = res.Values[0]
			}
		}
	}
	for i, s := range services {
		m := fleet.ServiceMetrics{ServiceArn: s.arn, Days: r.opts.MetricsDays}
		for j, dst := range []**float64{&m.CPUMax, &m.CPUP99, &m.MemoryMax, &m.MemoryP99, &m.TasksAverage} {
			if v, ok := values[fmt.Sprintf("s%d_%d", i, j)]; ok {
				*dst = aws.Float64(v)
			}
		}
		r.col.addMetrics(m)
	}
}
