package migrate

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/ecs2fargate/ecs2fargate/rewrite/runbook"
)

// JournalVersion is the journal's format version.
const JournalVersion = 1

// Journal is the record of a migration: every unit (a group's
// preconditions, or one service) with its steps, each with its state
// before and after. It holds the plan itself, so --resume and --rollback
// need nothing but the journal.
type Journal struct {
	Version int       `json:"version"`
	Created time.Time `json:"created"`
	Units   []*Unit   `json:"units"`

	path string
	mu   sync.Mutex
}

// Unit is one account and region's preconditions, or one service.
type Unit struct {
	Account string `json:"account"`
	Region  string `json:"region"`
	Cluster string `json:"cluster,omitempty"`
	Service string `json:"service,omitempty"` // empty for preconditions
	// Status: pending, moved (or done for preconditions), failed,
	// rolled-back, needs-person.
	Status string   `json:"status"`
	Note   string   `json:"note,omitempty"`
	Steps  []*Entry `json:"steps"`
	// State holds what the steps learned (the new task definition's and
	// target groups' ARNs), which later steps and the rollbacks use.
	State State `json:"state"`
}

// Name is how messages name the unit.
func (u *Unit) Name() string {
	if u.Service == "" {
		return fmt.Sprintf("preconditions of account %s, region %s", u.Account, u.Region)
	}
	return u.Cluster + "/" + u.Service
}

// Entry is one step: its action, where it got to, and the state it found
// and left.
type Entry struct {
	N      int            `json:"n"`
	Title  string         `json:"title"`
	Action runbook.Action `json:"action"`
	// Status: pending, started, done, failed, undone, undo-failed.
	Status   string          `json:"status"`
	Started  *time.Time      `json:"started,omitempty"`
	Finished *time.Time      `json:"finished,omitempty"`
	Before   json.RawMessage `json:"before,omitempty"`
	After    json.RawMessage `json:"after,omitempty"`
	Error    string          `json:"error,omitempty"`
}

// State is what a unit's steps learned.
type State struct {
	TaskDefinitionARN string   `json:"taskDefinitionArn,omitempty"`
	TargetGroupARNs   []string `json:"targetGroupArns,omitempty"` // by the action's TargetGroup index
}

func (s *State) targetGroup(i int) string {
	if i < len(s.TargetGroupARNs) {
		return s.TargetGroupARNs[i]
	}
	return ""
}

func (s *State) setTargetGroup(i int, arn string) {
	for len(s.TargetGroupARNs) <= i {
		s.TargetGroupARNs = append(s.TargetGroupARNs, "")
	}
	s.TargetGroupARNs[i] = arn
}

// NewJournal makes the journal of a plan: a unit for each group's
// preconditions and one for each service that moves in place. Services
// the plan does not move, and those selected out by keep, get no unit;
// skipped lists them with the reason.
func NewJournal(path string, p *runbook.Plan, keep func(account, region, cluster, service string) bool) (j *Journal, skipped []string) {
	j = &Journal{Version: JournalVersion, Created: time.Now().UTC(), path: path}
	for _, g := range p.Groups {
		var services []*Unit
		for _, sp := range g.Services {
			if !keep(g.Account, g.Region, sp.Cluster, sp.Service) {
				continue
			}
			switch sp.How {
			case "":
				skipped = append(skipped, fmt.Sprintf("%s/%s: %s", sp.Cluster, sp.Service, sp.Skip))
				continue
			case "side by side":
				skipped = append(skipped, fmt.Sprintf("%s/%s: needs a new service beside the old one; migrate moves services in place only: follow RUNBOOK.md for it", sp.Cluster, sp.Service))
				continue
			}
			u := &Unit{Account: g.Account, Region: g.Region, Cluster: sp.Cluster, Service: sp.Service, Status: "pending"}
			u.Steps = entries(sp.Steps)
			services = append(services, u)
		}
		if len(services) == 0 {
			continue
		}
		j.Units = append(j.Units, &Unit{Account: g.Account, Region: g.Region, Status: "pending", Steps: entries(g.Preconditions)})
		j.Units = append(j.Units, services...)
	}
	return j, skipped
}

func entries(steps []runbook.Step) []*Entry {
	out := make([]*Entry, 0, len(steps))
	for i, s := range steps {
		out = append(out, &Entry{N: i + 1, Title: s.Title, Action: s.Action, Status: "pending"})
	}
	return out
}

// LoadJournal reads a journal written by an earlier run.
func LoadJournal(path string) (*Journal, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	j := &Journal{}
	if err := json.Unmarshal(b, j); err != nil {
		return nil, fmt.Errorf("%s: not a migrate journal: %v", path, err)
	}
	if j.Version != JournalVersion {
		return nil, fmt.Errorf("%s: journal version %d; this ecs2fargate reads version %d", path, j.Version, JournalVersion)
	}
	j.path = path
	return j, nil
}

// Path is where the journal is written.
func (j *Journal) Path() string { return j.path }

// save writes the journal whole, through a temporary file and a rename, so
// a crash leaves the previous version or the new one, never half of one.
func (j *Journal) save() error {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.saveLocked()
}

func (j *Journal) saveLocked() error {
	b, err := json.MarshalIndent(j, "", "  ")
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(j.path), ".journal-*")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(append(b, '\n')); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	tmp.Close()
	return os.Rename(tmp.Name(), j.path)
}

// update changes the journal under its lock and saves it.
func (j *Journal) update(f func()) error {
	j.mu.Lock()
	defer j.mu.Unlock()
	f()
	return j.saveLocked()
}

func mustJSON(v any) json.RawMessage {
	if v == nil {
		return nil
	}
	b, _ := json.Marshal(v)
	return b
}
