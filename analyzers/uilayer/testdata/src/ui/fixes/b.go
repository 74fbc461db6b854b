package fixes

import "github.com/rescoord/rescoord/runtime/resource" // want `UI package imports runtime/resource`

type kept struct {
	used   resource.ID // want `field used`
	dead   resource.ID // want `field dead`
	Public resource.ID // want `field Public`
	inTest resource.ID // want `field inTest`
	x, y   resource.ID // want `field x` `field y`
	z, w   resource.ID // want `field z` `field w`
}

func (k *kept) get() resource.ID { return k.used }

func (k *kept) half() { k.w = resource.ID{} }

type positional struct {
	id resource.ID // want `field id`
	n  int
}

var _ = positional{resource.ID{}, 1}

type converted struct {
	id resource.ID // want `field id`
}

type sameShape struct{ id resource.ID } // want `field id`

var _ = converted(sameShape{})

func local() {
	var anon struct {
		id resource.ID // want `field id`
	}
	_ = anon
}
