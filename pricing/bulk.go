package pricing

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
)

// DefaultBulkURL is the base of the AWS Price List bulk files (no
// credentials needed).
const DefaultBulkURL = "https://pricing.us-east-1.amazonaws.com"

// offerIndexPath is the service index, relative to the base URL.
const offerIndexPath = "/offers/v1.0/aws/index.json"

// Bulk downloads offer files from the Price List bulk API (or anything
// serving the same paths, such as a test server or an internal mirror).
type Bulk struct {
	BaseURL string
	Client  *http.Client
	// Progress, when set, gets a line per offer file: the files are large
	// enough that a silent wait looks like a hang.
	Progress io.Writer
}

// offerIndex is the part of the service index the updater reads.
type offerIndex struct {
	Offers map[string]struct {
		CurrentRegionIndexURL string `json:"currentRegionIndexUrl"`
	} `json:"offers"`
}

type regionIndex struct {
	Regions map[string]struct {
		RegionCode        string `json:"regionCode"`
		CurrentVersionURL string `json:"currentVersionUrl"`
	} `json:"regions"`
}

// bulkOffers are the offers read per region and what each keeps.
var bulkOffers = []struct {
	code   string
	itemOf func(*product) (Item, bool)
}{
	{"AmazonECS", ECSItem},
	{"AmazonEC2", EC2Product},
	{"AmazonVPC", VPCItem},
}

// Fetch reads the AmazonECS, AmazonEC2 and AmazonVPC offers and the
// Compute Savings Plan rates for each region.
func (b *Bulk) Fetch(ctx context.Context, regions []string) ([]RegionOffers, error) {
	var idx offerIndex
	if err := b.getJSON(ctx, offerIndexPath, "offer index", &idx); err != nil {
		return nil, err
	}
	var out []RegionOffers
	indexes := map[string]regionIndex{}
	for _, bo := range bulkOffers {
		code := bo.code
		o, ok := idx.Offers[code]
		if !ok || o.CurrentRegionIndexURL == "" {
			return nil, fmt.Errorf("offer index %s has no %s offer with a currentRegionIndexUrl", b.url(offerIndexPath), code)
		}
		var ri regionIndex
		if err := b.getJSON(ctx, o.CurrentRegionIndexURL, code+" region index", &ri); err != nil {
			return nil, err
		}
		indexes[code] = ri
	}
	for _, r := range regions {
		ro := RegionOffers{Region: r}
		for _, bo := range bulkOffers {
			entry, ok := indexes[bo.code].Regions[r]
			if !ok {
				return nil, fmt.Errorf("region %s is not in the %s region index (%d regions listed)", r, bo.code, len(indexes[bo.code].Regions))
			}
			offer, err := b.offer(ctx, entry.CurrentVersionURL, bo.code, r, bo.itemOf)
			if err != nil {
				return nil, err
			}
			ro.Offers = append(ro.Offers, offer)
		}
		sp, err := b.savingsPlans(ctx, r)
		if err != nil {
			return nil, err
		}
		ro.Offers = append(ro.Offers, sp)
		out = append(out, ro)
	}
	return out, nil
}

// offer streams one offer file through the parser.
func (b *Bulk) offer(ctx context.Context, path, code, region string, itemOf func(*product) (Item, bool)) (*Offer, error) {
	body, err := b.get(ctx, path)
	if err != nil {
		return nil, fmt.Errorf("downloading %s offer for %s: %w", code, region, err)
	}
	defer body.Close()
	if b.Progress != nil {
		fmt.Fprintf(b.Progress, "reading %s offer for %s from %s\n", code, region, b.url(path))
	}
	counted := &byteCounter{r: body}
	o, err := ParseOffer(counted, region, itemOf)
	if err != nil {
		return nil, fmt.Errorf("reading %s offer for %s (%s): %w", code, region, b.url(path), err)
	}
	if o.OfferCode == "" {
		o.OfferCode = code
	}
	if len(o.Prices) == 0 {
		return nil, fmt.Errorf("reading %s offer for %s (%s): no usable prices found; is this an offer file?", code, region, b.url(path))
	}
	if b.Progress != nil {
		fmt.Fprintf(b.Progress, "  %d prices kept from %.1f MB (version %s)\n", len(o.Prices), float64(counted.n)/1e6, o.Version)
	}
	return o, nil
}

func (b *Bulk) getJSON(ctx context.Context, path, what string, dst any) error {
	body, err := b.get(ctx, path)
	if err != nil {
		return fmt.Errorf("downloading %s: %w", what, err)
	}
	defer body.Close()
	if err := json.NewDecoder(body).Decode(dst); err != nil {
		return fmt.Errorf("reading %s (%s): %w", what, b.url(path), noEOF(err))
	}
	return nil
}

func (b *Bulk) get(ctx context.Context, path string) (io.ReadCloser, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, b.url(path), nil)
	if err != nil {
		return nil, err
	}
	client := b.Client
	if client == nil {
		client = http.DefaultClient
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		return nil, fmt.Errorf("GET %s: HTTP %s", b.url(path), resp.Status)
	}
	return resp.Body, nil
}

// url resolves a path from an index (absolute paths like
// /offers/v1.0/aws/...) against the base URL; full URLs are kept.
func (b *Bulk) url(path string) string {
	if u, err := url.Parse(path); err == nil && u.IsAbs() {
		return path
	}
	base := b.BaseURL
	if base == "" {
		base = DefaultBulkURL
	}
	return strings.TrimRight(base, "/") + "/" + strings.TrimLeft(path, "/")
}

// byteCounter counts what the parser read, for the progress line.
type byteCounter struct {
	r io.Reader
	n int64
}

func (c *byteCounter) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// ParseOfferOf reads an offer file of one of the offers the book keeps
// (AmazonECS, AmazonEC2, AmazonVPC) with that offer's classifier, as
// `pricing update` does; the generator of the embedded book uses it.
func ParseOfferOf(r io.Reader, region, offerCode string) (*Offer, error) {
	for _, bo := range bulkOffers {
		if bo.code == offerCode {
			return ParseOffer(r, region, bo.itemOf)
		}
	}
	return nil, fmt.Errorf("offer %s is not one the price book reads", offerCode)
}
