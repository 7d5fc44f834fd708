package rewrite

import (
	"context"
	"encoding/json"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/analyzer"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/internal/iac/cloudformation"
	"github.com/ecs2fargate/ecs2fargate/internal/iac/terraform"
)

// TestAuditedServicesAreTheirOwnAudit: on every service of the demo fleet,
// a generated one, the service rewrite's golden cases and the public
// infrastructure code under testdata/iac (whose services all leave a
// value unknown),
// the audit's findings are taken exactly where the service's documents
// leave nothing unknown, and there the fixes ask for the same settings as
// with the service audited again (analyzer.CheckAsIfKnown), and the
// service rewrite, preview or not, is the same.
func TestAuditedServicesAreTheirOwnAudit(t *testing.T) {
	fleets := auditedFleets(t)
	for _, code := range []struct {
		dir string
		tr  fleet.Translator
	}{{"terraform", terraform.Translator{}}, {"cloudformation", cloudformation.Translator{}}} {
		dirs, err := filepath.Glob(filepath.Join("..", "testdata", "iac", code.dir, "*"))
		if err != nil {
			t.Fatal(err)
		}
		f, _ := fleet.LoadWith(context.Background(), dirs, strings.NewReader(""), fleet.LoadOptions{Translators: []fleet.Translator{code.tr}})
		if len(f.Services) == 0 {
			t.Fatalf("no service loaded from testdata/iac/%s", code.dir)
		}
		fleets[code.dir] = f
	}
	for _, dir := range svcCaseDirs(t) {
		f, _ := svcLoadCase(t, dir)
		fleets["case "+filepath.Base(dir)] = f
	}
	for name, f := range fleets {
		res, err := analyzer.Audit(f, analyzer.Options{})
		if err != nil {
			t.Fatal(err)
		}
		known := AuditedBy(res, f)
		taken, fixes, asked := 0, 0, 0
		for _, s := range f.Services {
			places, ok := known.serviceFixable(s)
			if ok == hasUnknown(s) {
				t.Errorf("%s: %s: audit's findings taken %v, with values unknown %v", name, serviceLabel(s), ok, hasUnknown(s))
			}
			if !ok {
				continue
			}
			taken++
			fixes += len(places)
			got, want := askFixes(f, s, serviceFixRules, known), askFixes(f, s, serviceFixRules, nil)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s: %s: from the audit the fixes ask for\n %+v\nnot, as audited again,\n %+v", name, serviceLabel(s), got, want)
			}
			if !reflect.DeepEqual(got, &serviceAsks{}) {
				asked++
			}
			newTD := s.TaskDefinitionKey()
			if s.TaskDef != nil {
				newTD = *s.TaskDef.Def.Family
			}
			for _, preview := range []bool{false, true} {
				opts := ServiceOptions{Preview: preview}
				a, errA := ServiceAudited(f, s, newTD, opts, known)
				b, errB := Service(f, s, newTD, opts)
				x, _ := json.Marshal([]any{a, errTexts([]error{errA})})
				y, _ := json.Marshal([]any{b, errTexts([]error{errB})})
				if string(x) != string(y) {
					t.Errorf("%s: %s (preview %v): the rewrite from the audit's findings is\n %s\nnot\n %s", name, serviceLabel(s), preview, x, y)
				}
			}
		}
		t.Logf("%s: %d of %d services from the audit, %d fixable findings, %d asking for settings", name, taken, len(f.Services), fixes, asked)
		if (name == "demo" || name == "fleetgen") && (taken == 0 || fixes == 0 || asked == 0) {
			t.Errorf("%s: %d services taken from the audit, %d fixable findings, %d asking: the test proves nothing", name, taken, fixes, asked)
		}
	}
}

// hasUnknown reports whether s's documents leave a value unknown.
func hasUnknown(s *fleet.Service) bool {
	return len(s.Doc.Unknown) > 0 || s.TaskDef != nil && len(s.TaskDef.Doc.Unknown) > 0
}

// TestAuditedServicesNeedTheirFleet: an audit of another fleet (services
// in another order, or fewer) gives no service's findings.
func TestAuditedServicesNeedTheirFleet(t *testing.T) {
	f := auditedFleets(t)["demo"]
	res, err := analyzer.Audit(f, analyzer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	reversed := slices.Clone(f.Services)
	slices.Reverse(reversed)
	for name, other := range map[string]*fleet.Fleet{
		"reversed": {TaskDefinitions: f.TaskDefinitions, Services: reversed},
		"fewer":    {TaskDefinitions: f.TaskDefinitions, Services: f.Services[1:]},
	} {
		known := AuditedBy(res, other)
		for _, s := range other.Services {
			if _, ok := known.serviceFixable(s); ok {
				t.Errorf("%s: %s: findings taken from an audit of another fleet", name, serviceLabel(s))
			}
		}
	}
	if _, ok := AuditedBy(res, f).serviceFixable(f.Services[0]); !ok {
		t.Errorf("%s: the audit of its own fleet gave no findings", serviceLabel(f.Services[0]))
	}
}
