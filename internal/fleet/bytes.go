package fleet

// LoadBytes reads one document held in memory (any recognised shape,
// usually a snapshot built by live discovery), named name in messages.
func LoadBytes(name string, data []byte) (*Fleet, []Diagnostic) {
	return newBuilder().loadBytes(name, data)
}

func (b *builder) loadBytes(name string, data []byte) (*Fleet, []Diagnostic) {
	b.loadInputs([]input{b.memoryInput(name, data)})
	b.link()
	b.locate()
	return b.fleet, b.diags
}
