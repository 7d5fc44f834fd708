package awsfake

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Utilisation is what the fake reports for one service (key
// "cluster/service") or cluster (key "cluster"): statistic name
// ("Maximum", "p99", "Average") → value, per metric ("CPUUtilization",
// "CpuUtilized", "RunningTaskCount", …). A query whose period is shorter
// than its window gets one value per period, each the statistic's value,
// for the most recent Estate.MetricDays periods (all of them when unset).
type Utilisation map[string]map[string]float64

const cloudwatchXMLNS = "http://monitoring.amazonaws.com/doc/2010-08-01/"

// cwGetMetricData answers GetMetricData in awsQuery, the protocol the
// discovery's CloudWatch client speaks (and the one moto understands).
func (s *Server) cwGetMetricData(w http.ResponseWriter, req request, e *Estate) *apiError {
	form, err := parseForm(req.body)
	if err != nil {
		return &apiError{code: "InvalidParameterValue", msg: "body is not a form"}
	}
	start, err1 := time.Parse(time.RFC3339, form.Get("StartTime"))
	end, err2 := time.Parse(time.RFC3339, form.Get("EndTime"))
	if err1 != nil || err2 != nil || !end.After(start) {
		return &apiError{code: "InvalidParameterValue", msg: "StartTime and EndTime must be ISO 8601 times, StartTime first"}
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<GetMetricDataResponse xmlns="%s"><GetMetricDataResult><MetricDataResults>`, cloudwatchXMLNS)
	n := 0
	for i := 1; ; i++ {
		prefix := fmt.Sprintf("MetricDataQueries.member.%d.", i)
		id := form.Get(prefix + "Id")
		if id == "" {
			break
		}
		if n++; n > 500 {
			return &apiError{code: "InvalidParameterValue", msg: "at most 500 MetricDataQueries"}
		}
		writeMetricResult(&b, id, metricValues(e, form, prefix+"MetricStat.", start, end))
	}
	fmt.Fprint(&b, `</MetricDataResults><Messages/></GetMetricDataResult><ResponseMetadata><RequestId>fake</RequestId></ResponseMetadata></GetMetricDataResponse>`)
	writeXML(w, b.String())
	return nil
}

type datapoint struct {
	at    time.Time
	value float64
}

// metricValues answers one query from the estate's figures.
func metricValues(e *Estate, form url.Values, stat string, start, end time.Time) []datapoint {
	dims := map[string]string{}
	for j := 1; ; j++ {
		p := fmt.Sprintf("%sMetric.Dimensions.member.%d.", stat, j)
		name := form.Get(p + "Name")
		if name == "" {
			break
		}
		dims[name] = form.Get(p + "Value")
	}
	key := dims["ClusterName"]
	if svc, ok := dims["ServiceName"]; ok {
		key += "/" + svc
	}
	value, found := e.Metrics[key][form.Get(stat+"Metric.MetricName")][form.Get(stat+"Stat")]
	if !found {
		return nil
	}
	period, _ := strconv.Atoi(form.Get(stat + "Period"))
	if period <= 0 {
		return nil
	}
	step := time.Duration(period) * time.Second
	periods := int(end.Sub(start) / step)
	if periods == 0 {
		periods = 1
	}
	have := periods
	if d, ok := e.MetricDays[key]; ok {
		have = min(d, periods) // a whole-window query has 1 period: any day of data gives it
	}
	var out []datapoint
	for p := periods - have; p < periods; p++ {
		out = append(out, datapoint{at: start.Add(time.Duration(p) * step), value: value})
	}
	return out
}

func writeMetricResult(b *strings.Builder, id string, points []datapoint) {
	fmt.Fprintf(b, "<member><Id>%s</Id><Label>%s</Label><StatusCode>Complete</StatusCode><Timestamps>", xmlEscape(id), xmlEscape(id))
	// CloudWatch returns the newest datapoint first (ScanBy TimestampDescending).
	for i := len(points) - 1; i >= 0; i-- {
		fmt.Fprintf(b, "<member>%s</member>", points[i].at.UTC().Format(time.RFC3339))
	}
	b.WriteString("</Timestamps><Values>")
	for i := len(points) - 1; i >= 0; i-- {
		fmt.Fprintf(b, "<member>%s</member>", strconv.FormatFloat(points[i].value, 'g', -1, 64))
	}
	b.WriteString("</Values></member>")
}
