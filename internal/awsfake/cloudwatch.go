package awsfake

import (
	"net/http"
	"strings"
	"time"

	"github.com/aws/smithy-go/encoding/cbor"
)

// Utilisation is what the fake reports for one service: statistic name
// ("Maximum", "p99") → value, per metric ("CPUUtilization", "MemoryUtilization").
type Utilisation map[string]map[string]float64

// cborProtocol is Smithy RPC v2 CBOR, which CloudWatch clients speak by
// default since cloudwatch v1.53.0.
type cborProtocol struct{}

func (cborProtocol) writeError(w http.ResponseWriter, status int, code, msg string) {
	w.Header().Set("Smithy-Protocol", "rpc-v2-cbor")
	w.Header().Set("Content-Type", "application/cbor")
	// CloudWatch is query-compatible: the error code travels in this header.
	w.Header().Set("X-Amzn-Query-Error", code+";Sender")
	w.WriteHeader(status)
	w.Write(cbor.Encode(cbor.Map{"__type": cbor.String(code), "message": cbor.String(msg)}))
}

func (p cborProtocol) throttle(w http.ResponseWriter) {
	p.writeError(w, http.StatusBadRequest, "Throttling", "Rate exceeded")
}

func (s *Server) cwGetMetricData(w http.ResponseWriter, req request, e *Estate) *apiError {
	v, err := cbor.Decode([]byte(req.body))
	in, ok := v.(cbor.Map)
	if err != nil || !ok {
		return &apiError{code: "InvalidParameterValue", msg: "body is not a CBOR map"}
	}
	queries, _ := in["MetricDataQueries"].(cbor.List)
	if len(queries) > 500 {
		return &apiError{code: "InvalidParameterValue", msg: "at most 500 MetricDataQueries"}
	}
	var results cbor.List
	for _, q := range queries {
		id, value, found := metricFor(e, q)
		res := cbor.Map{"Id": cbor.String(id), "StatusCode": cbor.String("Complete"), "Label": cbor.String(id)}
		if found {
			res["Timestamps"] = cbor.List{&cbor.Tag{ID: 1, Value: cbor.Float64(float64(time.Now().Unix()))}}
			res["Values"] = cbor.List{cbor.Float64(value)}
		} else {
			res["Timestamps"], res["Values"] = cbor.List{}, cbor.List{}
		}
		results = append(results, res)
	}
	w.Header().Set("Smithy-Protocol", "rpc-v2-cbor")
	w.Header().Set("Content-Type", "application/cbor")
	w.Write(cbor.Encode(cbor.Map{"MetricDataResults": results}))
	return nil
}

// metricFor answers one query from the estate's utilisation figures.
func metricFor(e *Estate, q cbor.Value) (id string, value float64, found bool) {
	m, _ := q.(cbor.Map)
	id = cborString(m["Id"])
	stat, _ := m["MetricStat"].(cbor.Map)
	metric, _ := stat["Metric"].(cbor.Map)
	dims := map[string]string{}
	list, _ := metric["Dimensions"].(cbor.List)
	for _, d := range list {
		dm, _ := d.(cbor.Map)
		dims[cborString(dm["Name"])] = cborString(dm["Value"])
	}
	u, ok := e.Metrics[dims["ClusterName"]+"/"+dims["ServiceName"]]
	if !ok {
		return id, 0, false
	}
	value, found = u[cborString(metric["MetricName"])][cborString(stat["Stat"])]
	return id, value, found
}

func cborString(v cbor.Value) string {
	s, _ := v.(cbor.String)
	return string(s)
}

// operationFromPath reads the operation of an RPC v2 request path
// (/service/NAME/operation/OP).
func operationFromPath(path string) string {
	if i := strings.LastIndex(path, "/operation/"); i >= 0 {
		return path[i+len("/operation/"):]
	}
	return ""
}
