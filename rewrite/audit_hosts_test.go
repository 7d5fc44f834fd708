package rewrite

import (
	"context"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/analyzer"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/internal/iac/cloudformation"
	"github.com/ecs2fargate/ecs2fargate/internal/iac/terraform"
	"github.com/ecs2fargate/ecs2fargate/internal/ptr"
)

// miniAuditor is how the rewrite audited each version of a definition
// before it gave the analyzer its original's hosts (issue 17): in a small
// fleet of its own, the definition copied into a stand-in that copies of
// its services run, their clusters reduced to one container instance per
// host signature, and the images of its containers. It is the reference
// the auditor is held to.
type miniAuditor struct {
	shell *fleet.TaskDefinition
	mini  *fleet.Fleet
}

func newMiniAuditor(f *fleet.Fleet, td *fleet.TaskDefinition) *miniAuditor {
	a := &miniAuditor{shell: &fleet.TaskDefinition{}}
	a.mini = &fleet.Fleet{TaskDefinitions: []*fleet.TaskDefinition{a.shell}}
	seen := map[*fleet.Cluster]bool{}
	for _, s := range f.ServicesUsing(td) {
		c := *s
		c.TaskDef = a.shell
		a.mini.Services = append(a.mini.Services, &c)
		if cl := f.ClusterOf(s); cl != nil && !seen[cl] {
			seen[cl] = true
			a.mini.Clusters = append(a.mini.Clusters, miniHostEvidence(cl))
		}
	}
	for _, c := range td.Def.ContainerDefinitions {
		if img := f.Image(ptr.Value(c.Image)); img != nil {
			a.mini.Images = append(a.mini.Images, img)
		}
	}
	return a
}

func (a *miniAuditor) subject(td *fleet.TaskDefinition) *analyzer.Subject {
	*a.shell = *td
	return &analyzer.Subject{Fleet: a.mini, TaskDef: a.shell}
}

func (a *miniAuditor) audit(td *fleet.TaskDefinition) []analyzer.Finding {
	return analyzer.Check(catalogue, analyzer.ScopeTask, a.subject(td))
}

// miniHostEvidence is c with one container instance per distinct host
// signature, as the small fleet held it.
func miniHostEvidence(c *fleet.Cluster) *fleet.Cluster {
	out := &fleet.Cluster{Name: c.Name, Identity: c.Identity, Detail: c.Detail, DetailDoc: c.DetailDoc}
	seen := map[string]bool{}
	for _, ci := range c.ContainerInstances {
		var b strings.Builder
		for _, a := range ci.CI.Attributes {
			switch n := ptr.Value(a.Name); n {
			case "ecs.cpu-architecture", "ecs.os-type", "ecs.os-family":
				b.WriteString(n + "=" + ptr.Value(a.Value) + ";")
			}
		}
		if ci.Instance != nil {
			b.WriteString(string(ci.Instance.EC2.Architecture) + ";" + string(ci.Instance.EC2.Platform) + ";" + ptr.Value(ci.Instance.EC2.PlatformDetails))
		}
		if sig := b.String(); !seen[sig] {
			seen[sig] = true
			out.ContainerInstances = append(out.ContainerInstances, ci)
		}
	}
	return out
}

// TestAuditorIsTheSmallFleets: on every task definition of the demo fleet,
// a generated one, the golden cases, the real-world corpus and the public
// infrastructure code under testdata/iac, the auditor (the fleet with the
// original's hosts given) finds what the small fleet found, field for
// field and in order, and decides the same platform, on the original and
// on its rewritten document (forced where blockers remain, so that every
// definition has one).
func TestAuditorIsTheSmallFleets(t *testing.T) {
	fleets := auditedFleets(t)
	for _, c := range tdCases(t) {
		fleets["case "+c.name] = c.f
	}
	var corpus []string
	for _, c := range loadCorpus(t) {
		corpus = append(corpus, c.file)
	}
	fleets["corpus"], _ = fleet.Load(context.Background(), corpus, nil)
	for _, code := range []struct {
		dir string
		tr  fleet.Translator
	}{{"terraform", terraform.Translator{}}, {"cloudformation", cloudformation.Translator{}}} {
		dirs, err := filepath.Glob(filepath.Join("..", "testdata", "iac", code.dir, "*"))
		if err != nil {
			t.Fatal(err)
		}
		fleets[code.dir], _ = fleet.LoadWith(context.Background(), dirs, strings.NewReader(""), fleet.LoadOptions{Translators: []fleet.Translator{code.tr}})
	}
	for name, f := range fleets {
		if len(f.TaskDefinitions) == 0 {
			t.Fatalf("%s: no task definition loaded", name)
		}
		rewritten, windows, hosted := 0, 0, 0
		for _, td := range f.TaskDefinitions {
			a, ref := newAuditor(f, td), newMiniAuditor(f, td)
			versions := []*fleet.TaskDefinition{td}
			if res, err := TaskDefinition(f, td, Options{Force: true, LogRegion: "us-east-1", ExecutionRoleARN: "arn:aws:iam::123456789012:role/ecsTaskExecutionRole"}); err == nil && len(res.Document) > 0 {
				out, err := a.decode(res.Document)
				if err != nil {
					t.Fatalf("%s: %s: %v", name, td.Key(), err)
				}
				versions = append(versions, out)
				rewritten++
			}
			if len(a.hosts.Archs)+len(a.hosts.OSTypes)+len(a.hosts.Families) > 0 {
				hosted++
			}
			for i, v := range versions {
				got, want := a.audit(v), ref.audit(v)
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%s: %s (version %d): the auditor finds\n %+v\nthe small fleet\n %+v", name, td.Key(), i, got, want)
				}
				p, q := a.subject(v).Platform(), ref.subject(v).Platform()
				if !reflect.DeepEqual(p, q) {
					t.Errorf("%s: %s (version %d): the auditor's platform is %+v, the small fleet's %+v", name, td.Key(), i, p, q)
				}
				if p.IsWindows() {
					windows++
				}
			}
		}
		t.Logf("%s: %d task definitions, %d rewritten, %d with host evidence, %d Windows versions", name, len(f.TaskDefinitions), rewritten, hosted, windows)
		if (name == "demo" || name == "fleetgen") && (rewritten == 0 || hosted == 0) {
			t.Errorf("%s: %d rewritten, %d with host evidence: the test proves little", name, rewritten, hosted)
		}
	}
}
