// Package spec reads the //rescoord: directives of a type-checked package
// into the model of package templates (templates.File and what it holds),
// validating them. The generator (cmd/rescoordgen) renders the result with
// templates.Render; the controllers analyzer runs the same validation, so
// that both report the same errors at the same positions.
//
// Two directives exist. On a struct type that embeds controller.Base:
//
//	//rescoord:controller coordinator=worker component=CopyVerify priority=10 init=setup
//
// and on a method of such a type, m(ctx context.Context, args...) error:
//
//	//rescoord:operation name=CopyVerify
//
// Directives are read from the comment list itself (CommentGroup.Text drops
// them), in the declaration's doc comment.
package spec
