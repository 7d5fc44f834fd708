package fleet

import (
	"bytes"
	"path/filepath"
	"strings"
)

// isYAMLInput decides, once for the loader and the locator, whether an
// input is YAML: a .yaml or .yml file is; a .json file is not; anything
// else (standard input, other names) is YAML when its first significant
// byte cannot start JSON output but starts a YAML mapping, sequence,
// comment or document marker.
func isYAMLInput(name string, data []byte) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".yaml", ".yml":
		return true
	case ".json":
		return false
	}
	data = bytes.TrimLeft(bytes.TrimPrefix(data, utf8BOM), " \t\r\n")
	if len(data) == 0 {
		return false
	}
	c := data[0]
	return c == '#' || c == '-' && (bytes.HasPrefix(data, []byte("---")) || bytes.HasPrefix(data, []byte("- "))) ||
		c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// isYAMLName reports whether a file found in a directory is read as YAML.
func isYAMLName(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".yaml" || ext == ".yml"
}

// isCloudFormationTemplate reports whether a document with these
// top-level keys is a CloudFormation template (JSON or YAML) rather than
// AWS CLI output: templates have Resources, and usually
// AWSTemplateFormatVersion
// (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-anatomy.html).
// It is the one place that tells the two apart, so that a template reader
// can claim what this loader leaves alone.
func isCloudFormationTemplate(keys []string) bool {
	for _, k := range keys {
		if k == "Resources" || k == "AWSTemplateFormatVersion" {
			return true
		}
	}
	return false
}

// notTemplateInput is the diagnostic for a CloudFormation template met
// by the loader of AWS CLI output: named as what it is, not as bad output.
func notTemplateInput(file string, named bool) Diagnostic {
	level, verb := skipLevel(named)
	return Diagnostic{File: file, Level: level, Message: verb + ": a CloudFormation template (top-level Resources or AWSTemplateFormatVersion); " +
		"this loader reads AWS CLI output and ecs2fargate snapshots, not templates"}
}
