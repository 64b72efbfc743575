# The README's two commands, and what they need. Everything provisioned lives in .tools/.
#   make run    builds h5lab (release) and starts it
#   make test   provisions cmake and the Python test environment, runs every test
SHELL := /bin/bash
# pip's cmake, when the system's is too old (scripts/provision puts it in .tools/cmake/only).
export PATH := $(CURDIR)/.tools/cmake/only:$(PATH)
export H5LAB_TEST_PYTHON := $(CURDIR)/.tools/test-venv/bin/python

.PHONY: run test build provision

provision:
	scripts/provision all

build:
	scripts/provision cmake
	cargo build --release --bins

run: build
	./target/release/h5lab

test: provision
	H5LAB_REQUIRE_PYTHON=1 cargo test --workspace --no-fail-fast
