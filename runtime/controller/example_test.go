package controller_test

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/rescoord/rescoord/runtime/controller"
	"github.com/rescoord/rescoord/runtime/resource"
)

// Scanner is a hand-written controller with one operation; rescoordgen
// writes NewScanner, StartScan and CancelScan from directives.
type Scanner struct {
	controller.Base
	mu      sync.Mutex
	current resource.ID
}

func NewScanner(opts ...controller.Option) *Scanner {
	s := &Scanner{}
	s.Init(s, controller.Workers, opts...)
	return s
}

func (s *Scanner) StartScan(done chan<- int) (resource.ID, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.current.IsZero() {
		return resource.ID{}, fmt.Errorf("StartScan: %w", controller.ErrBusy)
	}
	s.current = s.Workers().Go("scan", func(ctx context.Context) error {
		done <- 42
		<-ctx.Done()
		return nil
	})
	return s.current, nil
}

func Example() {
	svc := resource.NewManager()
	s := NewScanner(controller.WithService(svc))

	found := make(chan int, 1)
	if _, err := s.StartScan(found); err != nil {
		fmt.Println(err)
	}
	fmt.Println("found", <-found)
	_, err := s.StartScan(found)
	fmt.Println(errors.Is(err, controller.ErrBusy))

	// The UI's cleanup (closing the tab) ends with the controller's.
	fmt.Println(s.Cleanup())
	fmt.Println(len(s.Resources().Live()), "live")
	// Output:
	// found 42
	// true
	// <nil>
	// 0 live
}
