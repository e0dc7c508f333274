#include "XLSXWriterLoader.h"

#include <pthread.h>
#include <stdio.h>

static appraise_xlsxwriter table;
/* Why load() could not fill the table; NULL when it did. */
static const char *reason;

#if defined(__APPLE__)
/* Linked as usual (pkg-config's -lxlsxwriter): the table holds the functions' own addresses. */
static void load(void) {
#define APPRAISE_XLSXWRITER_SET(name) table.name = &name;
  APPRAISE_XLSXWRITER_FUNCTIONS(APPRAISE_XLSXWRITER_SET)
#undef APPRAISE_XLSXWRITER_SET
}
#else
#include <dlfcn.h>

static char message[512];

/* Opened by its versioned name (the ABI the header describes), else by the development link. Nothing here
   takes a function's address, so the binary needs the library only when a workbook is written (the release
   build links with --as-needed, docs/performance.md). */
static void load(void) {
  void *library = dlopen("libxlsxwriter.so." LXW_SOVERSION, RTLD_NOW | RTLD_LOCAL);
  if (library == NULL) {
    /* The versioned name's error is the one to show. */
    const char *error = dlerror();
    snprintf(message, sizeof message,
             "libxlsxwriter " LXW_SOVERSION " cannot be loaded (%s); install it (Debian: libxlsxwriter4)",
             error ? error : "not found");
    library = dlopen("libxlsxwriter.so", RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
      reason = message;
      return;
    }
  }
  void *function;
#define APPRAISE_XLSXWRITER_SET(symbol)                                                           \
  function = dlsym(library, #symbol);                                                             \
  if (function == NULL) {                                                                         \
    snprintf(message, sizeof message, "libxlsxwriter has no function " #symbol " (version %s?)", \
             LXW_VERSION);                                                                        \
    reason = message;                                                                             \
    return;                                                                                       \
  }                                                                                               \
  *(void **)&table.symbol = function;
  APPRAISE_XLSXWRITER_FUNCTIONS(APPRAISE_XLSXWRITER_SET)
#undef APPRAISE_XLSXWRITER_SET
}
#endif

static pthread_once_t once = PTHREAD_ONCE_INIT;

const appraise_xlsxwriter *appraise_xlsxwriter_load(const char **failure) {
  pthread_once(&once, load);
  *failure = reason;
  return reason == NULL ? &table : NULL;
}
