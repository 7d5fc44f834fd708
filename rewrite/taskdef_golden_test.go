package rewrite

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/internal/golden"
)

const tdCaseRoot = "testdata/rewrite"

// tdCase is one golden case: its inputs loaded, the task definition, the
// options and the rewrite's result (or error).
type tdCase struct {
	name string
	dir  string
	f    *fleet.Fleet
	td   *fleet.TaskDefinition
	opts Options
	res  *Result
	err  error
}

// lenientCases hold fields newer than our SDK on purpose; strict decoders
// and validators that know only today's model are not run on them.
var lenientCases = map[string]bool{"newer-fields": true}

func tdCases(t *testing.T) []*tdCase {
	t.Helper()
	dirs, err := os.ReadDir(tdCaseRoot)
	if err != nil {
		t.Fatal(err)
	}
	var out []*tdCase
	for _, d := range dirs {
		if d.IsDir() {
			out = append(out, loadTDCase(t, d.Name()))
		}
	}
	return out
}

func loadTDCase(t *testing.T, name string) *tdCase {
	t.Helper()
	c := &tdCase{name: name, dir: filepath.Join(tdCaseRoot, name)}
	in := filepath.Join(c.dir, "in.json")
	if _, err := os.Stat(in); err != nil {
		in = filepath.Join(c.dir, "in")
	}
	c.f, _ = fleet.Load(context.Background(), []string{in}, nil)
	if len(c.f.TaskDefinitions) != 1 {
		t.Fatalf("case %s: want one task definition, found %d", name, len(c.f.TaskDefinitions))
	}
	c.td = c.f.TaskDefinitions[0]
	if data, err := os.ReadFile(filepath.Join(c.dir, "options.json")); err == nil {
		if err := json.Unmarshal(data, &c.opts); err != nil {
			t.Fatalf("case %s: options.json: %v", name, err)
		}
	}
	c.res, c.err = TaskDefinition(c.f, c.td, c.opts)
	return c
}

// changesDoc is changes.json of a case: the result without its document,
// or the error.
func (c *tdCase) changesDoc() []byte {
	var v any = map[string]string{"error": errText(c.err)}
	if c.err == nil {
		r := *c.res
		r.Document = nil
		v = r
	}
	b, _ := marshalIndent(v)
	return b
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

func marshalIndent(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	err := enc.Encode(v)
	return b.Bytes(), err
}

// TestTaskDefinitionGolden compares out.json and changes.json of every case
// (go test -update rewrites them). A case whose definition is blocked or
// fails has no out.json.
func TestTaskDefinitionGolden(t *testing.T) {
	for _, c := range tdCases(t) {
		t.Run(c.name, func(t *testing.T) {
			golden.Assert(t, filepath.Join(c.dir, "changes.json"), c.changesDoc())
			out := filepath.Join(c.dir, "out.json")
			if c.err != nil || c.res.Document == nil {
				if _, err := os.Stat(out); err == nil && !golden.Updating() {
					t.Errorf("%s exists but the rewrite wrote no document", out)
				}
				if golden.Updating() {
					os.Remove(out)
				}
				return
			}
			golden.Assert(t, out, append(append([]byte(nil), c.res.Document...), '\n'))
		})
	}
}
