package release

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"

	"golang.org/x/mod/semver"
)

// Rule sets name rules for well-known APIs, so that a user turns them on
// by name (-release.sets=std, release.sets: [std]) instead of writing
// them. Every name in them is checked, as a user's rule is, wherever the
// type checker sees the package.
var ruleSets = map[string][]string{
	// default: the std rules that apply when no set is named (defaultRules).
	"default": defaultRules,
	// none: no rules, to turn the default off (-release.sets=none).
	"none": nil,
	// std: files, network connections and listeners, HTTP response bodies,
	// database/sql's rows, statements, connections and transactions.
	"std": slices.Concat(defaultRules, optInRules),
	// otel: OpenTelemetry spans. Tracer.Start returns the context and the
	// span, result 1, which End ends. Spans from trace.SpanFromContext are
	// someone else's: no rule.
	"otel": {
		"method (go.opentelemetry.io/otel/trace.Tracer).Start#1 End",
	},
	// sqlx: github.com/jmoiron/sqlx's rows (whatever returns an
	// *sqlx.Rows: Queryx, NamedQuery and their Context forms, on every
	// type and as functions), statements, named statements, connections
	// and transactions. The methods sqlx.DB, Tx, Conn and Stmt promote
	// from database/sql (Query, Begin, ...) are std's. A *sqlx.Row needs
	// no rule: its Scan closes it. Tx.Stmtx and Tx.NamedStmt have none
	// either: the transaction closes those statements when it ends.
	"sqlx": {
		"type *github.com/jmoiron/sqlx.Rows Close",
		"method (*github.com/jmoiron/sqlx.NamedStmt).Query Close",
		"method (*github.com/jmoiron/sqlx.NamedStmt).QueryContext Close",
		"method github.com/jmoiron/sqlx.Preparex Close",
		"method github.com/jmoiron/sqlx.PreparexContext Close",
		"method (*github.com/jmoiron/sqlx.DB).Preparex Close",
		"method (*github.com/jmoiron/sqlx.DB).PreparexContext Close",
		"method (*github.com/jmoiron/sqlx.DB).PrepareNamed Close",
		"method (*github.com/jmoiron/sqlx.DB).PrepareNamedContext Close",
		"method (*github.com/jmoiron/sqlx.DB).Connx Close",
		"method (*github.com/jmoiron/sqlx.DB).Beginx Commit|Rollback",
		"method (*github.com/jmoiron/sqlx.DB).BeginTxx Commit|Rollback",
		"method (*github.com/jmoiron/sqlx.DB).MustBegin Commit|Rollback",
		"method (*github.com/jmoiron/sqlx.DB).MustBeginTx Commit|Rollback",
		"method (*github.com/jmoiron/sqlx.Tx).Preparex Close",
		"method (*github.com/jmoiron/sqlx.Tx).PreparexContext Close",
		"method (*github.com/jmoiron/sqlx.Tx).PrepareNamed Close",
		"method (*github.com/jmoiron/sqlx.Tx).PrepareNamedContext Close",
		"method (*github.com/jmoiron/sqlx.Conn).PreparexContext Close",
		"method (*github.com/jmoiron/sqlx.Conn).BeginTxx Commit|Rollback",
	},
	// pgx: github.com/jackc/pgx/v5 and its pgxpool. Whatever returns
	// pgx.Rows or pgx.BatchResults must close them (Query, SendBatch on a
	// connection, pool, pooled connection or transaction); connections
	// close, pools close, a pooled connection goes back with Release (or
	// Hijack, which hands over a *pgx.Conn to close), transactions end in
	// Commit or Rollback, large objects close.
	"pgx": {
		"type github.com/jackc/pgx/v5.Rows Close",
		"type github.com/jackc/pgx/v5.BatchResults Close",
		"method github.com/jackc/pgx/v5.Connect Close",
		"method github.com/jackc/pgx/v5.ConnectConfig Close",
		"method github.com/jackc/pgx/v5.ConnectWithOptions Close",
		"method (*github.com/jackc/pgx/v5.Conn).Begin Commit|Rollback",
		"method (*github.com/jackc/pgx/v5.Conn).BeginTx Commit|Rollback",
		"method (github.com/jackc/pgx/v5.Tx).Begin Commit|Rollback",
		"method (*github.com/jackc/pgx/v5.LargeObjects).Open Close",
		"method github.com/jackc/pgx/v5/pgxpool.New Close",
		"method github.com/jackc/pgx/v5/pgxpool.NewWithConfig Close",
		"method (*github.com/jackc/pgx/v5/pgxpool.Pool).Acquire Release|Hijack",
		"method (*github.com/jackc/pgx/v5/pgxpool.Pool).Begin Commit|Rollback",
		"method (*github.com/jackc/pgx/v5/pgxpool.Pool).BeginTx Commit|Rollback",
		"method (*github.com/jackc/pgx/v5/pgxpool.Conn).Begin Commit|Rollback",
		"method (*github.com/jackc/pgx/v5/pgxpool.Conn).BeginTx Commit|Rollback",
		"method (*github.com/jackc/pgx/v5/pgxpool.Conn).Hijack Close",
		"method (*github.com/jackc/pgx/v5/pgxpool.Tx).Begin Commit|Rollback",
	},
}

// defaultRules are the std rules that apply when no set is named, by a
// flag or the configuration file: those that showed at least 90% precision
// on the corpora of public modules docs/reslint.md lists (files, HTTP
// response bodies, database/sql's rows and transactions). The others are
// in std, opt-in, until they do.
var defaultRules = []string{
	"method os.Open Close",
	"method os.Create Close",
	"method os.OpenFile Close",
	"method os.CreateTemp Close",
	"method os.OpenRoot Close",
	"method net/http.Get Body.Close",
	"method net/http.Head Body.Close",
	"method net/http.Post Body.Close",
	"method net/http.PostForm Body.Close",
	"method (*net/http.Client).Do Body.Close",
	"method (*net/http.Client).Get Body.Close",
	"method (*net/http.Client).Head Body.Close",
	"method (*net/http.Client).Post Body.Close",
	"method (*net/http.Client).PostForm Body.Close",
	"method (*database/sql.DB).Query Close",
	"method (*database/sql.DB).QueryContext Close",
	"method (*database/sql.Tx).Query Close",
	"method (*database/sql.Tx).QueryContext Close",
	"method (*database/sql.Conn).QueryContext Close",
	"method (*database/sql.Stmt).Query Close",
	"method (*database/sql.Stmt).QueryContext Close",
	"method (*database/sql.DB).Begin Commit|Rollback",
	"method (*database/sql.DB).BeginTx Commit|Rollback",
	"method (*database/sql.Conn).BeginTx Commit|Rollback",
}

// optInRules are the rest of std: network connections and listeners,
// database/sql's statements and connections, which have not shown 90%
// precision yet. A statement prepared in a transaction (Tx.Prepare,
// Tx.PrepareContext) has no rule: the transaction closes it when it ends,
// and a leak of it is the transaction's.
var optInRules = []string{
	"method net.Dial Close",
	"method net.DialTimeout Close",
	"method (*net.Dialer).Dial Close",
	"method (*net.Dialer).DialContext Close",
	"method net.Listen Close",
	"method net.ListenPacket Close",
	"method (*net.ListenConfig).Listen Close",
	"method (*database/sql.DB).Prepare Close",
	"method (*database/sql.DB).PrepareContext Close",
	"method (*database/sql.DB).Conn Close",
	"method (*database/sql.Conn).PrepareContext Close",
}

// timerRules are the std rules that apply only in a module whose Go
// version is below 1.23: since then, the runtime collects timers and
// tickers nobody stops.
var timerRules = []string{
	"method time.NewTicker Stop",
	"method time.NewTimer Stop",
}

// setsValue is the -sets flag: comma-separated set names.
type setsValue struct {
	mu    sync.Mutex
	names []string
}

var setsFlag setsValue

func init() {
	Analyzer.Flags.Var(&setsFlag, "sets",
		"comma-separated rule `sets` to check ("+strings.Join(slices.Sorted(maps.Keys(ruleSets)), ", ")+`); replaces release.sets of the configuration file`)
}

func (s *setsValue) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return strings.Join(s.names, ",")
}

// Set replaces the sets; an empty value removes them.
func (s *setsValue) Set(v string) error {
	var names []string
	for _, name := range strings.Split(v, ",") {
		if name = strings.TrimSpace(name); name == "" {
			continue
		}
		if err := knownSet(name); err != nil {
			return err
		}
		names = append(names, name)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.names = names
	return nil
}

func (s *setsValue) get() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.names
}

// knownSet reports an unknown set name.
func knownSet(name string) error {
	if _, ok := ruleSets[name]; !ok {
		return fmt.Errorf("unknown rule set %q (known: %s)", name, strings.Join(slices.Sorted(maps.Keys(ruleSets)), ", "))
	}
	return nil
}

// setRules returns the rules of the named sets, for a module of Go
// version goVersion ("1.22", "" if unknown); origin says where the sets
// were named.
func setRules(names []string, goVersion, origin string) ([]rule, error) {
	var out []rule
	for _, name := range names {
		if err := knownSet(name); err != nil {
			return nil, err
		}
		texts := ruleSets[name]
		if name == "std" && goVersion != "" && semver.Compare("v"+goVersion, "v1.23") < 0 {
			texts = append(slices.Clip(texts), timerRules...)
		}
		for _, text := range texts {
			r, err := parseRule(text)
			if err != nil {
				return nil, fmt.Errorf("rule set %s: %q: %v", name, text, err) // a mistake of ours: the set test catches it
			}
			r.origin = origin + " (set " + name + ")"
			out = append(out, r)
		}
	}
	return out, nil
}
