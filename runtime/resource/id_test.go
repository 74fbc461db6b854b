package resource_test

import (
	"encoding/json"
	"testing"

	"github.com/google/uuid"
	"github.com/rescoord/rescoord/runtime/resource"
)

func TestIDText(t *testing.T) {
	id := resource.NewID()
	if id.IsZero() {
		t.Fatal("NewID returned the zero ID")
	}
	if v := id.UUID().Version(); v != 4 {
		t.Errorf("NewID version = %d, want 4", v)
	}
	back, err := resource.ParseID(id.String())
	if err != nil || back != id {
		t.Fatalf("ParseID(%s) = %v, %v", id, back, err)
	}
	u := uuid.MustParse("0f1e2d3c-4b5a-8968-b7a6-958473625140")
	if got := resource.FromUUID(u); got.UUID() != u || got.String() != u.String() {
		t.Errorf("FromUUID round trip: %s", got)
	}
	if resource.FromUUID(u) == resource.FromUUID(uuid.MustParse("0f1e2d3c-4b5a-8968-b7a6-958473625141")) {
		t.Error("IDs that differ in their last byte compare equal")
	}
	if _, err := resource.ParseID("not-a-uuid"); err == nil {
		t.Error("ParseID accepted garbage")
	}
	b, _ := json.Marshal(id)
	var j resource.ID
	if err := json.Unmarshal(b, &j); err != nil || j != id {
		t.Errorf("JSON round trip: %s → %v, %v", b, j, err)
	}
	if err := json.Unmarshal([]byte(`"nope"`), &j); err == nil {
		t.Error("UnmarshalText accepted garbage")
	}
	if !(resource.ID{}).IsZero() {
		t.Error("zero ID is not IsZero")
	}
}
