package rewrite

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

func TestZZSmoke(t *testing.T) {
	f, _ := fleet.Load(context.Background(), []string{os.Getenv("IN")}, nil)
	for _, td := range f.TaskDefinitions {
		r, err := TaskDefinition(f, td, Options{})
		if err != nil {
			fmt.Println("ERR", err)
			continue
		}
		fmt.Println(string(r.Document))
		r.Document = nil
		b, _ := json.MarshalIndent(r, "", "  ")
		fmt.Println(string(b))
	}
}
