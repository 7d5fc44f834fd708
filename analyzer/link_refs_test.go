package analyzer

import (
	"reflect"
	"testing"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"
)

// TestLinkReferences covers each place and form: environment values,
// command, entryPoint, healthCheck command and secret names; host,
// host:port and URL forms; the alias of a name:alias link; and the forms
// that are not a host (a path, a longer name, a domain, a URL scheme).
func TestLinkReferences(t *testing.T) {
	def := &ecstypes.TaskDefinition{ContainerDefinitions: []ecstypes.ContainerDefinition{{
		Name:  ptr.To("app"),
		Links: []string{"wordpress-db:mysql", "fluentbit", "cloudwatch-agent"},
		Environment: []ecstypes.KeyValuePair{
			{Name: ptr.To("WORDPRESS_DB_HOST"), Value: ptr.To("mysql")},                      // 0 whole host-named value, alias
			{Name: ptr.To("AWS_EMF_AGENT_ENDPOINT"), Value: ptr.To("tcp://fluentbit:25888")}, // 1 URL with port
			{Name: ptr.To("DATA_DIR"), Value: ptr.To("/var/lib/mysql/data")},                 // 2 a path: no
			{Name: ptr.To("DB_FQDN"), Value: ptr.To("mysql.example.com")},                    // 3 a domain: no
			{Name: ptr.To("DSN"), Value: ptr.To("mysql://wp:pw@wordpress-db:3306/wp")},       // 4 scheme no, host yes
			{Name: ptr.To("OTHER"), Value: ptr.To("my-fluentbit-config")},                    // 5 longer name: no
			{Name: ptr.To("FLAVOUR"), Value: ptr.To("mysql")},                                // 6 whole value, not host-named: by hand
			{Name: ptr.To("STATSD"), Value: ptr.To("CLOUDWATCH-AGENT:8125")},                 // 7 case-insensitive host:port
			{Name: ptr.To("EMPTY")}, // 8
		},
		EntryPoint:  []string{"/bin/sh", "-c", "exec app --statsd cloudwatch-agent:8125"},              // [2] host:port in a shell line
		Command:     []string{"--wait-for", "mysql", "--statsd-host=cloudwatch-agent", "--user=mysql"}, // [1] bare word: by hand; [2] host-named option; [3] not host-named: by hand
		HealthCheck: &ecstypes.HealthCheck{Command: []string{"CMD-SHELL", "curl -f http://fluentbit:2020/ || exit 1"}},
		Secrets: []ecstypes.Secret{
			{Name: ptr.To("MYSQL_HOST"), ValueFrom: ptr.To("arn:aws:ssm:us-east-1:123456789012:parameter/wp/db-host")},
			{Name: ptr.To("WORDPRESS_DB_PASSWORD"), ValueFrom: ptr.To("arn:aws:ssm:us-east-1:123456789012:parameter/wp/db-pass")},
		},
	}, {Name: ptr.To("wordpress-db")}, {Name: ptr.To("fluentbit")}, {Name: ptr.To("cloudwatch-agent")}}}

	type want struct {
		path      string
		hosts     []string
		sure      bool
		localhost string
	}
	wants := []want{
		{"containerDefinitions[0].environment[0].value", []string{"mysql"}, true, "localhost"},
		{"containerDefinitions[0].environment[1].value", []string{"fluentbit"}, true, "tcp://localhost:25888"},
		{"containerDefinitions[0].environment[4].value", []string{"wordpress-db"}, true, "mysql://wp:pw@localhost:3306/wp"},
		{"containerDefinitions[0].environment[6].value", []string{"mysql"}, false, ""},
		{"containerDefinitions[0].environment[7].value", []string{"cloudwatch-agent"}, true, "localhost:8125"},
		{"containerDefinitions[0].entryPoint[2]", []string{"cloudwatch-agent"}, true, "exec app --statsd localhost:8125"},
		{"containerDefinitions[0].command[1]", []string{"mysql"}, false, ""},
		{"containerDefinitions[0].command[2]", []string{"cloudwatch-agent"}, true, "--statsd-host=localhost"},
		{"containerDefinitions[0].command[3]", []string{"mysql"}, false, ""},
		{"containerDefinitions[0].healthCheck.command[1]", []string{"fluentbit"}, true, "curl -f http://localhost:2020/ || exit 1"},
		{"containerDefinitions[0].secrets[0].name", []string{"mysql"}, false, ""},
	}
	var got []want
	for _, r := range LinkReferences(def) {
		got = append(got, want{r.Path.String(), r.Hosts, r.Sure, r.Localhost})
	}
	if !reflect.DeepEqual(got, wants) {
		t.Errorf("LinkReferences:\n got %+v\nwant %+v", got, wants)
	}
	for _, r := range LinkReferences(def) {
		if r.Path.String() == "containerDefinitions[0].environment[0].value" && !reflect.DeepEqual(r.LinkPaths, []Path{at(idx("containerDefinitions", 0), idx("links", 0))}) {
			t.Errorf("the alias mysql resolves through links[0], got %v", r.LinkPaths)
		}
	}
	if refs := LinkReferences(&ecstypes.TaskDefinition{ContainerDefinitions: []ecstypes.ContainerDefinition{{
		Name: ptr.To("app"), Environment: []ecstypes.KeyValuePair{{Name: ptr.To("DB_HOST"), Value: ptr.To("db")}}}}}); refs != nil {
		t.Errorf("no links, yet references: %+v", refs)
	}
}
