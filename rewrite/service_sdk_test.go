package rewrite

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"path/filepath"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecs"
	elbv2 "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2"
	"github.com/aws/smithy-go/middleware"
)

// errSvcValidated stops a request right after the SDK's client-side
// validation, before anything is serialised or sent.
var errSvcValidated = errors.New("validated; not sent")

func svcStopAfterValidation(stack *middleware.Stack) error {
	return stack.Serialize.Add(middleware.SerializeMiddlewareFunc("svcStopAfterValidation",
		func(context.Context, middleware.SerializeInput, middleware.SerializeHandler) (middleware.SerializeOutput, middleware.Metadata, error) {
			return middleware.SerializeOutput{}, middleware.Metadata{}, errSvcValidated
		}), middleware.Before)
}

// svcStrictDecode decodes a --cli-input-json document into an SDK input,
// failing on any member the SDK does not know.
func svcStrictDecode(t *testing.T, name string, doc []byte, dst any) {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(doc))
	dec.DisallowUnknownFields()
	if err := dec.Decode(dst); err != nil {
		t.Fatalf("%s does not decode into %T: %v", name, dst, err)
	}
}

func svcWantValidated(t *testing.T, name string, err error) {
	t.Helper()
	if !errors.Is(err, errSvcValidated) {
		t.Errorf("%s fails the SDK's validation: %v", name, err)
	}
}

// TestServiceDocumentsPassSDKValidation runs every document of every case
// through a real SDK client whose request stops after validation.
func TestServiceDocumentsPassSDKValidation(t *testing.T) {
	ctx := context.Background()
	ecsClient := ecs.New(ecs.Options{Region: "us-east-1", Credentials: aws.AnonymousCredentials{}, APIOptions: []func(*middleware.Stack) error{svcStopAfterValidation}})
	elbClient := elbv2.New(elbv2.Options{Region: "us-east-1", Credentials: aws.AnonymousCredentials{}, APIOptions: []func(*middleware.Stack) error{svcStopAfterValidation}})
	for _, dir := range svcCaseDirs(t) {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			_, res := svcLoadCase(t, dir)
			if res.UpdateService != nil {
				var in ecs.UpdateServiceInput
				svcStrictDecode(t, "update-service", res.UpdateService, &in)
				_, err := ecsClient.UpdateService(ctx, &in)
				svcWantValidated(t, "update-service", err)
			}
			if res.CreateService != nil {
				var in ecs.CreateServiceInput
				svcStrictDecode(t, "create-service", res.CreateService, &in)
				_, err := ecsClient.CreateService(ctx, &in)
				svcWantValidated(t, "create-service", err)
			}
			for _, tg := range res.TargetGroups {
				var in elbv2.CreateTargetGroupInput
				svcStrictDecode(t, tg.Name, tg.Document, &in)
				_, err := elbClient.CreateTargetGroup(ctx, &in)
				svcWantValidated(t, tg.Name, err)
			}
		})
	}
}

// TestSDKValidationCatchesBadDocuments proves the check above can fail: a
// request missing its required member is rejected before the stop.
func TestSDKValidationCatchesBadDocuments(t *testing.T) {
	ecsClient := ecs.New(ecs.Options{Region: "us-east-1", Credentials: aws.AnonymousCredentials{}, APIOptions: []func(*middleware.Stack) error{svcStopAfterValidation}})
	var in ecs.UpdateServiceInput
	svcStrictDecode(t, "update-service", []byte(`{"cluster":"c","capacityProviderStrategy":[{"weight":1}]}`), &in)
	_, err := ecsClient.UpdateService(context.Background(), &in)
	if err == nil || errors.Is(err, errSvcValidated) {
		t.Fatalf("a request without service and capacityProvider passed validation: %v", err)
	}
	var tg elbv2.CreateTargetGroupInput
	dec := json.NewDecoder(bytes.NewReader([]byte(`{"Name":"x","TargetTyp":"ip"}`)))
	dec.DisallowUnknownFields()
	if dec.Decode(&tg) == nil {
		t.Fatal("a misspelt member decoded without error")
	}
}
