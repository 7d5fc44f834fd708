package awsfake

import (
	"net/http"
	"slices"

	"github.com/ecs2fargate/ecs2fargate/internal/ptr"

	ecrtypes "github.com/aws/aws-sdk-go-v2/service/ecr/types"
)

// ecrDescribeImagesMax is the imageIds limit of ECR DescribeImages.
const ecrDescribeImagesMax = 100

func (s *Server) ecrDescribeImages(w http.ResponseWriter, req request, e *Estate) *apiError {
	var in struct {
		RepositoryName string
		ImageIds       []struct{ ImageTag, ImageDigest string }
	}
	if err := decodeJSON(req.body, &in); err != nil {
		return invalidParam(err.Error())
	}
	if len(in.ImageIds) > ecrDescribeImagesMax {
		return invalidParam("imageIds can have at most 100 items")
	}
	images, ok := e.Images[in.RepositoryName]
	if !ok {
		return &apiError{code: "RepositoryNotFoundException", msg: "The repository with name '" + in.RepositoryName + "' does not exist"}
	}
	out := struct{ ImageDetails []ecrtypes.ImageDetail }{ImageDetails: []ecrtypes.ImageDetail{}}
	for _, img := range images {
		if len(in.ImageIds) == 0 || matchesImage(img, in.ImageIds) {
			out.ImageDetails = append(out.ImageDetails, img)
		}
	}
	writeJSON(w, out)
	return nil
}

func matchesImage(img ecrtypes.ImageDetail, ids []struct{ ImageTag, ImageDigest string }) bool {
	for _, id := range ids {
		if id.ImageDigest != "" && id.ImageDigest == ptr.Value(img.ImageDigest) {
			return true
		}
		if id.ImageTag != "" && slices.Contains(img.ImageTags, id.ImageTag) {
			return true
		}
	}
	return false
}
