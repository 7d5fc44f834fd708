package reports

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/analyzer"
)

// The findings table above maxBoxedRows, written a finding at a time, is
// byte for byte the table titledTable writes from every row at once: piped
// (messages wrapped, then joined) and at terminal widths (lines cut).
func TestPlainFindingTableEqualsWholeTable(t *testing.T) {
	a := fixtureAudit(t)
	fs := a.Findings.Slice()
	for i := 0; i <= maxBoxedRows; i++ {
		fs = append(fs, analyzer.Finding{RuleID: "privileged", Severity: analyzer.Severity(1 + i%4), Unverified: i%7 == 0,
			Account: "123456789012", Region: "eu-west-1", Cluster: fmt.Sprintf("clüster-%d", i%3), Service: fmt.Sprintf("svc-%d", i),
			TaskDefinition: fmt.Sprintf("family-%04d:1", i), Container: strings.Repeat("c", i%40),
			Path:    fmt.Sprintf("containerDefinitions[%d].privileged", i%11),
			Message: strings.Repeat("a long message that goes on ", i%9) + strings.Repeat("ünbrokenword", i%13) + " end"})
	}
	a.Findings = analyzer.NewFindings(fs)
	for _, width := range []int{0, 80, 200} {
		a.Screen.Width = width
		var streamed, whole bytes.Buffer
		if err := plainFindingTable(&streamed, a); err != nil {
			t.Fatal(err)
		}
		if err := titledTable(&whole, a.Screen, "Findings", findingHeader, findingRows(a.place(), a.Findings.All(), a.Screen), 0); err != nil {
			t.Fatal(err)
		}
		if streamed.String() != whole.String() {
			s, w := strings.Split(streamed.String(), "\n"), strings.Split(whole.String(), "\n")
			for i := range min(len(s), len(w)) {
				if s[i] != w[i] {
					t.Fatalf("width %d, line %d:\nstreamed %q\nwhole    %q", width, i, s[i], w[i])
				}
			}
			t.Fatalf("width %d: %d lines streamed, %d whole", width, len(s), len(w))
		}
	}
}
