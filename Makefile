# Builds and installs appraise like any other command-line tool:
#
#   make install PREFIX=$HOME/.local      # build (release), then install
#   make install DESTDIR=/tmp/stage       # stage for a package; PREFIX defaults to /usr/local
#   make uninstall PREFIX=$HOME/.local
#
# Installed: PREFIX/bin/appraise, the catalogs and mappings in PREFIX/share/appraise/practice-catalogs/
# (where the binary looks for them, see Sources/EvidenceParsers/Catalog/BundledCatalog.swift), the man
# page PREFIX/share/man/man1/appraise.1 and bash, zsh and fish completions. `make install-files` installs
# what `make all` built without calling SwiftPM (Tests/AppraiseTests/InstallTests.swift uses it).

PREFIX ?= /usr/local
DESTDIR ?=
SWIFT ?= swift
INSTALL ?= install
BUILD_DIR ?= .build
# The Swift runtime and Foundation linked into the binary: it starts in about half the time and needs no
# Swift toolchain where it is installed (docs/performance.md, "Start-up and the installed binary"). On Linux
# it is also linked at a fixed address (no relocations for the loader to apply to its 110 MB), exports no
# symbols (none is looked up in it) and has no $ORIGIN search path (it loads no library of its own):
# `--version` 4.8 → 3.5 ms, 2.5 ms with libxlsxwriter loaded on use (docs/performance.md, "Floors and
# targets"). The executable then loads at the same address every run; `make LINK_FLAGS=` builds a
# position-independent binary (3.1 ms).
LINK_FLAGS ?= $(if $(filter Linux,$(shell uname -s)),-Xlinker -no-pie -Xlinker --no-export-dynamic --disable-local-rpath)
SWIFTPM_FLAGS ?= --scratch-path $(BUILD_DIR) --static-swift-stdlib $(LINK_FLAGS)
# The man page's date: the last commit's, so rebuilding the same commit gives the same page.
MANUAL_DATE ?= $(shell git log -1 --format=%cs 2>/dev/null)

BINARY ?= $(BUILD_DIR)/release/appraise
MANPAGE ?= $(BUILD_DIR)/manual/appraise.1

bindir := $(DESTDIR)$(PREFIX)/bin
catalogdir := $(DESTDIR)$(PREFIX)/share/appraise/practice-catalogs
man1dir := $(DESTDIR)$(PREFIX)/share/man/man1
bashdir := $(DESTDIR)$(PREFIX)/share/bash-completion/completions
zshdir := $(DESTDIR)$(PREFIX)/share/zsh/site-functions
fishdir := $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d

CATALOGS := $(wildcard practice-catalogs/*.json)
MAPPINGS := $(wildcard practice-catalogs/mappings/*.json)

.PHONY: all build manual install install-files uninstall

all: build manual

build:
	$(SWIFT) build -c release $(SWIFTPM_FLAGS) --product appraise

# swift-argument-parser's GenerateManual plugin builds the package and writes the page into SwiftPM's
# plugin work folder. `swift package` has no --static-swift-stdlib, so a release build by the plugin would
# rebuild and relink the static binary; it uses the debug build (the one `swift build` and `swift test`
# make), which has the same commands and options.
manual:
	$(SWIFT) package --scratch-path $(BUILD_DIR) generate-manual --configuration debug \
	  $(if $(MANUAL_DATE),--date $(MANUAL_DATE))
	mkdir -p $(dir $(MANPAGE))
	cp "$$(find $(BUILD_DIR)/plugins -path '*GenerateManual*' -name appraise.1 | head -n 1)" $(MANPAGE)

install: all
	$(MAKE) install-files

install-files:
	@test -x $(BINARY) || { echo "make: $(BINARY) is missing: run make all" >&2; exit 1; }
	@test -f $(MANPAGE) || { echo "make: $(MANPAGE) is missing: run make all" >&2; exit 1; }
	$(INSTALL) -d $(bindir) $(catalogdir)/mappings $(man1dir) $(bashdir) $(zshdir) $(fishdir)
	$(INSTALL) -m 755 $(BINARY) $(bindir)/appraise
	$(INSTALL) -m 644 $(CATALOGS) $(catalogdir)/
	$(INSTALL) -m 644 $(MAPPINGS) $(catalogdir)/mappings/
	$(INSTALL) -m 644 $(MANPAGE) $(man1dir)/appraise.1
	$(BINARY) --generate-completion-script bash > $(bashdir)/appraise
	$(BINARY) --generate-completion-script zsh > $(zshdir)/_appraise
	$(BINARY) --generate-completion-script fish > $(fishdir)/appraise.fish

uninstall:
	rm -f $(bindir)/appraise $(man1dir)/appraise.1
	rm -f $(bashdir)/appraise $(zshdir)/_appraise $(fishdir)/appraise.fish
	rm -rf $(DESTDIR)$(PREFIX)/share/appraise
