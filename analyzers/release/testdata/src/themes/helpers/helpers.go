// Package helpers releases resources for its callers in other packages,
// as a telemetry package's EndWithCause (spancheck #45) or a shared
// closeRows (sqlclosecheck #43) does: facts carry what they do.
package helpers

import (
	"database/sql"
	"log"

	"example.com/fixture/tracer"
)

// EndWithCause ends the span, naming it after the error it ends with.
func EndWithCause(span tracer.Span, errp *error) { // want EndWithCause:"releases\\(0 End\\)"
	if errp != nil && *errp != nil {
		span.SetName((*errp).Error())
	}
	span.End()
}

// Annotate only names the span.
func Annotate(span tracer.Span, name string) { span.SetName(name) }

// CloseRows closes the rows and logs the error.
func CloseRows(rows *sql.Rows) { // want CloseRows:"releases\\(0 Close\\)"
	if err := rows.Close(); err != nil {
		log.Print(err)
	}
}
