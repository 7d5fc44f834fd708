package pricing

import (
	"bytes"
	"fmt"
	"io"
	"testing"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"

	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
)

// syntheticOffer generates an AmazonEC2-shaped offer file of about size
// bytes on the fly (never on disk): products, then OnDemand terms, then
// Reserved terms, in the real shape. One product in eight is a kept
// Linux/Shared/OnDemand row, as in the real file.
type syntheticOffer struct {
	n, i  int
	phase int
	buf   bytes.Buffer
}

const perSKUBytes = 2315 // product + on-demand + reserved; TestSyntheticOfferParses checks it

func newSyntheticOffer(size int64) *syntheticOffer {
	s := &syntheticOffer{n: int(size / perSKUBytes)}
	s.buf.WriteString(`{"formatVersion":"v1.0","disclaimer":"synthetic","offerCode":"AmazonEC2","version":"20261101000000","publicationDate":"2026-11-01T00:00:00Z","products":{`)
	return s
}

func (s *syntheticOffer) Read(p []byte) (int, error) {
	for s.buf.Len() < len(p) && s.phase < 4 {
		s.fill()
	}
	if s.buf.Len() == 0 {
		return 0, io.EOF
	}
	return s.buf.Read(p)
}

func (s *syntheticOffer) fill() {
	if s.i == s.n {
		s.i = 0
		s.phase++
		s.buf.WriteString([]string{`},"terms":{"OnDemand":{`, `},"Reserved":{`, `}},"attributesList":{}}`, ``}[s.phase-1])
		return
	}
	sep := ","
	if s.i == 0 {
		sep = ""
	}
	sku := fmt.Sprintf("SKU%013d", s.i)
	os, sw := "Linux", "NA"
	if s.i%8 != 0 {
		os, sw = []string{"Windows", "RHEL", "SUSE", "Linux"}[s.i%4], "SQL Std"
	}
	switch s.phase {
	case 0:
		fmt.Fprintf(&s.buf, `%s"%s":{"sku":"%s","productFamily":"Compute Instance","attributes":{"enhancedNetworkingSupported":"Yes","intelTurboAvailable":"Yes","memory":"8 GiB","dedicatedEbsThroughput":"Up to 4750 Mbps","vcpu":"2","classicnetworkingsupport":"false","capacitystatus":"Used","locationType":"AWS Region","storage":"EBS only","instanceFamily":"General purpose","operatingSystem":"%s","intelAvx2Available":"Yes","regionCode":"us-east-1","physicalProcessor":"Intel Xeon 8375C (Ice Lake)","clockSpeed":"3.5 GHz","ecu":"NA","networkPerformance":"Up to 12500 Megabit","servicename":"Amazon Elastic Compute Cloud","gpuMemory":"NA","vpcnetworkingsupport":"true","instanceType":"m6i.x%d","tenancy":"Shared","usagetype":"BoxUsage:m6i.x%d","normalizationSizeFactor":"4","intelAvxAvailable":"Yes","processorFeatures":"Intel AVX; Intel AVX2; Intel AVX512; Intel Turbo","servicecode":"AmazonEC2","licenseModel":"No License required","currentGeneration":"Yes","preInstalledSw":"%s","location":"US East (N. Virginia)","processorArchitecture":"64-bit","marketoption":"OnDemand","operation":"RunInstances","availabilityzone":"NA"}}`,
			sep, sku, sku, os, s.i, s.i, sw)
	case 1:
		fmt.Fprintf(&s.buf, `%s"%s":{"%s.JRTCKXETXF":{"offerTermCode":"JRTCKXETXF","sku":"%s","effectiveDate":"2026-11-01T00:00:00Z","priceDimensions":{"%s.JRTCKXETXF.6YS6EN2CT7":{"rateCode":"%s.JRTCKXETXF.6YS6EN2CT7","description":"$0.096 per On Demand Linux m6i.large Instance Hour","beginRange":"0","endRange":"Inf","unit":"Hrs","pricePerUnit":{"USD":"0.0960000000"},"appliesTo":[]}},"termAttributes":{}}}`,
			sep, sku, sku, sku, sku, sku)
	case 2:
		fmt.Fprintf(&s.buf, `%s"%s":{"%s.38NPMPTW36":{"offerTermCode":"38NPMPTW36","sku":"%s","effectiveDate":"2026-11-01T00:00:00Z","priceDimensions":{"%s.38NPMPTW36.2TG2D8R56U":{"rateCode":"%s.38NPMPTW36.2TG2D8R56U","description":"Upfront Fee","unit":"Quantity","pricePerUnit":{"USD":"1051"},"appliesTo":[]},"%s.38NPMPTW36.6YS6EN2CT7":{"rateCode":"%s.38NPMPTW36.6YS6EN2CT7","description":"Linux/UNIX (Amazon VPC), m6i.large reserved instance applied","beginRange":"0","endRange":"Inf","unit":"Hrs","pricePerUnit":{"USD":"0.0000000000"},"appliesTo":[]}},"termAttributes":{"LeaseContractLength":"3yr","OfferingClass":"convertible","PurchaseOption":"All Upfront"}}}`,
			sep, sku, sku, sku, sku, sku, sku, sku)
	}
	s.i++
}

// countingReader counts the bytes the parser consumed.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

func TestSyntheticOfferParses(t *testing.T) {
	cr := &countingReader{r: newSyntheticOffer(2 << 20)}
	o, err := ParseOffer(cr, "us-east-1", EC2Product)
	if err != nil {
		t.Fatal(err)
	}
	n := int(int64(2<<20) / perSKUBytes)
	if want := (n + 7) / 8; len(o.Prices) != want {
		t.Errorf("kept %d prices, want %d", len(o.Prices), want)
	}
	if per := cr.n / int64(n); per < perSKUBytes*9/10 || per > perSKUBytes*11/10 {
		t.Errorf("generator writes %d bytes per SKU; update perSKUBytes (%d)", per, perSKUBytes)
	}
}

// BenchmarkParseOffer500MB streams a synthetic 500 MB AmazonEC2 offer.
// Run with: go test -run '^$' -bench ParseOffer500MB -benchtime 1x ./pricing
// (MB/s is reported; peak RSS with /usr/bin/time -v on the test binary).
func BenchmarkParseOffer500MB(b *testing.B) {
	const size = 500 << 20
	for b.Loop() {
		cr := &countingReader{r: newSyntheticOffer(size)}
		if _, err := ParseOffer(cr, "us-east-1", EC2Product); err != nil {
			b.Fatal(err)
		}
		b.SetBytes(cr.n)
	}
}

// bigFleet builds services in clusters of 100, each cluster with 20
// m6i.xlarge container instances.
func bigFleet(services int) *fleet.Fleet {
	f := &fleet.Fleet{}
	cpu, mem := "512", "1024"
	for c := 0; c*100 < services; c++ {
		name := fmt.Sprintf("cluster-%03d", c)
		cl := &fleet.Cluster{Name: name}
		for i := 0; i < 20; i++ {
			arn := fmt.Sprintf("arn:aws:ecs:us-east-1:123456789012:container-instance/%s/%032d", name, i)
			typ, attr := "m6i.xlarge", "ecs.instance-type"
			ci := &fleet.ContainerInstance{Cluster: name, CI: ecstypes.ContainerInstance{ContainerInstanceArn: &arn,
				Attributes:          []ecstypes.Attribute{{Name: &attr, Value: &typ}},
				RegisteredResources: []ecstypes.Resource{{Name: strp("CPU"), IntegerValue: 4096}, {Name: strp("MEMORY"), IntegerValue: 15360}}}}
			cl.ContainerInstances = append(cl.ContainerInstances, ci)
			f.ContainerInstances = append(f.ContainerInstances, ci)
		}
		for i := 0; i < 100 && c*100+i < services; i++ {
			family := fmt.Sprintf("svc-%d-%d", c, i)
			td := &fleet.TaskDefinition{Def: ecstypes.TaskDefinition{Family: &family, Revision: 1, Cpu: &cpu, Memory: &mem}}
			arn := fmt.Sprintf("arn:aws:ecs:us-east-1:123456789012:service/%s/%s", name, family)
			svc := &fleet.Service{Cluster: name, TaskDef: td, Svc: ecstypes.Service{ServiceName: &family, ServiceArn: &arn, DesiredCount: 2, RunningCount: 2}}
			cl.Services = append(cl.Services, svc)
			f.Services = append(f.Services, svc)
			f.TaskDefinitions = append(f.TaskDefinitions, td)
		}
		f.Clusters = append(f.Clusters, cl)
	}
	return f
}

// BenchmarkCompare10kServices prices a 10,000-service fleet.
func BenchmarkCompare10kServices(b *testing.B) {
	f, book := bigFleet(10_000), Default()
	for b.Loop() {
		if _, err := Compare(f, book, DefaultOptions()); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSyntheticOfferGenerator is the generator alone, so the parser's
// share of BenchmarkParseOffer500MB can be told apart.
func BenchmarkSyntheticOfferGenerator(b *testing.B) {
	for b.Loop() {
		n, err := io.Copy(io.Discard, newSyntheticOffer(500<<20))
		if err != nil {
			b.Fatal(err)
		}
		b.SetBytes(n)
	}
}

// BenchmarkDefaultBook parses the embedded price book, as every command
// does once at start (`ecs2fargate` reads it unless a cache or
// --price-file stands in). Run with:
// go test -run '^$' -bench DefaultBook -benchmem ./pricing
func BenchmarkDefaultBook(b *testing.B) {
	b.ReportMetric(float64(len(defaultJSON)), "embedded-bytes")
	for i := 0; i < b.N; i++ {
		if Default() == nil {
			b.Fatal("no book")
		}
	}
}
