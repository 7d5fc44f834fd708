package rewrite

// awslogsOptions are the options of the awslogs configuration the rewrite
// writes for a container (analyzer.Fixer.AwslogsOptions): group and prefix
// from the templates, the log Region.
func (r *round) awslogsOptions(container string) map[string]string {
	return map[string]string{
		"awslogs-group":         expand(r.opts.LogGroupTemplate, r.family, container),
		"awslogs-region":        r.logRegion(),
		"awslogs-stream-prefix": expand(r.opts.LogStreamPrefix, r.family, container),
	}
}

// logRegion is --log-region, else the task definition's Region; "" when
// neither is known, which TaskDefinition reports as an error before any
// fix runs.
func (r *round) logRegion() string {
	if r.opts.LogRegion != "" {
		return r.opts.LogRegion
	}
	return r.origin.region
}
