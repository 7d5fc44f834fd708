// Command pricegen builds the embedded price book and converts public price
// tables into its facts tables. See docs/cost.md, "The embedded price book".
//
//	pricegen build -sources pricing/data/sources -out pricing/data/default.json
//	pricegen convert -from karpenter -in zz_generated.pricing_aws.go -out pricing/data/sources/facts/KEY.csv -confidence A -note "…"
//	pricegen convert -from ec2instances -in generated_instances_data.txt -linux facts/KEY.csv -out facts/KEY2.csv -confidence B
//	pricegen convert -from skypilot -in vms.csv -out facts/KEY.csv -confidence B
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/ecs2fargate/ecs2fargate/internal/pricegen"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "pricegen:", err)
		os.Exit(1)
	}
}

func run(args []string, out io.Writer) error {
	if len(args) == 0 {
		return errors.New("usage: pricegen build|convert [flags]")
	}
	switch args[0] {
	case "build":
		return build(args[1:], out)
	case "convert":
		return convert(args[1:], out)
	}
	return fmt.Errorf("unknown command %q (want build or convert)", args[0])
}

func build(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	sources := fs.String("sources", "pricing/data/sources", "`DIR` holding base.json, facts/ and offers/")
	dest := fs.String("out", "pricing/data/default.json", "write the book to `FILE`")
	if err := fs.Parse(args); err != nil {
		return err
	}
	s, err := pricegen.LoadSources(*sources)
	if err != nil {
		return err
	}
	t, err := pricegen.Generate(s)
	if err != nil {
		return err
	}
	t.CompactInstanceTables()
	data, err := t.Marshal()
	if err != nil {
		return err
	}
	if err := writeAtomic(*dest, data); err != nil {
		return err
	}
	fmt.Fprintf(out, "%s: %d bytes, %d regions\n", *dest, len(data), len(t.Regions))
	return nil
}

func convert(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("convert", flag.ContinueOnError)
	from := fs.String("from", "", "the input's format: karpenter, ec2instances or skypilot")
	var ins multiFlag
	fs.Var(&ins, "in", "a public table to read (`FILE`; repeatable: their figures are merged)")
	dest := fs.String("out", "", "the facts table to write (`FILE`, named after its source key)")
	confidence := fs.String("confidence", "B", "confidence tag of the figures (A: AWS data, B: AWS data via a third party)")
	linux := fs.String("linux", "", "ec2instances: a facts `FILE` of current Linux prices; Windows figures are kept only where the Linux price still matches")
	region := fs.String("region", "us-east-1", "ec2instances: the region the summary describes")
	var notes multiFlag
	fs.Var(&notes, "note", "a comment line for the table's header (repeatable): where the input came from")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if len(ins) == 0 || *dest == "" {
		return errors.New("convert needs -in and -out")
	}
	var facts []pricegen.Fact
	for _, in := range ins {
		got, err := convertFile(in, *from, *linux, *region, &notes, out)
		if err != nil {
			return fmt.Errorf("converting %s: %w", in, err)
		}
		facts = append(facts, got...)
	}
	var buf bytes.Buffer
	if err := pricegen.WriteFacts(&buf, notes, *confidence, facts); err != nil {
		return err
	}
	if err := writeAtomic(*dest, buf.Bytes()); err != nil {
		return err
	}
	fmt.Fprintf(out, "%s: %d figures\n", *dest, len(facts))
	return nil
}

func convertFile(in, from, linux, region string, notes *multiFlag, out io.Writer) ([]pricegen.Fact, error) {
	f, err := os.Open(in)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	switch from {
	case "karpenter":
		return pricegen.FromKarpenter(f)
	case "skypilot":
		return pricegen.FromSkyPilot(f)
	case "ec2instances":
		return windowsFacts(f, linux, region, notes, out)
	}
	return nil, fmt.Errorf("-from %q: want karpenter, ec2instances or skypilot", from)
}

func windowsFacts(f io.Reader, linuxPath, region string, notes *multiFlag, out io.Writer) ([]pricegen.Fact, error) {
	if linuxPath == "" {
		return nil, errors.New("-from ec2instances needs -linux (current Linux prices to check the summary against)")
	}
	rows, err := pricegen.FromEC2InstancesSummary(f)
	if err != nil {
		return nil, err
	}
	lf, err := pricegen.ReadFactFile(linuxPath)
	if err != nil {
		return nil, err
	}
	linux := map[string]decimal.Decimal{}
	for _, fact := range lf.Facts {
		if t, ok := fact.Item.InstanceType(); ok && fact.Region == region {
			linux[t] = fact.Value
		}
	}
	facts, stale := pricegen.WindowsFacts(rows, region, linux)
	if len(stale) > 0 {
		*notes = append(*notes, fmt.Sprintf("left out (Linux price differs from %s or is absent there): %s", filepath.Base(linuxPath), strings.Join(stale, " ")))
		fmt.Fprintf(out, "%d Windows figures left out: their Linux price no longer matches %s\n", len(stale), linuxPath)
	}
	return facts, nil
}

type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, "; ") }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }

// writeAtomic writes a temporary file beside path and renames it over.
func writeAtomic(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".pricegen-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
