package reports

import (
	"maps"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/ecs2fargate/ecs2fargate/analyzer"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// GapGroup is the checks that could not run for want of one kind of input,
// with the exact commands that fetch it: one per repository, cluster or
// region rather than one sentence per check (added within schemaVersion 1).
type GapGroup struct {
	// Add is what to add ("`aws ecr describe-images` output") or, for a
	// check no input can settle, what to do by hand.
	Add    string `json:"add"`
	Checks int    `json:"checks"`
	// Commands fetch what Add names, each ready to run; save each output
	// as a file among the inputs. Empty when no command applies.
	Commands []string `json:"commands"`
	// Subjects are what the checks wanted to know, one line each.
	Subjects []string `json:"subjects"`
}

// gapGroups groups the audit's notChecked entries by what they need added.
// The audit's own notChecked list (and its JSON) is unchanged; this is the
// report's reading of it.
func gapGroups(a *Audit) []GapGroup {
	byAdd := map[string]*GapGroup{}
	commands := map[string]map[string]bool{}
	for _, n := range a.NotChecked {
		subject, add := splitNeeds(n.Needs)
		key := addKey(add)
		g := byAdd[key]
		if g == nil {
			g = &GapGroup{Add: key, Commands: []string{}, Subjects: []string{}}
			byAdd[key], commands[key] = g, map[string]bool{}
		}
		g.Checks++
		if !slices.Contains(g.Subjects, subject) {
			g.Subjects = append(g.Subjects, subject)
		}
		for _, c := range commandsFor(a.fleet, n, subject, add) {
			commands[key][c] = true
		}
	}
	out := make([]GapGroup, 0, len(byAdd))
	for key, g := range byAdd {
		g.Commands = nonNil(slices.Sorted(maps.Keys(commands[key])))
		sort.Strings(g.Subjects)
		out = append(out, *g)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Checks != out[j].Checks {
			return out[i].Checks > out[j].Checks
		}
		return out[i].Add < out[j].Add
	})
	return out
}

// splitNeeds splits a need ("the size of image R: add `aws ecr
// describe-images` output for its repository") into what the check
// wanted to know and what gives it.
func splitNeeds(needs string) (subject, add string) {
	if i := strings.LastIndex(needs, ": "); i >= 0 {
		return needs[:i], needs[i+2:]
	}
	return needs, needs
}

// backticked finds the commands a need names, such as `aws ecs
// describe-clusters --clusters prod`.
var backticked = regexp.MustCompile("`([^`]+)`")

// addKey names a group: the AWS CLI operations the need asks for, without
// the names of a particular cluster or repository ("add `aws ecs
// describe-clusters` output"), or the need's advice as it stands.
func addKey(add string) string {
	ops := backticked.FindAllStringSubmatch(add, -1)
	if len(ops) == 0 {
		return add
	}
	names := make([]string, 0, len(ops))
	for _, m := range ops {
		words := strings.Fields(m[1])
		names = append(names, "`"+strings.Join(words[:min(3, len(words))], " ")+"`")
	}
	return "add " + strings.Join(names, " and ") + " output"
}

// arnPattern finds an ARN in a need's subject.
var arnPattern = regexp.MustCompile(`arn:aws[a-z-]*:[^\s,]+`)

// commandsFor gives the exact command for one check that could not run,
// where the need names an operation the AWS CLI can run for that subject.
func commandsFor(f *fleet.Fleet, n analyzer.NotChecked, subject, add string) []string {
	region := ""
	if n.Region != "" {
		region = " --region " + n.Region
	}
	switch {
	case strings.Contains(add, "aws ecr describe-images"):
		if ref, ok := imageOf(f, n); ok {
			repo := fleet.ParseImageRef(ref)
			if repo.IsECR() {
				return []string{"aws ecr describe-images --repository-name " + repo.Repository + " --registry-id " + repo.Account + " --region " + repo.Region +
					" > ecr-" + strings.ReplaceAll(repo.Repository, "/", "_") + ".json"}
			}
		}
	case strings.Contains(add, "aws elbv2 describe-target-groups"):
		var out []string
		for _, arn := range arnPattern.FindAllString(subject, -1) {
			out = append(out, "aws elbv2 describe-target-groups --target-group-arns "+arn+arnRegion(arn))
		}
		return out
	case strings.Contains(add, "aws ec2 describe-subnets"):
		if _, ids, ok := strings.Cut(subject, "subnets "); ok {
			return []string{"aws ec2 describe-subnets --subnet-ids " + strings.ReplaceAll(ids, ", ", " ") + region}
		}
	case strings.Contains(add, "aws ecs describe-clusters --clusters"):
		if m := backticked.FindStringSubmatch(add); m != nil {
			return []string{m[1] + region}
		}
	case strings.Contains(add, "aws ecs describe-container-instances") && strings.Contains(subject, "the container instances of cluster "):
		_, clusters, _ := strings.Cut(subject, "the container instances of cluster ")
		var out []string
		for _, c := range strings.Split(clusters, ", ") {
			out = append(out, "aws ecs describe-container-instances --cluster "+c+region+" --container-instances $(aws ecs list-container-instances --cluster "+c+region+" --query containerInstanceArns --output text)")
		}
		return out
	}
	return nil
}

// imageOf is the image of the container a check was about.
func imageOf(f *fleet.Fleet, n analyzer.NotChecked) (string, bool) {
	if f == nil || n.Container == "" {
		return "", false
	}
	td := f.TaskDefinition(fleet.Identity{Account: n.Account, Region: n.Region}, n.TaskDefinition)
	if td == nil {
		return "", false
	}
	for _, c := range td.Def.ContainerDefinitions {
		if aws.ToString(c.Name) == n.Container {
			return aws.ToString(c.Image), true
		}
	}
	return "", false
}

// arnRegion is " --region R" for the region field of an ARN.
func arnRegion(arn string) string {
	if a, ok := fleet.ParseARN(arn); ok && a.Region != "" {
		return " --region " + a.Region
	}
	return ""
}

// gapHeading is a group's line in the human formats: what to add, and
// for a group with commands that each output is to be saved among the
// inputs.
func gapHeading(g GapGroup) string {
	if len(g.Commands) > 0 {
		return g.Add + "; run, and add the output to the inputs:"
	}
	return g.Add + ":"
}

// gapLines are the lines under a group's heading: its commands, or what
// the checks wanted to know when no command applies.
func gapLines(g GapGroup) []string {
	if len(g.Commands) > 0 {
		return g.Commands
	}
	return g.Subjects
}
