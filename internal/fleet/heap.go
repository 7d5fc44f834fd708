package fleet

import (
	"strings"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"
)

// heapRuntimes are image names (the repository's last path element, or a
// path part) of runtimes that size their heap from the container's memory
// limit: the JVM (default maximum heap MaxRAMPercentage, 25 %, of the
// container limit:
// https://docs.oracle.com/en/java/javase/21/docs/specs/man/java.html) and
// .NET (GC heap hard limit 75 % of the container limit:
// https://learn.microsoft.com/en-us/dotnet/core/runtime-config/garbage-collector#heap-hard-limit),
// and the servers built on them.
var heapRuntimes = []string{
	"openjdk", "eclipse-temurin", "amazoncorretto", "corretto", "ibmjava", "ibm-semeru-runtimes", "sapmachine", "java", "jdk", "jre",
	"tomcat", "jetty", "wildfly", "jboss", "keycloak", "kafka", "zookeeper", "elasticsearch", "opensearch", "logstash", "cassandra", "solr",
	"sonarqube", "jenkins", "dotnet", "aspnet",
}

// heapEnv are environment variable names that show such a runtime.
var heapEnv = []string{"JAVA_OPTS", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS", "JAVA_HOME", "CATALINA_OPTS", "ES_JAVA_OPTS",
	"KAFKA_HEAP_OPTS", "DOTNET_GCHEAPHARDLIMIT", "DOTNET_GCHEAPHARDLIMITPERCENT", "ASPNETCORE_URLS", "DOTNET_RUNNING_IN_CONTAINER"}

// HeapFromLimit says which container of def runs a runtime that sizes its
// heap from the memory limit, and why we think so. Its measured memory
// then follows the limit it had, not what it needs, so a smaller size
// measured from it is not evidence.
func HeapFromLimit(def *ecstypes.TaskDefinition) (evidence string, ok bool) {
	for _, c := range def.ContainerDefinitions {
		image := ptr.Value(c.Image)
		repo := strings.TrimPrefix(ParseImageRef(strings.ToLower(image)).Repository, "library/")
		for _, part := range strings.Split(repo, "/") {
			for _, r := range heapRuntimes {
				if part == r || strings.HasPrefix(part, r+"-") {
					return "container " + ptr.Value(c.Name) + " runs image " + image + " (" + r + ")", true
				}
			}
		}
		for _, kv := range c.Environment {
			name := strings.ToUpper(ptr.Value(kv.Name))
			for _, e := range heapEnv {
				if name == e {
					return "container " + ptr.Value(c.Name) + " sets " + ptr.Value(kv.Name), true
				}
			}
		}
	}
	return "", false
}
