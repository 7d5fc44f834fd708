package discover

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"

	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"

	"github.com/ecs2fargate/ecs2fargate/internal/atomicfile"
	"github.com/ecs2fargate/ecs2fargate/internal/awsjson"
	"github.com/ecs2fargate/ecs2fargate/internal/fleet"
	"github.com/ecs2fargate/ecs2fargate/internal/ptr"
)

// A sweep reads each task definition revision with its own
// DescribeTaskDefinition call (the API has no batch form), which is most of
// the ECS calls of a large estate. A revision's content cannot change once
// registered (RegisterTaskDefinition makes a new revision for any change:
// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/update-task-definition-console-v2.html),
// so a revision read once can be kept by its ARN. Two things about it can
// change and a cached copy does not see: its tags and its status (a
// deregistered revision turns INACTIVE). The audit reads tags only to
// tell that infrastructure as code manages the task definition; the README
// says to sweep without the cache when that matters.

// TaskDefinitionCache keeps task definition revisions by ARN between
// sweeps. Get and Put may be called from many goroutines at once.
type TaskDefinitionCache interface {
	// Get returns the revision with this ARN and its tags, if kept.
	Get(arn string) (ecstypes.TaskDefinition, []ecstypes.Tag, bool)
	// Put keeps a revision read from AWS; an error only loses the copy.
	Put(td ecstypes.TaskDefinition, tags []ecstypes.Tag) error
}

// DirCache keeps each revision as a describe-task-definition document
// (the AWS CLI's output shape, so a person can read it) in one directory,
// named by a hash of its ARN. Each file is written atomically, so a
// sweep that is stopped leaves no half-written entry.
type DirCache struct{ Dir string }

func (c DirCache) path(arn string) string {
	sum := sha256.Sum256([]byte(arn))
	return filepath.Join(c.Dir, hex.EncodeToString(sum[:16])+".json")
}

// Get reads the revision's file; a missing, unreadable or foreign file is
// a miss (the revision is then read from AWS and the file rewritten).
func (c DirCache) Get(arn string) (ecstypes.TaskDefinition, []ecstypes.Tag, bool) {
	data, err := os.ReadFile(c.path(arn))
	if err != nil {
		return ecstypes.TaskDefinition{}, nil, false
	}
	f, diags := fleet.LoadBytes(c.path(arn), data)
	if fleet.HasErrors(diags) || len(f.TaskDefinitions) != 1 || ptr.Value(f.TaskDefinitions[0].Def.TaskDefinitionArn) != arn {
		return ecstypes.TaskDefinition{}, nil, false
	}
	td := f.TaskDefinitions[0]
	return td.Def, td.Tags, true
}

// Put writes the revision's file, creating the directory when needed.
func (c DirCache) Put(td ecstypes.TaskDefinition, tags []ecstypes.Tag) error {
	arn := ptr.Value(td.TaskDefinitionArn)
	if arn == "" {
		return errors.New("task definition without an ARN")
	}
	if err := os.MkdirAll(c.Dir, 0o755); err != nil {
		return err
	}
	doc, err := awsjson.Marshal(struct {
		TaskDefinition ecstypes.TaskDefinition
		Tags           []ecstypes.Tag
	}{td, tags}, awsjson.ECSCLI)
	if err != nil {
		return err
	}
	return atomicfile.Write(c.path(arn), 0o644, func(w io.Writer) error {
		_, err := w.Write(doc)
		return err
	})
}

// Entries counts the revisions kept (for messages and tests).
func (c DirCache) Entries() int {
	n := 0
	filepath.WalkDir(c.Dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && filepath.Ext(d.Name()) == ".json" {
			n++
		}
		return nil
	})
	return n
}

// MemoryCache serves the revisions of earlier snapshots (or any fleet),
// in front of an optional next cache that misses fall through to and that
// every Put reaches.
type MemoryCache struct {
	mu   sync.RWMutex
	byID map[string]cached
	Next TaskDefinitionCache
}

type cached struct {
	td   ecstypes.TaskDefinition
	tags []ecstypes.Tag
}

// NewMemoryCache keeps every task definition of f that has an ARN.
func NewMemoryCache(f *fleet.Fleet, next TaskDefinitionCache) *MemoryCache {
	c := &MemoryCache{byID: map[string]cached{}, Next: next}
	if f != nil {
		for _, td := range f.TaskDefinitions {
			if arn := ptr.Value(td.Def.TaskDefinitionArn); arn != "" {
				c.byID[arn] = cached{td.Def, td.Tags}
			}
		}
	}
	return c
}

// Len is the number of revisions held in memory.
func (c *MemoryCache) Len() int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return len(c.byID)
}

func (c *MemoryCache) Get(arn string) (ecstypes.TaskDefinition, []ecstypes.Tag, bool) {
	c.mu.RLock()
	e, ok := c.byID[arn]
	c.mu.RUnlock()
	if ok {
		return e.td, e.tags, true
	}
	if c.Next != nil {
		return c.Next.Get(arn)
	}
	return ecstypes.TaskDefinition{}, nil, false
}

func (c *MemoryCache) Put(td ecstypes.TaskDefinition, tags []ecstypes.Tag) error {
	if c.Next != nil {
		return c.Next.Put(td, tags)
	}
	return nil
}
