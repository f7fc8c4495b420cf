# Dispatch: the two commands are `make run` and `make test`.
JAR := target/dispatch.jar
MVN := mvn -B -q
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test test-fast test-one build browser clean bench bench-http bench-jmh bench-search bench-archive test-classpath audit audit-gds two-nodes

## run: build the jar and serve the site on http://127.0.0.1:8080 (demo data on first start)
run: build
	java -jar $(JAR)

## build: compile, precompile the templates and package target/dispatch.jar (no tests)
build:
	$(MVN) package -DskipTests

## test: install the test browser if it is missing, then run every test, browser tests included,
## and print the ten slowest test classes
test: browser
	@rm -rf target/surefire-reports target/surefire-reports-postgresql
	@rc=0; mvn -B verify || rc=$$?; bash src/build/slowest-tests.sh; exit $$rc

## test-fast: the inner loop: every test without a browser, on SQLite alone (the browser tests
## are tagged @Tag("browser"); the ones run again on PostgreSQL, @Tag("postgresql"))
test-fast:
	mvn -B test -DskipPostgresqlTests -DexcludedGroups=browser

## test-one: one test class, on both engines where it runs on both: make test-one CLASS=AxePagesTest
CLASS ?=
test-one: browser
	@if [ -z "$(CLASS)" ]; then echo "make test-one needs CLASS=SomeTest"; exit 2; fi
	mvn -B test -Dtest='$(CLASS)' -Dsurefire.failIfNoSpecifiedTests=false

## browser: Debian's chromium and chromium-driver, which the browser tests drive
browser:
	@if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then \
	  echo "chromium and chromedriver are installed"; \
	else \
	  echo "installing chromium and chromium-driver"; \
	  $(SUDO) apt-get update -q && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q chromium chromium-driver; \
	fi

## audit: build, serve the local site on a free port, audit it into target/audit (and record
## the run in its database, using the reviews recorded in the newsroom), stop it.
## AUDIT_URL=http://... audits a site that is already running instead; AUDIT_OUT and
## AUDIT_MAX_PAGES set the folder and the page limit. Exits 1 if problems are found.
AUDIT_URL ?=
AUDIT_OUT ?= target/audit
AUDIT_MAX_PAGES ?= 100
audit: build browser
	@if [ -n "$(AUDIT_URL)" ]; then \
	  java -jar $(JAR) audit --base-url "$(AUDIT_URL)" --out "$(AUDIT_OUT)" --max-pages $(AUDIT_MAX_PAGES); \
	else \
	  log=$$(mktemp); \
	  DISPATCH_PORT=0 java -jar $(JAR) >"$$log" 2>&1 & pid=$$!; \
	  trap 'kill $$pid 2>/dev/null; rm -f "$$log"' EXIT INT TERM; \
	  for i in $$(seq 1 120); do grep -q " is serving " "$$log" && break; kill -0 $$pid 2>/dev/null || break; sleep 0.5; done; \
	  url=$$(sed -n 's/^Dispatch is serving .* at \(http[^ ]*\)$$/\1/p' "$$log"); \
	  if [ -z "$$url" ]; then echo "make audit: the local site did not start:"; cat "$$log"; exit 1; fi; \
	  java -jar $(JAR) audit --base-url "$$url" --out "$(AUDIT_OUT)" --max-pages $(AUDIT_MAX_PAGES) --record; \
	fi

## audit-gds: how many of the barriers in GDS's accessibility-tool-audit suite the audit finds,
## test by test and by category (src/bench/gds-suite.sh, about ten minutes). The suite is not
## included here: git clone https://github.com/alphagov/accessibility-tool-audit, then
## make audit-gds GDS=/path/to/accessibility-tool-audit (the report goes to GDS_OUT, target/audit-gds).
GDS ?=
audit-gds:
	@if [ -z "$(GDS)" ]; then echo "make audit-gds needs GDS=/path/to/accessibility-tool-audit, a checkout of https://github.com/alphagov/accessibility-tool-audit"; exit 2; fi
	@$(MAKE) --no-print-directory build browser
	bash src/bench/gds-suite.sh "$(GDS)"

## bench: the HTTP benchmark against nginx, then the JMH benchmarks (about four minutes)
bench: bench-http bench-jmh

## bench-http: build the jar, serve the demo on loopback, and measure four pages with wrk beside nginx serving copies
bench-http:
	bash src/bench/run.sh

## bench-jmh: JMH benchmarks for rendering an article's template and its Markdown body
bench-jmh: test-classpath
	java -cp target/test-classes:target/classes:$$(cat target/test-classpath.txt) org.openjdk.jmh.Main \
	  -foe true dispatch.article.RenderingBenchmark

test-classpath:
	$(MVN) test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test

## bench-search: time searches over 10,000 generated articles (median and worst)
bench-search: test-classpath
	java -cp target/test-classes:target/classes:$$(cat target/test-classpath.txt) dispatch.search.SearchBenchmark

## bench-archive: generate a twenty-year archive (200,000 articles; ARCHIVE_ARTICLES=20000 for a
## smaller one) on SQLite, serve it, and time the list pages, sitemaps, a feed, search, startup and backup
bench-archive:
	bash src/bench/archive.sh

## two-nodes: two nodes on one PostgreSQL behind nginx on http://127.0.0.1:8080 (a throwaway
## cluster unless DISPATCH_DATABASE_URL is set); shows a session answered by both, then serves
two-nodes: build
	bash src/examples/two-nodes/run.sh

clean:
	$(MVN) clean
