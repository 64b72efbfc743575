# The README's two commands, and what they need. Everything provisioned lives in .tools/.
#   make run    builds h5lab (release) and starts it on the low-level API tutorial
#               (examples/low-level-api.py, each cell shown as typed), in the scratch
#               directory .tools/run so the tutorial's HDF5 files stay out of the
#               repository; the session then stays interactive
#   make test   provisions cmake and the Python test environment, runs every test
SHELL := /bin/bash
# pip's cmake, when the system's is too old (scripts/provision puts it in .tools/cmake/only).
export PATH := $(CURDIR)/.tools/cmake/only:$(PATH)
export H5LAB_TEST_PYTHON := $(CURDIR)/.tools/test-venv/bin/python
# Where cargo puts the binaries (CARGO_TARGET_DIR respected).
target_dir := $(or $(CARGO_TARGET_DIR),$(CURDIR)/target)

.PHONY: run test build provision

provision:
	scripts/provision all

build:
	scripts/provision cmake
	cargo build --release --bins

run: build
	mkdir -p .tools/run
	cd .tools/run && $(target_dir)/release/h5lab -i $(CURDIR)/examples/low-level-api.py

test: provision
	H5LAB_REQUIRE_PYTHON=1 cargo test --workspace --no-fail-fast
