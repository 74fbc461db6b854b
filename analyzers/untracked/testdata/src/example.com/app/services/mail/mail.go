// Package mail is controller-layer code by the module's .reslint.yaml.
package mail

func run() {
	go run() // want `goroutine started outside`
}
