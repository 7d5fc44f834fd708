package cloudformation

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// The span engine on YAML forms one by one: each case edits the task
// definition TD of a template from before to after (objects in the API's
// names) and must give exactly want, every other byte (comments, quoting,
// flow style, indentation) as written.
func TestEditYAMLForms(t *testing.T) {
	head := "Resources:\n  TD:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n"
	cases := []struct {
		name, props, before, after, want string
	}{
		{
			name:   "scalar replaced, its comment kept",
			props:  "      NetworkMode: bridge # the EC2 default\n      Cpu: '256'\n",
			before: `{"networkMode":"bridge","cpu":"256"}`,
			after:  `{"networkMode":"awsvpc","cpu":"256"}`,
			want:   "      NetworkMode: awsvpc # the EC2 default\n      Cpu: '256'\n",
		},
		{
			name:   "member removed with its lines, comments around it kept",
			props:  "      # links below\n      Links:\n        - db   # the database\n      # after links\n      Cpu: '256'\n",
			before: `{"links":["db"],"cpu":"256"}`,
			after:  `{"cpu":"256"}`,
			want:   "      # links below\n      # after links\n      Cpu: '256'\n",
		},
		{
			name:   "first key after a dash removed: the next moves onto the dash line",
			props:  "      ContainerDefinitions:\n        - Links: [db]\n          Name: web\n",
			before: `{"containerDefinitions":[{"links":["db"],"name":"web"}]}`,
			after:  `{"containerDefinitions":[{"name":"web"}]}`,
			want:   "      ContainerDefinitions:\n        - Name: web\n",
		},
		{
			name:   "element of a flow sequence removed",
			props:  "      ContainerDefinitions:\n        - Name: web\n          Links: [db, cache, queue]\n",
			before: `{"containerDefinitions":[{"name":"web","links":["db","cache","queue"]}]}`,
			after:  `{"containerDefinitions":[{"name":"web","links":["db","queue"]}]}`,
			want:   "      ContainerDefinitions:\n        - Name: web\n          Links: [db, queue]\n",
		},
		{
			name:   "last member of a mapping removed: the mapping is empty",
			props:  "      ContainerDefinitions:\n        - Name: web\n          PortMappings:\n            - ContainerPort: 80\n              HostPort: 80\n",
			before: `{"containerDefinitions":[{"name":"web","portMappings":[{"containerPort":80,"hostPort":80}]}]}`,
			after:  `{"containerDefinitions":[{"name":"web","portMappings":[{"containerPort":80}]}]}`,
			want:   "      ContainerDefinitions:\n        - Name: web\n          PortMappings:\n            - ContainerPort: 80\n",
		},
		{
			name:   "members added at the indentation of their siblings, sequences as the template writes them",
			props:  "      Volumes:\n      - Name: data\n      Cpu: '256'\n",
			before: `{"volumes":[{"name":"data"}],"cpu":"256"}`,
			after:  `{"volumes":[{"name":"data"}],"cpu":"256","memory":"512","requiresCompatibilities":["FARGATE"]}`,
			want:   "      Volumes:\n      - Name: data\n      Cpu: '256'\n      Memory: \"512\"\n      RequiresCompatibilities:\n      - FARGATE\n",
		},
		{
			name:   "member added to a flow mapping, element to a flow sequence",
			props:  "      RequiresCompatibilities: [EC2]\n      ContainerDefinitions:\n        - {Name: web, Image: nginx}\n",
			before: `{"requiresCompatibilities":["EC2"],"containerDefinitions":[{"name":"web","image":"nginx"}]}`,
			after:  `{"requiresCompatibilities":["EC2","FARGATE"],"containerDefinitions":[{"name":"web","image":"nginx","essential":true}]}`,
			want:   "      RequiresCompatibilities: [EC2, FARGATE]\n      ContainerDefinitions:\n        - {Name: web, Image: nginx, Essential: true}\n",
		},
		{
			name:   "a plain scalar folded over lines removed whole",
			props:  "      Cpu: '256'\n      Family: a family name written\n        over two lines\n      Memory: '512'\n",
			before: `{"cpu":"256","family":"a family name written over two lines","memory":"512"}`,
			after:  `{"cpu":"256","memory":"512"}`,
			want:   "      Cpu: '256'\n      Memory: '512'\n",
		},
		{
			name:   "plain scalar after a dash replaced: the next member is no continuation of it",
			props:  "      ContainerDefinitions:\n        - Name: web\n          Image: nginx\n      NetworkMode: bridge\n",
			before: `{"containerDefinitions":[{"name":"web","image":"nginx"}],"networkMode":"bridge"}`,
			after:  `{"containerDefinitions":[{"name":"app","image":"nginx"}],"networkMode":"bridge"}`,
			want:   "      ContainerDefinitions:\n        - Name: app\n          Image: nginx\n      NetworkMode: bridge\n",
		},
		{
			name:   "quoted scalar replaced, user-owned keys kept as written",
			props:  "      ContainerDefinitions:\n        - Name: web\n          LogConfiguration:\n            LogDriver: \"json-file\"\n",
			before: `{"containerDefinitions":[{"name":"web","logConfiguration":{"logDriver":"json-file"}}]}`,
			after:  `{"containerDefinitions":[{"name":"web","logConfiguration":{"logDriver":"awslogs","options":{"awslogs-group":"/ecs/web"}}}]}`,
			want:   "      ContainerDefinitions:\n        - Name: web\n          LogConfiguration:\n            LogDriver: awslogs\n            Options:\n              awslogs-group: /ecs/web\n",
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			file := filepath.Join(t.TempDir(), "template.yaml")
			tail := "Outputs:\n  # kept\n  Out: {Value: !Ref TD}\n"
			if err := os.WriteFile(file, []byte(head+c.props+tail), 0o644); err != nil {
				t.Fatal(err)
			}
			res := Translator{}.Edit([]string{file}, []fleet.Rewrite{{File: file, Name: "TD", Kind: fleet.RewriteTaskDefinition, Before: []byte(c.before), After: []byte(c.after)}})
			for _, d := range res.Diagnostics {
				t.Errorf("diagnostic: %v", d)
			}
			if len(res.Files) != 1 {
				t.Fatalf("%d files edited", len(res.Files))
			}
			if got, want := string(res.Files[0].After), head+c.want+tail; got != want {
				t.Errorf("got\n%s\nwant\n%s", got, want)
			}
		})
	}
}

// An edit inside an intrinsic function cannot be made: a diagnostic names
// the file, the resource and the path, and the other edits are made.
func TestEditInsideAFunctionIsReported(t *testing.T) {
	file := filepath.Join(t.TempDir(), "template.yaml")
	src := "Conditions:\n  Big: !Equals [a, a]\nResources:\n  TD:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n" +
		"      NetworkMode: bridge\n      ContainerDefinitions: !If\n        - Big\n        - [{Name: web, Links: [db]}]\n        - [{Name: web, Links: [db]}]\n"
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	res := Translator{}.Edit([]string{file}, []fleet.Rewrite{{File: file, Name: "TD", Kind: fleet.RewriteTaskDefinition,
		Before: []byte(`{"networkMode":"bridge","containerDefinitions":[{"name":"web","links":["db"]}]}`),
		After:  []byte(`{"networkMode":"awsvpc","containerDefinitions":[{"name":"web"}]}`)}})
	if len(res.Diagnostics) != 1 || res.Diagnostics[0].File != file || res.Diagnostics[0].Path != "TD.containerDefinitions[0].links" || res.Diagnostics[0].Line != 4 {
		t.Errorf("diagnostics %+v, want one at %s:4 for TD.containerDefinitions[0].links", res.Diagnostics, file)
	}
	if len(res.Files) != 1 || !strings.Contains(string(res.Files[0].After), "NetworkMode: awsvpc") {
		t.Errorf("the other edit was not made: %+v", res.Files)
	}
}

// A template with CRLF line ends keeps them on the lines the edit adds.
func TestEditKeepsCRLF(t *testing.T) {
	file := filepath.Join(t.TempDir(), "template.yaml")
	src := "Resources:\r\n  TD:\r\n    Type: AWS::ECS::TaskDefinition\r\n    Properties:\r\n      NetworkMode: bridge # mode\r\n      Cpu: '256'\r\n"
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	res := Translator{}.Edit([]string{file}, []fleet.Rewrite{{File: file, Name: "TD", Kind: fleet.RewriteTaskDefinition,
		Before: []byte(`{"networkMode":"bridge","cpu":"256"}`),
		After:  []byte(`{"networkMode":"awsvpc","cpu":"256","requiresCompatibilities":["FARGATE"]}`)}})
	want := "Resources:\r\n  TD:\r\n    Type: AWS::ECS::TaskDefinition\r\n    Properties:\r\n      NetworkMode: awsvpc # mode\r\n      Cpu: '256'\r\n" +
		"      RequiresCompatibilities:\r\n        - FARGATE\r\n"
	if len(res.Files) != 1 || string(res.Files[0].After) != want {
		t.Errorf("got %+v, want %q", res, want)
	}
}
