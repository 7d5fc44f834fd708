package rewrite

import (
	"bytes"
	"fmt"
	"strings"
	"sync"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"

	"github.com/ecs2fargate/ecs2fargate/analyzer"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/internal/jsonedit"
)

// maxRounds bounds the fix-and-re-audit passes; cascades settle in two.
const maxRounds = 4

// ForceRuleID is the pseudo rule of the change that heads a forced
// rewrite's change list.
const ForceRuleID = "force"

// TaskDefinition rewrites td (a member of f, which gives it its services,
// hosts and images) into a register-task-definition request for Fargate.
// A definition with a blocker is not rewritten unless opts.Force. The
// error is for input that cannot be rewritten at all (no containers, an
// unknown log Region where one is needed).
func TaskDefinition(f *fleet.Fleet, td *fleet.TaskDefinition, opts Options) (*Result, error) {
	return taskDefinition(f, td, opts, nil)
}

// taskDefinition is TaskDefinition, taking td's findings from known when
// it has them.
func taskDefinition(f *fleet.Fleet, td *fleet.TaskDefinition, opts Options, known *Audited) (*Result, error) {
	opts = opts.withDefaults()
	if err := opts.Validate(); err != nil {
		return nil, err
	}
	where := describe(td)
	if len(td.Def.ContainerDefinitions) == 0 {
		return nil, fmt.Errorf("%s: containerDefinitions is empty; a task definition needs at least one container, so there is nothing to rewrite", where)
	}
	a := newAuditor(f, td)
	sc := scratches.Get().(*scratch)
	defer sc.put()
	orig, ok := known.appendFindings(sc.orig[:0], td)
	if !ok {
		orig = a.auditInto(sc.orig, td)
	}
	sc.orig = orig
	res := &Result{Key: td.Key(), Account: td.Identity.Account, Region: td.Identity.Region, Changes: []Change{}, Remaining: []Remaining{}}
	if b := blockers(orig); len(b) > 0 {
		res.Blocked = true
		if !opts.Force {
			res.Remaining = sc.sets.appendRemaining(res.Remaining, orig, orig, nil)
			return res, nil
		}
		res.Forced = true
		res.Changes = append(res.Changes, Change{RuleID: ForceRuleID, Lossy: true, Message: fmt.Sprintf(
			"FORCED: blockers remain (%s); this document was written only because of --force and will not run on Fargate as intended", strings.Join(b, ", "))})
	}
	platform := f.PlatformWithHosts(td, a.hosts) // f.Platform(td), from the hosts the auditor gathered
	ctx := &shared{family: ptr.Value(td.Def.Family), origin: originOf(td, a.services), windows: platform.IsWindows()}
	if err := checkInputs(ctx, opts, orig, where); err != nil {
		return nil, err
	}
	ctx.usage, ctx.notes = sizeSource(f, td, a.services, opts, ctx.windows, ctx.notes)
	doc, changes, final, err := fixLoop(sc, a, ctx, td, opts, orig)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", where, err)
	}
	res.Document = doc
	if len(res.Changes) == 0 && changes != nil {
		res.Changes = changes // fixLoop's own list: no copy
	} else {
		res.Changes = append(res.Changes, changes...)
	}
	res.Remaining = append(sc.sets.appendRemaining(res.Remaining, orig, final.findings, changes), ctx.notes...)
	res.Size = sizeOf(final.td)
	return res, nil
}

type state struct {
	td       *fleet.TaskDefinition
	findings []analyzer.Finding
}

// scratch is what a rewrite's rounds reuse: the editor whose two buffers
// the edits are made in, and the plan whose list the rounds fill in turn.
type scratch struct {
	ed   jsonedit.Editor
	plan plan
	top  jsonedit.Top       // the round's listing of the document's members
	orig []analyzer.Finding // the original's findings
	// found are the rewritten document's findings, each round's audit in
	// turn (the round's plan has read the round before's by then).
	found []analyzer.Finding
	sets  remainingMaps // remaining's sets
	// read is where the original document is read again and dedented:
	// the first round reads it, and nothing made from it keeps it (plan.apply
	// returns an edited document copied out of the Editor, and each change's
	// values in slices of their own); fixLoop copies it out when no edit ran.
	read []byte
}

// put returns sc to scratches, letting go of the findings it held.
func (sc *scratch) put() {
	clear(sc.orig)
	sc.orig = sc.orig[:0]
	clear(sc.found[:cap(sc.found)]) // a round's audit may have found more than the last
	sc.found = sc.found[:0]
	sc.sets.reset()
	scratches.Put(sc)
}

// scratches are the scratch of the rewrites running, one a goroutine at a
// time: their room, about two documents and a round's edits, is reused
// from one task definition to the next instead of allocated for each
// (issue 17: what the report's preview allocates, the collector pays for
// by marking the whole loaded estate).
var scratches = sync.Pool{New: func() any { return &scratch{plan: plan{seen: map[string]bool{}}} }}

// fixLoop plans and applies rounds of fixes until one changes nothing.
func fixLoop(sc *scratch, a *auditor, ctx *shared, td *fleet.TaskDefinition, opts Options, orig []analyzer.Finding) ([]byte, []Change, state, error) {
	cur := state{td: td, findings: orig}
	raw, err := td.Doc.OwnBytesIn(sc.read)
	if err != nil {
		return nil, nil, cur, err
	}
	if cap(raw) > cap(sc.read) {
		sc.read = raw[:0] // grown: kept for the next definition
	}
	doc := ownedStart(raw)
	ed := &sc.ed
	doc, changes, err := stripNulls(ed, doc)
	if err != nil {
		return nil, nil, cur, err
	}
	for i := 0; i < maxRounds; i++ {
		// The round's reads share one listing of the document's members.
		r := &round{p: sc.plan.reset(), td: cur.td, subj: a.subject(cur.td), top: sc.top.Relist(doc), opts: opts, shared: ctx}
		if i == 0 {
			planReadOnly(r.p, r.top, td)
			planEmptyPlacement(r.p, r.top)
		}
		r.planRound(cur.findings)
		next, ch, err := r.p.apply(ed, doc)
		if err != nil {
			return nil, nil, cur, err
		}
		if len(ch) == 0 {
			break
		}
		if changes == nil {
			changes = ch // the round's own list (plan.apply makes it)
		} else {
			changes = append(changes, ch...)
		}
		doc = next
		if cur.td, err = a.decode(doc); err != nil {
			return nil, nil, cur, err
		}
		cur.findings = a.auditInto(sc.found, cur.td)
		sc.found = cur.findings
	}
	if len(changes) == 0 {
		// No edit ran, so doc is still the starting document, in the
		// scratch's buffer (an edit's result is copied out of the Editor).
		doc = bytes.Clone(doc)
	}
	return doc, changes, cur, nil
}

// StartingDocument is the document a rewrite of raw starts from, and so
// what a diff of the rewrite compares with: raw trimmed, and dedented when
// it was cut out of describe-task-definition output.
func StartingDocument(raw []byte) []byte {
	return jsonedit.Dedent(bytes.TrimSpace(raw))
}

// ownedStart is StartingDocument(raw) made in raw's own bytes, which the
// caller owns (fleet.Doc.OwnBytesIn: read again from the file, or a copy
// of what the model holds, into the scratch's buffer), so the result and
// the rounds' documents share nothing with the model. Dedenting in place saves a copy of each
// document (issue 17: 16 MB of what the report's preview allocated at
// 10,000 services).
func ownedStart(raw []byte) []byte {
	return jsonedit.DedentInPlace(bytes.TrimSpace(raw))
}

// checkInputs fails early when a fix the findings call for needs a value
// nothing in the inputs gives (the rules declare what: Rule.FixNeeds).
func checkInputs(ctx *shared, opts Options, orig []analyzer.Finding, where string) error {
	var needs analyzer.FixInput
	for _, f := range orig {
		if f.Severity == analyzer.Fixable {
			needs |= fixNeeds[f.RuleID]
		}
	}
	if needs&analyzer.NeedsLogRegion != 0 && opts.LogRegion == "" && ctx.origin.region == "" {
		return fmt.Errorf("%s: the awslogs Region is unknown (no ARN or ECR image names one); pass --log-region", where)
	}
	if needs&analyzer.NeedsExecutionRole != 0 && opts.ExecutionRoleARN == "" && ctx.origin.account == "" {
		return fmt.Errorf("%s: an execution role is needed but the account is unknown (no ARN or ECR image names one); pass --execution-role-arn", where)
	}
	return nil
}

func sizeOf(td *fleet.TaskDefinition) Size {
	s, _ := currentSize(td.Def.Cpu, td.Def.Memory)
	return Size{CPU: s.CPU, Memory: s.Memory}
}

// describe names the task definition and its file for messages.
func describe(td *fleet.TaskDefinition) string {
	s := "task definition " + td.Key()
	if f := td.Doc.Source.File; f != "" {
		s += " (" + f + ")"
	}
	return s
}
