package fixes

import "testing"

func TestInTest(t *testing.T) {
	var k kept
	_ = k.inTest
}
