# The two quick-start commands (README.md) and a few more. Every target that
# builds first installs what is missing (scripts/install-deps.sh, idempotent).
.PHONY: deps build demo test test-release test-sanitize sanitize bench fuzz format clean

JOBS ?= $(shell nproc)
CLEF := build/release/cli/clef

deps:
	@bash scripts/install-deps.sh

build: deps
	@cmake --preset release >/dev/null
	@cmake --build --preset release -j $(JOBS)

# The main job on the bundled samples: check every mission and agreement.
# Builds the clef command only (not the tests or benchmarks), so that a
# newcomer sees the first verdict sooner.
demo: deps
	@cmake --preset release >/dev/null
	@cmake --build --preset release -j $(JOBS) --target clef
	@bash scripts/demo.sh

# What CI runs: release build and tests, then the same tests under ASan+UBSan.
test: test-release test-sanitize

test-release: build
	@ctest --preset release -j $(JOBS)

sanitize: deps
	@cmake --preset sanitize >/dev/null
	@cmake --build --preset sanitize -j $(JOBS)

test-sanitize: sanitize
	@ctest --preset sanitize -j $(JOBS)

bench: build
	@bash bench/run.sh

fuzz: deps
	@cmake --preset fuzz >/dev/null
	@cmake --build --preset fuzz -j $(JOBS)

format:
	@find engine cli tests bench fuzz -name '*.cc' -o -name '*.h' | xargs clang-format -i

clean:
	@rm -rf build
