module example.com/vetmix

go 1.26
