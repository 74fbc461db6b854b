package rawid_test

import (
	"testing"

	"github.com/google/uuid"
	"github.com/rescoord/rescoord/runtime/internal/rawid"
	"github.com/rescoord/rescoord/runtime/resource"
)

func TestLayout(t *testing.T) {
	u := uuid.MustParse("0f1e2d3c-4b5a-8968-b7a6-958473625140")
	id := rawid.Make(0x0f1e2d3c4b5a8968, 0xb7a6958473625140)
	if id != resource.FromUUID(u) || id.UUID() != u {
		t.Fatalf("Make = %s, want %s: resource.ID is no longer its two words, high first", id, u)
	}
	if hi, lo := rawid.Words(resource.FromUUID(u)); hi != 0x0f1e2d3c4b5a8968 || lo != 0xb7a6958473625140 {
		t.Errorf("Words = %x %x", hi, lo)
	}
	if !rawid.Make(0, 0).IsZero() {
		t.Error("Make(0, 0) is not the zero ID")
	}
}
