// Package tabs holds the application's tabs: Fyne widgets and nothing else.
//
// Each tab follows the original guide's Tab pattern. Its constructor builds
// the widgets and tells its controller where to report; its buttons call the
// controller's generated Start and Cancel methods; the controller's events
// come back on the controller's goroutine and reach the widgets through
// fyne.Do; and its Cleanup cancels the operation and cleans the controller
// up. What the guide's "What to Remove from Tabs" lists is not here: no
// resource service, no coordinator, no resource IDs, no goroutines.
//
//reslint:layer ui
package tabs
