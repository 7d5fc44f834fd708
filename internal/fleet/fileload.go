package fleet

import (
	"fmt"
	"sync"
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
	dec          *awsjson.Decoder // lent while the input loads (see loans)
	loans        *loans
	loan         *loan
	docs         []*Doc     // documents whose Raw may lie in the file's bytes (see spill)
	pre          *preloaded // the member loadFolded decoded, until its shape's loader takes it
	made         made       // the resources made, by kind (see reserve)

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
	loans := &loans{strs: awsjson.NewStringsFor(len(ins) * stringsPerInput)} // this load's, then dropped
	var done atomic.Int64
	parallel.For(len(ins), func(i int) {
		results[i] = loadInput(ins[i], b.jsonOnly, loans)
		if b.progress != nil {
			b.progress(int(done.Add(1)), len(ins))
		}
	})
	var all made
	for _, l := range results {
		all.add(l.made)
	}
	b.reserve(all)
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

// stringsPerInput is about how many distinct short strings each input
// file adds to a load's shared strings when an estate is a file a
// resource, as aws ecs describe-* output saved per service often is:
// 89,282 for the 10,278 files of the generated 10,000-service fleet,
// 873,342 for 102,033 at 100,000. An estate in fewer, larger files grows
// the maps from there as before.
const stringsPerInput = 8

// loadInput reads and decodes one input; it runs on a worker.
func loadInput(in input, jsonOnly bool, loans *loans) *fileLoad {
	l := &fileLoad{jsonOnly: jsonOnly, loans: loans}
	l.borrow()
	defer l.giveBack()
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
		if data, err = l.loan.read(in.name); err != nil {
			l.diags = append(l.diags, Diagnostic{File: in.name, Level: LevelError, Message: fmt.Sprintf("cannot read: %v", unwrapPathErr(err))})
			return l
		}
	}
	if len(in.claimers) > 0 && l.claimed(in, data) {
		l.loan.keep() // the unit's translation may hold them
		return l      // a unit, recorded by the builder
	}
	if in.onlyClaimed {
		return l // no input
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

// loans lends the loader's workers what loading an input needs and what
// it yields does not keep: a Decoder, whose blocks (see awsjson.Decoder)
// then fill up across inputs, where a Decoder of each input's own left
// the end of each of its blocks unused (a tenth of the memory of the
// decoded strings, pointers and times); and a buffer for the file's
// bytes, which the documents do not keep (they are spilled: see spill),
// where a new slice for each file was most of the garbage a load made.
// The Decoders and buffers are dropped with the load; the values decoded
// keep the blocks they lie in alive.
type loans struct {
	mu   sync.Mutex
	free []*loan
	strs *awsjson.Strings // shared by the Decoders
}

type loan struct {
	dec awsjson.Decoder
	buf []byte // the last file's bytes, whose room the next file reuses
	// shared holds the first copy of each value decoded on this loan
	// (see share.go).
	shared *sharer
}

// maxReused is the largest buffer kept for the next file: a larger one
// is left to the collector, so that one large file does not hold its
// size for the rest of the load.
const maxReused = 16 << 20

// Tests set these: reuseLimit (maxReused) to 0 to keep no buffer, and
// scribble to overwrite each buffer kept before the next file is read
// into it, which shows anything loaded that still points into it.
var (
	reuseLimit = maxReused
	scribble   bool
)

// get lends a loan.
func (p *loans) get() *loan {
	p.mu.Lock()
	defer p.mu.Unlock()
	if n := len(p.free); n > 0 {
		ln := p.free[n-1]
		p.free = p.free[:n-1]
		return ln
	}
	ln := &loan{shared: newSharer()}
	ln.dec.Strings = p.strs
	skipNotRead(&ln.dec)
	return ln
}

// put takes a loan back.
func (p *loans) put(ln *loan) {
	if cap(ln.buf) > reuseLimit {
		ln.buf = nil
	}
	if scribble {
		for b, i := ln.buf[:cap(ln.buf)], 0; i < len(b); i++ {
			b[i] = '#'
		}
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.free = append(p.free, ln)
}

// read reads the file at path into the loan's buffer, as os.ReadFile
// would into a new slice (see readInto). The bytes are valid until the
// loan's next read.
func (ln *loan) read(path string) ([]byte, error) {
	data, err := readInto(path, ln.buf)
	ln.buf = data[:0]
	if err != nil {
		return nil, err
	}
	return data, nil
}

// minReadBuffer is the smallest buffer a file is read into.
const minReadBuffer = 512

// keep gives up the loan's buffer: what was loaded from it may hold it.
func (ln *loan) keep() { ln.buf = nil }

// borrow gives l a loan from its pool (every fileLoad has one: loadInput
// makes them with the load's pool, documents with their file's).
func (l *fileLoad) borrow() {
	l.loan = l.loans.get()
	l.dec = &l.loan.dec
}

// giveBack returns l's loan: what l yields outlives the load of its
// input, the loan must not.
func (l *fileLoad) giveBack() {
	l.loans.put(l.loan)
	l.loans, l.loan, l.dec = nil, nil, nil
}
