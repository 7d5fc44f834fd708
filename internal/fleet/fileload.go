package fleet

import (
	"fmt"
	"os"
	"sync/atomic"

	"github.com/ecs2fargate/ecs2fargate/internal/awsjson"
	"github.com/ecs2fargate/ecs2fargate/internal/parallel"
)

// Inputs are read and decoded concurrently, one file per worker at a time,
// because decoding JSON is most of a load's time. A worker touches nothing
// shared: it records what its file yields in a fileLoad, and the builder
// applies those in input order, so the fleet and its diagnostics are the
// same, byte for byte, as a sequential load's. (The one thing workers
// share is the count of inputs done, for LoadOptions.Progress.)

// input is one document to load, or a problem met while listing them.
type input struct {
	name     string
	named    bool        // named on the command line, not found in a directory
	inMemory bool        // data holds the document (standard input, LoadBytes)
	data     []byte      // the document when inMemory
	diag     *Diagnostic // set instead of the rest when the input could not be listed
	unit     *unitInput  // set when a Translator claimed the input's files
	// claimers may claim the file once read (see FileClaimer); with
	// onlyClaimed, a file they leave is not an input.
	claimers    []FileClaimer
	onlyClaimed bool
}

// fileLoad is what loading one input yields: its diagnostics and the
// resources to add to the fleet, in the order they were met.
type fileLoad struct {
	jsonOnly bool   // decode with encoding/json alone (tests compare both ways)
	prefix   string // the document's path in its file: "[2]" in an array or stream, else ""
	read     bool   // the input was read (it then counts among Fleet.Inputs)
	// unrecognised is set when the document was of no shape the loader reads.
	unrecognised bool
	diags        []Diagnostic
	adds         []pendingAdd
	dec          awsjson.Decoder // allocates the file's small values in blocks
	docs         []*Doc          // documents whose Raw may lie in the file's bytes (see spill)

	tr      *translation    // the translated document being loaded, if any
	located []translatedDoc // the translated documents loaded
	unit    *unitInput      // the unit a FileClaimer made of the input, if any
}

// pendingAdd adds one resource to the builder; at is the number of the
// file's diagnostics met before it, so that duplicate warnings, which only
// the builder can give, fall between them as in a sequential load.
type pendingAdd struct {
	at    int
	apply func(b *builder)
}

// add records a change to the builder, made when the file is applied.
func (l *fileLoad) add(apply func(b *builder)) {
	l.adds = append(l.adds, pendingAdd{at: len(l.diags), apply: apply})
}

// loadInputs loads ins on GOMAXPROCS workers, then applies each result to
// the builder in the order of ins.
func (b *builder) loadInputs(ins []input) {
	results := make([]*fileLoad, len(ins))
	strs := awsjson.NewStrings() // shared by this load's decoders, then dropped
	var done atomic.Int64
	parallel.For(len(ins), func(i int) {
		results[i] = loadInput(ins[i], b.jsonOnly, strs)
		if b.progress != nil {
			b.progress(int(done.Add(1)), len(ins))
		}
	})
	for i, l := range results {
		if u := ins[i].unit; u != nil {
			b.record(u, l)
		} else if l.unit != nil {
			b.record(l.unit, l)
		} else if l.read {
			b.fleet.Inputs = append(b.fleet.Inputs, ins[i].name)
		}
		b.apply(l)
	}
}

// loadInput reads and decodes one input; it runs on a worker.
func loadInput(in input, jsonOnly bool, strs *awsjson.Strings) *fileLoad {
	l := &fileLoad{jsonOnly: jsonOnly}
	l.dec.Strings = strs
	skipNotRead(&l.dec)
	if in.diag != nil {
		l.diags = append(l.diags, *in.diag)
		return l
	}
	if in.unit != nil {
		l.loadUnit(in.unit.translator, in.unit.files)
		return l
	}
	data := in.data
	if !in.inMemory {
		var err error
		if data, err = os.ReadFile(in.name); err != nil {
			l.diags = append(l.diags, Diagnostic{File: in.name, Level: LevelError, Message: fmt.Sprintf("cannot read: %v", unwrapPathErr(err))})
			return l
		}
	}
	if len(in.claimers) > 0 && l.claimed(in, data) || in.onlyClaimed {
		return l // a unit (recorded by the builder), or no input
	}
	l.read = true
	l.loadData(in.name, data, in.named)
	if !in.inMemory {
		l.spill(data)
	}
	return l
}

// apply merges one input's result into the builder.
func (b *builder) apply(l *fileLoad) {
	done := 0
	for _, a := range l.adds {
		b.diags = append(b.diags, l.diags[done:a.at]...)
		done = a.at
		a.apply(b)
	}
	b.diags = append(b.diags, l.diags[done:]...)
}
