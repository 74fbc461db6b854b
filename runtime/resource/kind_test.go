package resource_test

import (
	"encoding/json"
	"testing"

	"github.com/rescoord/rescoord/runtime/resource"
)

func TestKindNames(t *testing.T) {
	want := map[resource.Kind]string{
		resource.Memory:     "memory",
		resource.FileHandle: "file_handle",
		resource.Thread:     "thread",
		resource.Widget:     "widget",
		resource.Thumbnail:  "thumbnail",
		resource.Map:        "map",
		resource.Worker:     "worker",
		resource.Custom:     "custom",
	}
	for k, name := range want {
		if got := k.String(); got != name {
			t.Errorf("%d.String() = %q, want %q", k, got, name)
		}
		back, err := resource.ParseKind(name)
		if err != nil || back != k {
			t.Errorf("ParseKind(%q) = %v, %v; want %v", name, back, err, k)
		}
	}
	if got := resource.Kind(200).String(); got != "Kind(200)" {
		t.Errorf("invalid kind prints %q", got)
	}
	if _, err := resource.ParseKind("qobject"); err == nil {
		t.Error("ParseKind(qobject) succeeded; want an error naming the valid kinds")
	}
}

func TestKindJSON(t *testing.T) {
	b, err := json.Marshal(map[string]resource.Kind{"k": resource.FileHandle})
	if err != nil || string(b) != `{"k":"file_handle"}` {
		t.Fatalf("Marshal = %s, %v", b, err)
	}
	var back map[string]resource.Kind
	if err := json.Unmarshal(b, &back); err != nil || back["k"] != resource.FileHandle {
		t.Fatalf("Unmarshal = %v, %v", back, err)
	}
	if _, err := json.Marshal(resource.Kind(99)); err == nil {
		t.Error("Marshal of an invalid kind succeeded")
	}
}
