//go:build rescoordtag

package buildtags

func (x *c) other() { go x.run() }
