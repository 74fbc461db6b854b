package coord

// runningList links the workers whose goroutine (or object) has not been
// seen to end, released or not: what CancelAll, CleanupAll and Close wait
// for. Guarded by the coordinator's mutex.
type runningList struct {
	head *worker
	n    int
}

func (l *runningList) add(w *worker) {
	w.prev, w.next, w.listed = nil, l.head, true
	if l.head != nil {
		l.head.prev = w
	}
	l.head = w
	l.n++
}

// remove unlinks w and reports whether it was listed.
func (l *runningList) remove(w *worker) bool {
	if !w.listed {
		return false
	}
	if w.prev != nil {
		w.prev.next = w.next
	} else {
		l.head = w.next
	}
	if w.next != nil {
		w.next.prev = w.prev
	}
	w.prev, w.next, w.listed = nil, nil, false
	l.n--
	return true
}

func (l *runningList) all() []*worker {
	out := make([]*worker, 0, l.n)
	for w := l.head; w != nil; w = w.next {
		out = append(out, w)
	}
	return out
}
