//go:build ignore

package main

func main() {
	go main()
}
