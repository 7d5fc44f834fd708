package cloudformation

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzTranslate: any bytes parse or fail with an error, and any template
// translates without panicking. The corpus templates are the seeds
// (go test -fuzz FuzzTranslate ./internal/iac/cloudformation to explore).
func FuzzTranslate(f *testing.F) {
	files, _ := filepath.Glob("../../../testdata/iac/cloudformation/*/template.*")
	for _, file := range files {
		if data, err := os.ReadFile(file); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte(intrinsics))
	f.Add([]byte("Resources: {A: {Type: AWS::ECS::Service, Properties: {Cluster: !If [C, !Ref A, !GetAtt [A]]}}}\nConditions: {C: !Equals [!Condition C, x]}"))
	f.Add([]byte("a: &x [*x]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		tmpl, err := Parse("t.yaml", data)
		if err != nil {
			return
		}
		docs, _ := Translate(tmpl)
		for _, d := range docs {
			_ = d.Where("containerDefinitions[0].image")
		}
	})
}
