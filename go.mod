module github.com/rescoord/rescoord

go 1.26.0

require (
	github.com/dave/jennifer v1.7.1
	github.com/google/uuid v1.6.0
	golang.org/x/mod v0.42.0
	golang.org/x/sync v0.24.0
	golang.org/x/tools v0.52.0
)
