module github.com/rescoord/rescoord/golangci

go 1.26.0

require (
	github.com/golangci/plugin-module-register v0.1.2
	github.com/rescoord/rescoord v0.0.0
	golang.org/x/tools v0.52.0
)

require (
	github.com/dave/jennifer v1.7.1 // indirect
	go.yaml.in/yaml/v3 v3.0.6 // indirect
	golang.org/x/mod v0.42.0 // indirect
)

replace github.com/rescoord/rescoord => ../
