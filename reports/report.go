package reports

import (
	"github.com/ecs2fargate/ecs2fargate/analyzer"
	"github.com/ecs2fargate/ecs2fargate/rewrite"
)

// ReportSchemaVersion is the version of the report JSON contract
// (docs/json.md, "report").
const ReportSchemaVersion = 1

// Report is the migration report every report format renders: the audit,
// the cost comparison and the rewrite preview joined per service. All
// figures are decided here; renderers only lay them out.
type Report struct {
	SchemaVersion int             `json:"schemaVersion"`
	Tool          Tool            `json:"tool"`
	GeneratedAt   string          `json:"generatedAt,omitempty"` // RFC 3339, only with --now
	Inputs        []string        `json:"inputs"`
	Summary       ReportSummary   `json:"summary"`
	Clusters      []ReportCluster `json:"clusters"`
	BlockedByRule []RuleCount     `json:"blockedByRule"`
	Services      []ServiceReport `json:"services"`
	// UnusedTaskDefinitions are the task definitions no service runs
	// (added within schemaVersion 1).
	UnusedTaskDefinitions []UnusedTaskDefinition `json:"unusedTaskDefinitions"`
	Assumptions           CostAssumptions        `json:"assumptions"`
	// AssumptionsText is the cost report's assumptions line.
	AssumptionsText string `json:"assumptionsText"`
	// DataGaps says what could not be checked or priced and why.
	DataGaps DataGaps `json:"dataGaps"`
	// RewriteNote is set when no rewrite preview could be made, and says why.
	RewriteNote string `json:"rewriteNote,omitempty"`
	// Audit and Cost are the audit and cost documents, unchanged, so the
	// report's JSON is the union of both contracts.
	Audit *Audit `json:"audit"`
	Cost  *Cost  `json:"cost"`
	// CostChart and RuleChart are what the HTML charts show (at most
	// ChartLimit bars each).
	CostChart []ReportCluster `json:"-"`
	RuleChart []RuleCount     `json:"-"`
	// UtilisationChart is what the HTML utilisation chart shows.
	UtilisationChart []UtilisationChart `json:"-"`
	// place says how human formats name a row's account and region (placeOf).
	place placer
}

// ServiceCount is the number of services the report lists, also when
// its rows are written as they are made and not held (StreamReport): the
// summary counts them.
func (r *Report) ServiceCount() int { return max(len(r.Services), r.Summary.Services) }

// UnusedCount is the number of task definitions no service runs that the
// report lists.
func (r *Report) UnusedCount() int {
	return max(len(r.UnusedTaskDefinitions), r.Summary.UnusedTaskDefinitions)
}

// ReportSummary is the page-one view: what can move and what it costs.
type ReportSummary struct {
	// Headline is the first sentence of every human format: what can move,
	// what it saves, what stays and why (added within schemaVersion 1).
	Headline  string         `json:"headline"`
	Services  int            `json:"services"`
	ByVerdict map[string]int `json:"byVerdict"` // ready, fixable, blocked, unknown
	// Movable counts services that are ready or fixable and not already on Fargate.
	Movable   int `json:"movable"`
	OnFargate int `json:"onFargate"`
	Changes   int `json:"changes"` // rewrite changes over all services
	// UnusedTaskDefinitions counts the task definitions no service runs,
	// UnusedByVerdict them by verdict (added within schemaVersion 1).
	UnusedTaskDefinitions int            `json:"unusedTaskDefinitions"`
	UnusedByVerdict       map[string]int `json:"unusedByVerdict"`
	EC2Monthly            Amount         `json:"ec2Monthly"`
	EC2Yearly             Amount         `json:"ec2Yearly"`
	IdleMonthly           Amount         `json:"idleMonthly"`
	IdleYearly            Amount         `json:"idleYearly"`
	FargateMonthly        FargateAmounts `json:"fargateMonthly"`
	FargateYearly         FargateAmounts `json:"fargateYearly"`
	SavingsMonthly        FargateAmounts `json:"savingsMonthly"`
	SavingsYearly         FargateAmounts `json:"savingsYearly"`
	// LikeForLike is the cost document's like-for-like comparison: known
	// where the totals above are not.
	LikeForLike LikeForLikeRows `json:"likeForLike"`
	// Deltas are the cost document's fleet hidden deltas, not in the
	// figures above (added within schemaVersion 1).
	Deltas []DeltaRow `json:"deltas"`
	// Scope says what the totals cover; UnknownParts list, one line each,
	// what is left out of them and the command or input that fills it;
	// StrandedMonthly is the commitment the move strands (added within
	// schemaVersion 1).
	Scope           string   `json:"scope"`
	UnknownParts    []string `json:"unknownParts"`
	StrandedMonthly Amount   `json:"strandedMonthly"`
}

// ReportCluster is one cluster's verdict counts and costs.
type ReportCluster struct {
	// Account is the cluster's account; Region the region it is priced in
	// (its own unless --region says otherwise).
	Account        string         `json:"account"`
	Cluster        string         `json:"cluster"`
	Region         string         `json:"region"`
	Services       int            `json:"services"`
	ByVerdict      map[string]int `json:"byVerdict"`
	EC2Monthly     Amount         `json:"ec2Monthly"`
	IdleMonthly    Amount         `json:"idleMonthly"`
	FargateMonthly FargateAmounts `json:"fargateMonthly"`
	SavingsMonthly FargateAmounts `json:"savingsMonthly"`
	Utilization    *string        `json:"utilization"`
	// Chart holds the cluster's bars for the cost chart, as shares of the
	// largest bar over all clusters (0–1, four places; null when unknown).
	Chart ClusterChart `json:"-"`
	label string
}

// Label is the cluster's name as the human formats show it: with
// REGION/ or ACCOUNT/REGION/ in front when the report spans several (placeOf).
func (c ReportCluster) Label() string { return c.label }

// ClusterChart are a cluster's bar lengths in the cost chart.
type ClusterChart struct {
	EC2, OnDemand, Spot, ARM, SavingsPlan1y *float64
}

// RuleCount is how many services one blocking rule keeps off Fargate.
type RuleCount struct {
	RuleID   string  `json:"ruleId"`
	Title    string  `json:"title"`
	Services int     `json:"services"`
	Fallback string  `json:"fallback,omitempty"`
	Share    float64 `json:"-"` // of the largest count, for the chart
}

// ServiceReport is one service: verdict, size, costs, changes, next steps.
type ServiceReport struct {
	// Account and Region are the service's own (see fleet.Identity).
	Account        string         `json:"account"`
	Region         string         `json:"region"`
	Cluster        string         `json:"cluster"`
	Service        string         `json:"service"`
	TaskDefinition string         `json:"taskDefinition"`
	Verdict        string         `json:"verdict"`
	OnFargate      bool           `json:"onFargate"`
	Blockers       []string       `json:"blockers"`
	Fixable        []string       `json:"fixable"`
	Warnings       []string       `json:"warnings"`
	Fallback       string         `json:"fallback,omitempty"`
	Tasks          int            `json:"tasks"`
	FargateSize    *TaskSize      `json:"fargateSize"`
	EC2Monthly     Amount         `json:"ec2Monthly"`
	FargateMonthly FargateAmounts `json:"fargateMonthly"`
	SavingsMonthly FargateAmounts `json:"savingsMonthly"`
	// Changes are the rewrite's edits to the task definition and the
	// service; values under environment or secrets are never carried.
	Changes    []rewrite.Change    `json:"changes"`
	Remaining  []rewrite.Remaining `json:"remaining"`
	NotInPlace string              `json:"notInPlace,omitempty"`
	// RewriteError says why the rewrite preview failed for this service.
	RewriteError string `json:"rewriteError,omitempty"`
	// ChangeSummary counts the changes per rule ("lb-target-type-ip ×2"),
	// for formats that cannot show every change of a large fleet.
	ChangeSummary string   `json:"changeSummary"`
	NextSteps     []string `json:"nextSteps"`
	// Plan names the next steps in a few words ("move in place", "stay on
	// EC2"), for views with no room for them.
	Plan       string   `json:"plan"`
	NotChecked []string `json:"notChecked"` // what each skipped check needs
	Unknown    []string `json:"unknown"`    // why a cost is unknown
	// LikeForLike is the service's place in the like-for-like comparison:
	// "moves", "stays on EC2", "already on Fargate" or "left out";
	// LikeForLikeOptions the options under which its cluster is compared.
	LikeForLike        string   `json:"likeForLike"`
	LikeForLikeOptions []string `json:"likeForLikeOptions"`
	// label is the cluster as the human formats show it (see Label).
	label string
}

// Label is the service's cluster as the human formats show it: with
// REGION/ or ACCOUNT/REGION/ in front when the report spans several (placeOf).
func (s ServiceReport) Label() string { return s.label }

// DataGaps is everything the report could not check, price or read.
type DataGaps struct {
	NotChecked []NeedCount `json:"notChecked"`
	// ToAdd groups the notChecked entries by what to add, with the
	// commands that fetch it (added within schemaVersion 1).
	ToAdd       []GapGroup `json:"toAdd"`
	Unknown     []string   `json:"unknownPrices"`
	Caveats     []string   `json:"caveats"`
	Diagnostics []string   `json:"inputProblems"`
	NotRead     []string   `json:"notRead"`
}

// NeedCount is one kind of missing data and how many checks it stopped.
type NeedCount struct {
	Needs  string `json:"needs"`
	Checks int    `json:"checks"`
}

// verdictOrder is the order verdicts are shown in everywhere.
var verdictOrder = []string{analyzer.Ready, analyzer.Fixed, analyzer.Blocked, analyzer.Unknown}

// DetailLimit is the largest report whose HTML and Markdown show every
// service's change list and next steps; larger fleets get per-service
// change summaries so the files stay small (JSON and CSV carry everything).
const DetailLimit = 500

// Detailed reports whether per-service details are shown in full.
func (r *Report) Detailed() bool { return r.ServiceCount() <= DetailLimit }
