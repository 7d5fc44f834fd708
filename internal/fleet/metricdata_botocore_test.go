package fleet

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/testtool"
)

// The README's query files, filled in, are valid GetMetricData input as
// botocore's own validator judges it.
func TestExampleQueriesAreValidGetMetricDataInput(t *testing.T) {
	py := testtool.Botocore(t, "the get-metric-data query check")
	fill := strings.NewReplacer("__CLUSTER__", "web", "__SERVICE__", "api", "__DAYS__", "14", "__WINDOW__", "1209600")
	for _, name := range []string{"queries.json", "queries-insights.json", "cluster-query.json"} {
		data, err := os.ReadFile(filepath.Join("..", "..", "examples", "cloudwatch", name))
		if err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(py, "-c", validateQueries)
		cmd.Stdin = strings.NewReader(fill.Replace(string(data)))
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("%s: %v\n%s", name, err, out)
		}
	}
}

const validateQueries = `
import datetime, json, sys
import botocore.session
from botocore.validate import ParamValidator
model = botocore.session.get_session().get_service_model("cloudwatch")
report = ParamValidator().validate({"MetricDataQueries": json.load(sys.stdin),
    "StartTime": datetime.datetime(2026, 1, 1), "EndTime": datetime.datetime(2026, 1, 15)},
    model.operation_model("GetMetricData").input_shape)
if report.has_errors():
    sys.exit(report.generate_report())
`
